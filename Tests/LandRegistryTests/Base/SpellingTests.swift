import XCTest
@testable import LandRegistry
import TestSupport

/// "Did you mean …?": the same suggestion whatever order the candidates come
/// in (they often come from a dictionary, whose order changes from run to
/// run: the same bad file once said LC-SEC-01, once LC-SEC-03).
final class SpellingTests: XCTestCase {
    func testTheSuggestionDoesNotDependOnOrder() {
        var rng = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        let codes = ["LC-SEC-03", "LC-SEC-01", "140524-WS-001", "LC-SEC-02", "140524", "LC-RP-009"]
        for _ in 0..<50 {
            let shuffled = codes.shuffled(using: &rng)
            XCTAssertEqual(closest("LC-SEC-09", in: shuffled), "LC-SEC-01", "\(shuffled)")
            XCTAssertEqual(closest("LC-RP-09", in: shuffled), "LC-RP-009", "\(shuffled)")
            XCTAssertNil(closest("淡水河", in: shuffled))
        }
    }
}
