import XCTest
@testable import LandRegistry

/// A proposal is clear only inside the registry's coverage: its counties,
/// with the margin `coverage_margin_m`; two counties side by side cover
/// what straddles their common boundary.
final class CoverageTests: RegistryTestCase {
    func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Shape {
        Shape.polygon([(Projected.e0 + x0, Projected.n0 + y0), (Projected.e0 + x1, Projected.n0 + y0),
                       (Projected.e0 + x1, Projected.n0 + y1), (Projected.e0 + x0, Projected.n0 + y1)])
    }

    func testOnlyWhatLiesWithinTheCountiesAndTheMarginIsAssessed() throws {
        let registry = try makeRegistry()
        try load(registry, .admin, Projected.collection([
            Projected.polygon(Projected.rect(0, 0, 1000, 1000)).withProperties(#""code":"C1","kind":"county","name":"甲县""#),
            Projected.polygon(Projected.rect(1000, 0, 2000, 1000)).withProperties(#""code":"C2","kind":"county","name":"乙县""#),
        ]))
        let proposal = try Proposal(id: "P", use: "0701")
        func check(_ shape: Shape) throws -> [Finding] {
            try registry.check(proposal, geometry: shape, srid: 4547, options: CheckOptions(record: false)).findings
                .filter { $0.rule.id == "coverage.outside" }
        }
        XCTAssertTrue(try check(square(100, 100, 200, 200)).isEmpty, "inside one county")
        XCTAssertTrue(try check(square(950, 100, 1050, 200)).isEmpty, "across two counties' common boundary")
        XCTAssertTrue(try check(square(950, 100, 2050, 200)).isEmpty, "50 m beyond: within the 100 m margin")
        let straddling = try check(square(1900, 100, 2300, 200))
        XCTAssertEqual(straddling.map(\.code), ["C2"])
        XCTAssertEqual(straddling.first?.overlapM2 ?? 0, 30_000, accuracy: 0.01, "the area outside the counties")
        XCTAssertEqual(straddling.first?.distanceM, 0)
        let far = try check(square(5000, 100, 5100, 200))
        XCTAssertEqual(far.map(\.code), ["C2"])
        XCTAssertEqual(far.first?.distanceM ?? 0, 3000, accuracy: 0.01, "the distance to the nearest county")
        // A wider margin takes the straddling plot in.
        try registry.setSetting("coverage_margin_m", to: "400", by: "test")
        XCTAssertTrue(try check(square(1900, 100, 2300, 200)).isEmpty)
    }
}
