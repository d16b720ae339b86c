/// Coordinates read in place: most of a GeoJSON file's bytes are numbers.
extension JSONParser {
    /// A number in an array of coordinates: read where it lies in the
    /// source's buffer when all of it is there and Clinger's fast path takes
    /// it (see `fastNumber`); otherwise as `parseDouble` reads it, which
    /// also names what is wrong with it.
    func parseCoordinate() throws -> Double {
        _ = source.skipWhitespace()
        if let value = source.scanBuffered(JSONParser.fastNumber) { return value }
        return try parseDouble()
    }

    /// A JSON number at the start of `bytes` — no exponent, at most 15
    /// digits, at most 22 after the point — and how many bytes it takes;
    /// (0, nil) for anything else: an exponent, a longer number, a number
    /// running to the end of `bytes` (it may go on past them), a malformed one.
    static func fastNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> (consumed: Int, result: Double?) {
        let n = bytes.count
        var i = 0
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0, digits = 0, scale = 0
        let integerStart = i
        while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        // At least one digit, and no leading zero before another digit.
        guard i > integerStart, !(bytes[integerStart] == 0x30 && i - integerStart > 1) else { return (0, nil) }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 0x30)
                digits += 1
                scale -= 1
                i += 1
            }
            guard i > fractionStart else { return (0, nil) }
        }
        // What ends it must be in the buffer and not go on as a number would.
        guard i < n else { return (0, nil) }
        switch bytes[i] {
        case 0x30...0x39, UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return (0, nil)
        default: break
        }
        guard digits <= 15, scale >= -22 else { return (0, nil) }
        var value = Double(mantissa)
        if scale < 0 { value /= powersOfTen[-scale] }
        return (i, negative ? -value : value)
    }
}
