import Foundation
import GRDB
import XCTest
@testable import LandRegistry

/// A registry that QGIS or `sqlite3` edited stays usable: what they can
/// write and landreg never does (an invalid or wrongly-typed geometry, a
/// value outside its enumeration, a stage jump) is reported by the audit,
/// which never fails on it, and the check names the feature it cannot use
/// instead of failing or calling the proposal clear.
final class OutsideEditTests: RegistryTestCase {
    func square(_ code: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ properties: String) -> String {
        Projected.polygon(Projected.rect(x0, y0, x1, y1)).withProperties("\"code\":\"\(code)\"\(properties)")
    }

    /// Writes as another program would: plain SQL, outside landreg's writes (the triggers record it).
    func edit(_ registry: Registry, _ sql: String, _ arguments: StatementArguments = []) throws {
        try registry.store.database.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func testWhatOtherProgramsWriteIsReportedAndNeverBreaksTheCheck() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([
            square("A", 0, 0, 100, 100, #","stage":"listed","stage_date":"2023-01-01""#),
            square("B", 1000, 0, 1100, 100, #","stage":"suspected","stage_date":"2023-01-01""#),
            square("C", 2000, 0, 2100, 100, #","stage":"listed","stage_date":"2023-01-01""#),
        ]))
        try load(registry, .farmland, Projected.collection([square("F", 3000, 0, 3100, 100, #","class":"priority""#)]))
        // A bow-tie over A (self-intersecting), B jumped to delisted, F given a class that does not exist.
        let bowtie = Shape(type: .polygon, xy: [434_500, 3_960_000, 434_600, 3_960_100, 434_600, 3_960_000, 434_500, 3_960_100, 434_500, 3_960_000],
                           ringEnds: [5], polygonEnds: [1])
        try edit(registry, "UPDATE risk_plots SET geom = ? WHERE code = 'A'", [Data(bowtie.spatiaLiteBlob(srid: 4547))])
        try edit(registry, "UPDATE risk_plots SET stage = 'delisted' WHERE code = 'B'")
        try edit(registry, "UPDATE farmland SET class = 'bad' WHERE code = 'F'")

        let audit = try registry.audit().map { "\($0.check.name) \($0.code)" }
        XCTAssertTrue(audit.contains("invalid-geometry A"), "\(audit)")
        XCTAssertTrue(audit.contains("illegal-stage-change B"), "\(audit)")
        XCTAssertTrue(audit.contains("unknown-value F"), "\(audit)")

        // A housing proposal over A: the rules about A cannot be decided, and it says so, as severely.
        let proposal = try Proposal(id: "P", use: "0701")
        let result = try registry.check(proposal, geometry: projectedSquare(10, 10, 90, 90), srid: 4547, options: CheckOptions(record: false))
        XCTAssertEqual(result.verdict, .block)
        XCTAssertTrue(result.findings.contains { $0.rule.id == "undecided.soil.listed" && $0.code == "A" },
                      "\(result.findings.map { "\($0.rule.id) \($0.code)" })")
        XCTAssertTrue(result.findings.first { $0.code == "A" }!.message(.en).contains("Self-intersection"))
        // 300 m away: only the rules whose reach comes that far are undecided (sequencing, 500 m), not the overlap rules.
        let near = try registry.check(proposal, geometry: projectedSquare(400, 0, 450, 50), srid: 4547, options: CheckOptions(record: false))
        XCTAssertEqual(near.findings.filter { $0.code == "A" }.map(\.rule.id), ["undecided.soil.sequencing"])
        XCTAssertEqual(near.verdict, .warn)

        // C stored compressed by SpatiaLite: found and measured alike whether the risk plots are looked up
        // in SQLite or read into memory from the first lookup (ResidentLayer), and A undecided alike.
        try edit(registry, "UPDATE risk_plots SET geom = CompressGeometry(geom) WHERE code = 'C'")
        let saved = ResidentLayer.after
        defer { ResidentLayer.after = saved }
        var ways: [[String]] = []
        for after in [Int.max, 1] {
            ResidentLayer.after = after
            var lines: [String] = []
            for (x0, x1) in [(10.0, 90.0), (2050, 2150), (400, 450)] {
                let result = try registry.check(proposal, geometry: projectedSquare(x0, 10, x1, 90), srid: 4547, options: CheckOptions(record: false))
                lines += result.findings.map { "\(x0) \($0.rule.id) \($0.code) \($0.overlapM2) \($0.distanceM)" }
            }
            ways.append(lines)
        }
        XCTAssertTrue(ways[0].contains("2050.0 soil.listed C 4000.0 0.0"), "\(ways[0])")
        XCTAssertEqual(ways[1], ways[0])
    }

    func projectedSquare(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Shape {
        Shape.polygon([(Projected.e0 + x0, Projected.n0 + y0), (Projected.e0 + x1, Projected.n0 + y0),
                       (Projected.e0 + x1, Projected.n0 + y1), (Projected.e0 + x0, Projected.n0 + y1)])
    }
}
