import Foundation
import XCTest
@testable import LandRegistry

/// `check` against an independent oracle: Tools/crosscheck/crosscheck.py
/// generates a county full of edge cases and computes with shapely what
/// every rule must find, from the contract's wording.
final class CrossCheckTests: RegistryTestCase {
    func testEveryFindingAgreesWithTheShapelyOracle() throws {
        let out = path("county")
        try runOracle("crosscheck.py", [out, "--proposals", "600"])
        let registry = try makeRegistry()
        for layer in [Layer.riskPlots, .basicFarmland, .farmland, .waterZones, .admin] {
            _ = try registry.importFeatures(into: layer, from: GeoJSONReader(path: "\(out)/\(layer.rawValue).geojson"))
        }
        let expectedData = try Data(contentsOf: URL(fileURLWithPath: "\(out)/expected.json"))
        let expected = try JSONSerialization.jsonObject(with: expectedData) as! [String: [[Any]]]
        var checked = 0, findings = 0
        try registry.check(GeoJSONReader(path: "\(out)/proposals.geojson"), options: CheckOptions(record: false)) { result in
            checked += 1
            let id = result.proposal.id
            let want = (expected[id] ?? []).map { ($0[0] as! String, $0[1] as! String, $0[2] as! Double, $0[3] as! Double) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            let got = result.findings.map { ($0.rule.id, $0.code, $0.overlapM2, $0.distanceM) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            XCTAssertEqual(got.map { "\($0.0) \($0.1)" }, want.map { "\($0.0) \($0.1)" }, id)
            guard got.count == want.count else { return }
            for (g, w) in zip(got, want) {
                XCTAssertEqual(g.2, w.2, accuracy: max(0.5, w.2 * 1e-4), "\(id) \(g.0) \(g.1) overlap")
                XCTAssertEqual(g.3, w.3, accuracy: 0.5, "\(id) \(g.0) \(g.1) distance")
                findings += 1
            }
        }
        XCTAssertEqual(checked, expected.count)
        XCTAssertGreaterThan(findings, 200, "the county exercises the rules")
    }
}
