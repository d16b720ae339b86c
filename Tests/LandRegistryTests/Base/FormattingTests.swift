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
}
