import Foundation
import XCTest
@testable import LandRegistry

/// `check` against an independent oracle: Tools/crosscheck/crosscheck.py
/// generates a county full of edge cases and computes with shapely what
/// every rule must find, from the contract's wording.
final class CrossCheckTests: RegistryTestCase {
    /// Both ways the check finds candidates — SQL against the layer's
    /// R*Tree, and the small layers read into memory once a batch has asked
    /// them often enough (`ResidentLayer`) — agree with the oracle, and with
    /// each other finding for finding, in the same order.
    func testEveryFindingAgreesWithTheShapelyOracle() throws {
        let out = path("county")
        try runOracle("crosscheck.py", [out, "--proposals", "600"])
        let registry = try makeRegistry()
        for layer in [Layer.riskPlots, .basicFarmland, .farmland, .waterZones, .admin] {
            _ = try registry.importFeatures(into: layer, from: GeoJSONReader(path: "\(out)/\(layer.rawValue).geojson"))
        }
        let expectedData = try Data(contentsOf: URL(fileURLWithPath: "\(out)/expected.json"))
        let expected = try JSONSerialization.jsonObject(with: expectedData) as! [String: [[Any]]]
        let saved = ResidentLayer.after
        defer { ResidentLayer.after = saved }
        var ways: [[String]] = []
        for after in [Int.max, 1, 7] {
            ResidentLayer.after = after
            ways.append(try compare(registry, "\(out)/proposals.geojson", expected))
        }
        XCTAssertEqual(ways[1], ways[0], "in memory from the first lookup = SQL")
        XCTAssertEqual(ways[2], ways[0], "in memory from the seventh lookup = SQL")
    }

    /// Checks the proposals against the oracle's findings; every finding as a line, in order.
    private func compare(_ registry: Registry, _ proposals: String, _ expected: [String: [[Any]]]) throws -> [String] {
        var checked = 0, findings = 0
        var lines: [String] = []
        try registry.check(GeoJSONReader(path: proposals), options: CheckOptions(record: false)) { result in
            checked += 1
            let id = result.proposal.id
            lines += result.findings.map { "\(id) \($0.rule.id) \($0.code) \($0.name.map { $0.text(.en) } ?? "-") \($0.overlapM2) \($0.distanceM)" }
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
        return lines
    }
}
