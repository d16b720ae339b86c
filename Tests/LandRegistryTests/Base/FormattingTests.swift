import Foundation
import XCTest
@testable import LandRegistry

final class FormattingTests: XCTestCase {
    /// `fixed` agrees with printf's rounding to every number of decimals a
    /// report uses (it padded 7 decimals with the scale of 6: 113.17978 as 113.0179780).
    func testFixedAgreesWithPrintfOnRandomNumbers() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let decimals = Int.random(in: 0...9, using: &g)
            let value = Double.random(in: -200...200, using: &g) * (Bool.random(using: &g) ? 1 : 1000)
            let printed = String(format: "%.\(decimals)f", value)
            let ours = fixed(value, decimals)
            // Halfway values (and their binary approximations) may round either way: within one unit of the last place.
            XCTAssertEqual(Double(ours)!, Double(printed)!, accuracy: pow(10, -Double(decimals)) * 1.0001 + 1e-9, "\(value) to \(decimals)")
            XCTAssertEqual(ours.split(separator: ".").last?.count ?? 0, decimals == 0 ? ours.count : decimals, "\(ours)")
        }
    }

    /// A number read from a file or a request is the whole text or nothing:
    /// Swift's `Double("1\0junk")` is 1 (its reading stops at a NUL), which
    /// let `bbox=1%00,2,3,4` through as 1,2,3,4 and a coordinate file's
    /// `3950000.5<NUL>99` through as 3950000.5.
    func testADecimalIsTheWholeTextOrNothing() {
        for text in ["1\u{0}junk", "1\u{0}", "0x10", "nan", "inf", "infinity", "1e400", "", "-", ".", "1,5", " 1", "1 ", "1e", "--1"] {
            XCTAssertNil(Double(decimal: text), "'\(text.debugDescription)'")
        }
        for (text, value) in [("1", 1.0), ("-2.5", -2.5), ("+.5", 0.5), ("3950000.125", 3950000.125), ("1e3", 1000), ("6.02E-3", 0.00602)] {
            XCTAssertEqual(Double(decimal: text), value, text)
        }
        // Random numbers as printf writes them read back exactly.
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double.random(in: -1e7...1e7, using: &g)
            XCTAssertEqual(Double(decimal: "\(value)"), value)
            XCTAssertEqual(Double(decimal: String(format: "%.3f", value)), Double(String(format: "%.3f", value)))
        }
    }
}

/// `Phrase.fill` scans its template as UTF-8; it fills exactly as the
/// Character-by-Character reading it replaced, on random templates of
/// Chinese, braces, digits and stray signs.
final class PhraseFillTests: XCTestCase {
    /// The reading `fill` had before (grapheme by grapheme), as the oracle.
    private func reference(_ template: String, _ values: [String]) -> String {
        guard !values.isEmpty else { return template }
        var out = "", next = 0
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = after[..<close].isEmpty ? next + 1 : Int(after[..<close]), n >= 1, n <= values.count {
                out += values[n - 1]
                if after[..<close].isEmpty { next += 1 }
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    func testFillAgreesWithTheCharacterReading() {
        var g = SystemRandomNumberGenerator()
        let pieces = ["{", "}", "{}", "{1}", "{2}", "{3}", "{0}", "{12}", "{+1}", "{-1}", "{a}", "地块", "重叠", " m²", "亩", "x", "9", "（", "）"]
        for _ in 0..<5000 {
            let template = (0..<Int.random(in: 0...12, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            let values = (0..<Int.random(in: 0...3, using: &g)).map { _ in ["LC-01", "磨河泉", "{}", "", "12.5"].randomElement(using: &g)! }
            XCTAssertEqual(Phrase.fill(template, with: values), reference(template, values), "\(template) \(values)")
        }
    }
}
