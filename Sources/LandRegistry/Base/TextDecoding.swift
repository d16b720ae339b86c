#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text of files staff receive: UTF-8 when it is valid UTF-8 (a BOM is
/// dropped), otherwise GBK/GB18030 (Chinese Windows' default), decoded with
/// iconv. Nil when neither fits.
func decodeChineseText(_ bytes: [UInt8], encoding: String? = nil) -> String? {
    var bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let wanted = encoding?.uppercased().replacingOccurrences(of: "-", with: "")
    if wanted == nil || wanted == "UTF8" {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if wanted == "UTF8" { return nil }
    }
    return iconvDecode(bytes, from: wanted.map { $0 == "GBK" || $0 == "CP936" ? "GB18030" : $0 } ?? "GB18030")
}

/// Decodes `bytes` from `charset` to a String with iconv.
func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
    iconvConvert(bytes, from: charset, to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
}

/// `bytes` in `source` converted to `target` with iconv; nil when they cannot be.
func iconvConvert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
    let converter = iconv_open(target, source)
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
    var inLeft = input.count, outLeft = output.count
    let ok = input.withUnsafeMutableBufferPointer { inBuffer -> Bool in
        output.withUnsafeMutableBufferPointer { outBuffer -> Bool in
            var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
            var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
            return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1
        }
    }
    guard ok, inLeft == 0 else { return nil }
    let count = output.count - outLeft
    return output[0..<count].map { UInt8(bitPattern: $0) }
}

/// The bytes without a UTF-8 sequence cut short at their end: a `.dbf`
/// field name is at most 10 bytes, so a 4-character Chinese name written in
/// UTF-8 (12 bytes, as QGIS writes it) ends in part of its fourth character,
/// which GDAL leaves out as well.
func trimmingCutUTF8(_ bytes: [UInt8]) -> [UInt8] {
    // The last lead byte, and how many bytes its character needs.
    guard let lead = bytes.lastIndex(where: { $0 & 0xC0 != 0x80 }), bytes[lead] >= 0xC0 else { return bytes }
    let needed = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
    return bytes.count - lead < needed ? Array(bytes[..<lead]) : bytes
}
