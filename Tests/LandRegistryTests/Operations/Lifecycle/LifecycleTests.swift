import GRDB
import XCTest
@testable import LandRegistry

final class LifecycleTests: RegistryTestCase {
    func plots(_ stage: String = "suspected", date: String = "2023-01-10", x: Double = 0) -> String {
        Projected.collection([
            Projected.polygon(Projected.rect(x, 0, x + 100, 100)).withProperties(
                "\"code\":\"P1\",\"stage\":\"\(stage)\",\"stage_date\":\"\(date)\",\"name\":\"甲\""),
            Projected.polygon(Projected.rect(500, 0, 600, 100)).withProperties("\"code\":\"P2\",\"stage\":\"listed\""),
        ])
    }

    func export(_ registry: Registry, asOf: String?) throws -> String {
        let file = path("e-\(UUID().uuidString.prefix(6)).geojson")
        try registry.exportGeoJSON(ExportOptions(layers: [.riskPlots], asOf: asOf), to: OutputSink(path: file))
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    func stageOf(_ text: String, _ code: String) -> String? {
        guard case .array(let features)? = (try? JSONValue.parse(text))?["features"] else { return nil }
        return features.first { $0["properties"]?["code"]?.stringValue == code }?["properties"]?["stage"]?.stringValue
    }

    /// Loads features effective on `date` (the features' own dates win).
    func load(_ registry: Registry, _ layer: Layer, _ text: String, date: String, mode: ImportMode = .insert) throws {
        _ = try registry.importFeatures(into: layer, from: GeoJSONReader(text: text),
                                        options: ImportOptions(mode: mode, effectiveDate: date))
    }

    func testLegalTransitionsOnlyAndEveryStepRecorded() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, plots(), date: "2023-01-01")
        try registry.changeStage(code: "P1", to: .investigating, date: "2023-03-01", doc: "调查-1", by: "王", note: nil)
        try registry.changeStage(code: "P1", to: .contaminated, date: "2023-05-01", by: "王")
        try registry.changeStage(code: "P1", to: .listed, date: "2023-06-01", by: "王")
        assertError(RuleViolation.self, ["risk-plots P1", "cannot move from listed to delisted", "the next stage is one of remediating"]) {
            try registry.changeStage(code: "P1", to: .delisted, date: "2023-07-01", by: "王")
        }
        assertError(RuleViolation.self, ["before the plot's current stage date 2023-06-01"]) {
            try registry.changeStage(code: "P1", to: .remediating, date: "2023-05-15", by: "王")
        }
        assertError(InvalidArgument.self, ["date: ", "not a date"]) { try registry.changeStage(code: "P1", to: .remediating, date: "2023-13-01", by: "王") }
        assertError(InvalidArgument.self, ["in the future"]) { try registry.changeStage(code: "P1", to: .remediating, date: "2999-01-01", by: "王") }
        assertError(RuleViolation.self, ["risk-plots NOPE: no risk-plot has this code"]) { try registry.changeStage(code: "NOPE", to: .investigating, date: "2023-01-01", by: "王") }
        try registry.changeStage(code: "P1", to: .remediating, date: "2023-08-01", by: "王")
        try registry.changeStage(code: "P1", to: .delisted, date: "2024-02-01", by: "王")
        assertError(RuleViolation.self, ["needs a reason", "remedy:giveReason"]) { try registry.changeStage(code: "P1", to: .suspected, date: "2024-03-01", by: "王") }
        try registry.changeStage(code: "P1", to: .suspected, date: "2024-03-01", by: "王", note: "新线索")
        let history = try registry.history(.riskPlots, code: "P1")
        XCTAssertEqual(history.map(\.action.rawValue), ["insert", "stage", "stage", "stage", "stage", "stage", "stage"])
        XCTAssertEqual(history.map(\.effectiveDate), ["2023-01-10", "2023-03-01", "2023-05-01", "2023-06-01", "2023-08-01", "2024-02-01", "2024-03-01"])
        XCTAssertEqual(history[1].doc, "调查-1")
        XCTAssertEqual(history[1].before?.first { $0.0 == "stage" }?.1, .string("suspected"))
        XCTAssertEqual(history[1].after?.first { $0.0 == "stage" }?.1, .string("investigating"))
        XCTAssertEqual(history.last?.note, "新线索")
    }

    func testExportAsOfReproducesEachEarlierState() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, plots(), date: "2023-01-01")
        let first = try export(registry, asOf: "2023-02-01")
        try registry.changeStage(code: "P1", to: .investigating, date: "2023-03-01", by: "王")
        try registry.changeStage(code: "P1", to: .contaminated, date: "2023-05-01", by: "王")
        // An upsert that moves the plot, effective 2023-06-01.
        try registry.importFeatures(into: .riskPlots, from: GeoJSONReader(text: Projected.collection([
            Projected.polygon(Projected.rect(10, 0, 110, 100)).withProperties(#""code":"P1","stage":"contaminated","name":"甲""#),
        ])), options: ImportOptions(mode: .upsert, effectiveDate: "2023-06-01"))
        XCTAssertEqual(try export(registry, asOf: "2023-02-01"), first, "the past does not change")
        XCTAssertEqual(stageOf(try export(registry, asOf: "2023-03-15"), "P1"), "investigating")
        XCTAssertEqual(stageOf(try export(registry, asOf: "2023-05-01"), "P1"), "contaminated")
        XCTAssertNil(stageOf(try export(registry, asOf: "2023-01-09"), "P1"), "not yet known")
        XCTAssertEqual(stageOf(try export(registry, asOf: "2023-01-09"), "P2"), "listed")
        // Today's as-of export has the same features as the plain export.
        let now = try JSONValue.parse(try export(registry, asOf: todayUTC()))
        let plain = try JSONValue.parse(try export(registry, asOf: nil))
        func normalised(_ v: JSONValue) -> [String] {
            guard case .array(let features)? = v["features"] else { return [] }
            return features.map { f -> String in
                guard case .object(let members)? = f["properties"] else { return "" }
                return JSONValue.object(members.sorted { $0.0 < $1.0 }).jsonText + (f["geometry"]?.jsonText ?? "")
            }
        }
        XCTAssertEqual(normalised(now), normalised(plain))
        // A replace that drops P2 ends it from that date on.
        try registry.importFeatures(into: .riskPlots, from: GeoJSONReader(text: Projected.collection([
            Projected.polygon(Projected.rect(10, 0, 110, 100)).withProperties(#""code":"P1","stage":"contaminated","name":"甲""#),
        ])), options: ImportOptions(mode: .replace, effectiveDate: "2023-09-01", note: "并图"))
        XCTAssertEqual(stageOf(try export(registry, asOf: "2023-08-31"), "P2"), "listed")
        XCTAssertNil(stageOf(try export(registry, asOf: "2023-09-01"), "P2"))
        XCTAssertEqual(try registry.history(.riskPlots, code: "P2").map(\.action.rawValue), ["insert", "delete"])
    }

    func testHistoryIsAppendOnly() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, plots())
        let before = try registry.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM history")! }
        XCTAssertEqual(before, 2)
        XCTAssertThrowsError(try registry.store.write { db in try db.execute(sql: "DELETE FROM history") })
        XCTAssertThrowsError(try registry.store.write { db in try db.execute(sql: "UPDATE history SET code = 'x'") })
        // Unchanged features add nothing; changed ones add a row each.
        try load(registry, .riskPlots, plots(), mode: .upsert)
        try load(registry, .riskPlots, plots(x: 5), mode: .upsert)
        XCTAssertEqual(try registry.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM history")! }, 3)
    }

    func testReclassAndPermits() throws {
        let registry = try makeRegistry()
        try load(registry, .farmland, Projected.collection([
            Projected.polygon(Projected.rect(0, 0, 100, 100)).withProperties(#""code":"F1","class":"priority""#),
        ]), date: "2023-01-01")
        try registry.reclassify(code: "F1", to: .strict, date: "2023-08-01", basis: "例行监测", by: "李")
        assertError(RuleViolation.self, ["farmland F1", "already strict"]) { try registry.reclassify(code: "F1", to: .strict, date: "2023-08-02", basis: nil, by: "李") }
        assertError(RuleViolation.self, ["farmland F9: no farmland parcel has this code"]) { try registry.reclassify(code: "F9", to: .strict, date: "2023-08-02", basis: nil, by: "李") }
        XCTAssertEqual(try registry.history(.farmland, code: "F1").last?.after?.first { $0.0 == "class" }?.1, .string("strict"))
        assertError(RuleViolation.self, ["proposal Q1: never checked"]) { try registry.recordPermit(proposalID: "Q1", kind: .supply, date: "2023-09-01", by: "李") }
        try registry.check(GeoJSONReader(text: Projected.collection([
            Projected.polygon(Projected.rect(0, 0, 10, 10)).withProperties(#""id":"Q1","use":"0701""#),
        ]))) { _ in }
        // A permit rests on a check made on or before its date: today's check cannot carry a 2023 permit.
        assertError(RuleViolation.self, ["proposal Q1", "first checked on", "after the permit's date 2023-09-01"]) {
            try registry.recordPermit(proposalID: "Q1", kind: .supply, date: "2023-09-01", by: "李")
        }
        try registry.check(GeoJSONReader(text: Projected.collection([
            Projected.polygon(Projected.rect(0, 0, 10, 10)).withProperties(#""id":"Q1","use":"0701""#),
        ])), options: CheckOptions(date: "2023-08-20")) { _ in }
        XCTAssertGreaterThan(try registry.recordPermit(proposalID: "Q1", kind: .supply, date: "2023-09-01", by: "李"), 0)
        assertError(InvalidArgument.self, ["permit kind", "supply, use_change or planning_permit"]) {
            try registry.recordPermit(proposalID: "Q1", kind: .reclamation, date: "2023-09-01", by: "李")
        }
    }
}
