import Foundation
import LandRegistry

/// A request's query string, read strictly: names and values
/// percent-decoded (`+` is a space), each name at most once, nothing
/// unknown — a parameter the service does not take is refused (400), never
/// ignored, so that a misspelt filter cannot return everything.
struct QueryString {
    /// The longest query string read (a longer one is refused).
    static let maximumLength = 8192
    private(set) var values: [String: String] = [:]

    init(_ query: String?) throws {
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= QueryString.maximumLength else {
            throw ServiceError(status: .badRequest, code: "InvalidRequest",
                               description: "the query string is longer than \(QueryString.maximumLength) bytes")
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = QueryString.decode(parts[0]) else {
                throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "a parameter's name is not percent-encoded UTF-8")
            }
            guard let value = QueryString.decode(parts.count > 1 ? parts[1] : "") else {
                throw ServiceError.parameter(name, "its value is not percent-encoded UTF-8")
            }
            guard values.updateValue(value, forKey: name) == nil else { throw ServiceError.parameter(name, "is given twice") }
        }
    }

    /// Percent-decoding, `+` as a space; nil for a broken escape or bytes
    /// that are not UTF-8 (byte by byte: Foundation's decoding cost a
    /// request more than its page's rows).
    static func decode(_ text: Substring) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x25 || $0 == 0x2B }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let byte = utf8[i]
            i = utf8.index(after: i)
            switch byte {
            case 0x2B: bytes.append(0x20)  // + is a space
            case 0x25:  // %XX
                guard i != utf8.endIndex, let high = hexValue(utf8[i]) else { return nil }
                i = utf8.index(after: i)
                guard i != utf8.endIndex, let low = hexValue(utf8[i]) else { return nil }
                i = utf8.index(after: i)
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Percent-encoded for a URL's path or query: every byte but the
    /// unreserved characters (and `,`, which bbox lists keep readable).
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2C: out.append(byte)
            default: out.append(contentsOf: [0x25, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parameters given otherwise (a form's fields), held to the same rules.
    init(values: [String: String]) { self.values = values }

    subscript(_ name: String) -> String? { values[name] }

    /// Refuses the parameters not among `known` (nor accepted by `alsoKnown`).
    func refuseUnknown(_ known: Set<String>, alsoKnown: (String) -> Bool = { _ in false }) throws {
        if let name = values.keys.sorted().first(where: { !known.contains($0) && !alsoKnown($0) }) {
            throw ServiceError.parameter(name, "is not a parameter of this resource (\(known.sorted().joined(separator: ", ")))")
        }
    }
}
