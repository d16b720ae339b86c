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
