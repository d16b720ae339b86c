#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A syntax error in JSON input, with the line and byte offset.
struct JSONSyntaxError: Error {
    let message: Phrase
    let line: Int
    let offset: Int
}

/// A recursive-descent JSON parser over a `ByteSource` with a depth limit, so
/// hostile input (10,000-deep arrays) gives an error instead of a crash.
final class JSONParser {
    let source: ByteSource
    let maxDepth: Int
    @exclusivity(unchecked) private var scratch: [UInt8] = []

    init(_ source: ByteSource, maxDepth: Int = 256) {
        self.source = source
        self.maxDepth = maxDepth
        scratch.reserveCapacity(64)
    }

    func error(_ message: Phrase) -> JSONSyntaxError {
        JSONSyntaxError(message: message, line: source.line, offset: source.offset)
    }

    /// Consumes the expected byte after white space, or throws.
    func expect(_ byte: UInt8, _ what: String) throws {
        guard let next = source.skipWhitespace() else {
            throw error("unexpected end of input, expected \(what)")
        }
        guard next == byte else {
            throw error("expected \(what), found \(describe(next))")
        }
        _ = source.next()
    }

    func describe(_ byte: UInt8) -> Phrase {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    /// Parses any value.
    func parseValue(depth: Int = 0) throws -> JSONValue {
        guard let byte = source.skipWhitespace() else { throw error("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw error("JSON nested deeper than \(maxDepth) levels") }
            _ = source.next()
            var members: [(String, JSONValue)] = []
            if source.skipWhitespace() == UInt8(ascii: "}") { _ = source.next(); return .object(members) }
            while true {
                let key = try parseKey()
                members.append((key, try parseValue(depth: depth + 1)))
                if try endOfContainer(UInt8(ascii: "}")) { return .object(members) }
            }
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw error("JSON nested deeper than \(maxDepth) levels") }
            _ = source.next()
            var items: [JSONValue] = []
            if source.skipWhitespace() == UInt8(ascii: "]") { _ = source.next(); return .array(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                if try endOfContainer(UInt8(ascii: "]")) { return .array(items) }
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let (value, text) = try parseNumber()
            return .number(value, text)
        default:
            throw error("unexpected \(describe(byte))")
        }
    }

    /// After a member or item: true at the closing bracket, false after a comma.
    func endOfContainer(_ close: UInt8) throws -> Bool {
        guard let byte = source.skipWhitespace() else { throw error("unexpected end of input") }
        _ = source.next()
        if byte == close { return true }
        if byte == UInt8(ascii: ",") { return false }
        throw error("expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describe(byte))")
    }

    /// Parses `"key":`.
    func parseKey() throws -> String {
        guard let byte = source.skipWhitespace() else { throw error("unexpected end of input") }
        guard byte == UInt8(ascii: "\"") else { throw error("expected a member name, found \(describe(byte))") }
        let key = try parseString()
        try expect(UInt8(ascii: ":"), "':'")
        return key
    }

    private func literal(_ word: StaticString) throws {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in bytes {
            guard source.next() == expected else { throw error("invalid literal, expected '\(word)'") }
        }
    }

    /// Parses a string literal (the opening quote not yet consumed).
    func parseString() throws -> String {
        _ = source.next()
        scratch.removeAll(keepingCapacity: true)
        var ascii = true
        while true {
            guard let stop = source.scanStringRun(into: &scratch, ascii: &ascii) else {
                throw error("unterminated string")
            }
            _ = source.next()
            if stop == UInt8(ascii: "\"") { break }
            if stop < 0x20 { throw error("control character in string") }
            guard let escape = source.next() else { throw error("unterminated string") }
            switch escape {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard source.next() == UInt8(ascii: "\\"), source.next() == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("unpaired surrogate in \\u escape")
                }
                ascii = false
                scratch.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
        }
        return try scratch.withUnsafeBufferPointer { bytes -> String in
            if ascii {
                return String(unsafeUninitializedCapacity: bytes.count) { target in
                    _ = target.initialize(fromContentsOf: bytes)
                    return bytes.count
                }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw error("string is not valid UTF-8") }
            return text
        }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = source.next() else { throw error("unterminated \\u escape") }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + digit
        }
        return value
    }

    /// Parses a number; returns its value and its text.
    func parseNumber() throws -> (Double, String) {
        let value = try parseDouble()
        return (value, String(decoding: scratch.dropLast(), as: UTF8.self))
    }

    /// Parses a number into a Double, correctly rounded (exactly when the
    /// digits fit a 53-bit integer and the power of ten is small, else
    /// strtod); `scratch` holds its NUL-terminated text afterwards.
    func parseDouble() throws -> Double {
        scratch.removeAll(keepingCapacity: true)
        _ = source.skipWhitespace()
        while let byte = source.peek() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                scratch.append(byte)
                _ = source.next()
                if scratch.count > 400 { throw error("number too long") }
                continue
            default:
                break
            }
            break
        }
        guard isValidJSONNumber(scratch) else {
            throw error("invalid number '\(String(decoding: scratch, as: UTF8.self))'")
        }
        if let value = JSONParser.fastDouble(scratch) {
            scratch.append(0)
            return value
        }
        scratch.append(0)
        let value = scratch.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { strtod($0, nil) }
        }
        guard value.isFinite else {
            throw error("number out of range '\(String(decoding: scratch.dropLast(), as: UTF8.self))'")
        }
        return value
    }

    static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// Clinger's fast path: a decimal whose digits form an integer below
    /// 2^53 and whose power of ten is at most 22 converts exactly with one
    /// IEEE multiplication or division, so the result is correctly rounded.
    /// Nil when the number is outside that path.
    static func fastDouble(_ bytes: [UInt8]) -> Double? {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 0x30)
                digits += 1
                scale -= 1
                i += 1
            }
        }
        if i < n { return nil }  // an exponent: leave it to strtod
        guard digits <= 15, mantissa < (1 << 53), scale >= -22 else { return nil }
        var value = Double(mantissa)
        if scale < 0 { value /= powersOfTen[-scale] }
        return negative ? -value : value
    }

    /// The JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private func isValidJSONNumber(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        func digits() -> Int {
            let start = i
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < n, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return false }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < n, bytes[i] == UInt8(ascii: ".") { i += 1; if digits() == 0 { return false } }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == n
    }
}
