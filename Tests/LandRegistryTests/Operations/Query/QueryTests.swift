import Foundation
import XCTest
@testable import LandRegistry

/// Overlay queries on squares whose answers are known exactly.
final class QueryTests: RegistryTestCase {
    func square(_ code: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ properties: String) -> String {
        Projected.polygon(Projected.rect(x0, y0, x1, y1)).withProperties("\"code\":\"\(code)\"\(properties)")
    }

    func county() throws -> Registry {
        let registry = try makeRegistry()
        try registry.importFeatures(into: .riskPlots, from: GeoJSONReader(text: Projected.collection([
            square("A", 0, 0, 100, 100, #","stage":"suspected""#),
            square("B", 1000, 0, 1100, 100, #","stage":"listed""#),
        ])), options: ImportOptions(effectiveDate: "2023-01-01"))
        // Two basic-farmland parcels over A that overlap each other.
        try load(registry, .basicFarmland, Projected.collection([
            square("F1", 50, 0, 150, 100, #","concentrated":true"#),
            square("F2", 50, 50, 150, 150, #","concentrated":false"#),
        ]))
        try load(registry, .outfalls, Projected.collection([
            Projected.point(500, 50).withProperties(#""code":"O1","type":"industrial""#),
            Projected.point(1200, 50).withProperties(#""code":"O2","type":"other""#),
        ]))
        return registry
    }

    func testOverlapsAreCountedOnceWhereTheOtherLayerOverlapsItself() throws {
        let registry = try county()
        let result = try registry.query(Query(layer: .riskPlots, relation: .overlapping, other: .layer(.basicFarmland)))
        XCTAssertEqual(result.rows.map { "\($0.code)-\($0.otherCode ?? "") \($0.overlapM2)" }, ["A-F1 5000.0", "A-F2 2500.0"])
        XCTAssertEqual(result.totals.features, 1)
        XCTAssertEqual(result.totals.areaM2, 10_000, accuracy: 0.01)
        XCTAssertEqual(result.totals.overlapM2, 5000, accuracy: 0.01, "the union of the overlaps, not their sum (7500)")
        let concentrated = try registry.query(Query(layer: .riskPlots, relation: .overlapping, other: .layer(.basicFarmland),
                                                    otherFilters: [PropertyFilter(property: "concentrated", values: ["true"])]))
        XCTAssertEqual(concentrated.rows.map { $0.otherCode }, ["F1"])
    }

    func testWithinANDNearest() throws {
        let registry = try county()
        let within = try registry.query(Query(layer: .riskPlots, relation: .within(850), other: .layer(.basicFarmland)))
        XCTAssertEqual(within.rows.map { "\($0.code)-\($0.otherCode ?? "") \($0.distanceM)" }, ["A-F1 0.0", "A-F2 0.0", "B-F1 850.0", "B-F2 850.0"])
        XCTAssertEqual(try registry.query(Query(layer: .riskPlots, relation: .within(849.99), other: .layer(.basicFarmland)))
            .rows.filter { $0.code == "B" }.count, 0)
        let nearest = try registry.query(Query(layer: .outfalls, relation: .nearest, other: .layer(.riskPlots)))
        XCTAssertEqual(nearest.rows.map { "\($0.code)-\($0.otherCode ?? "") \($0.distanceM)" }, ["O1-A 400.0", "O2-B 100.0"])
    }

    func testSumsByPropertyFiltersAsOfAndAFileAsTheOtherSide() throws {
        let registry = try county()
        let all = try registry.query(Query(layer: .riskPlots, sumBy: "stage"))
        XCTAssertEqual(all.groups.map { "\($0.key) \($0.totals.features)" }, ["listed 1", "suspected 1"])
        try registry.changeStage(code: "A", to: .investigating, date: "2023-06-01", by: "王")
        let suspected = [PropertyFilter(property: "stage", values: ["suspected"])]
        XCTAssertEqual(try registry.query(Query(layer: .riskPlots, filters: suspected)).rows.count, 0)
        XCTAssertEqual(try registry.query(Query(layer: .riskPlots, filters: suspected, relation: .overlapping,
                                                other: .layer(.basicFarmland), asOf: "2023-03-01")).totals.overlapM2, 5000, accuracy: 0.01)
        let file = try write(Projected.collection([square("X", 90, 90, 110, 110, "")]), to: "plan.geojson")
        let fromFile = try registry.query(Query(layer: .riskPlots, relation: .overlapping,
                                                other: .file(path: file, format: nil, mapping: FieldMapping(), encoding: nil, srid: nil)))
        XCTAssertEqual(fromFile.rows.map { "\($0.code)-\($0.otherCode ?? "") \($0.overlapM2)" }, ["A-X 100.0"])
    }

    func testBothWaysOfAnsweringAgree() throws {
        // Many parcels, two enterprises: answered from the enterprises' side now,
        // from the parcels' side as of today (history, in memory).
        let registry = try makeRegistry()
        var parcels: [String] = []
        for i in 0..<40 {
            let x = Double(i % 8) * 150, y = Double(i / 8) * 150
            let properties = i % 3 == 0 ? #","class":"strict""# : #","class":"priority""#
            parcels.append(square("F\(i)", x, y, x + 120, y + 120, properties))
        }
        try load(registry, .farmland, Projected.collection(parcels))
        try load(registry, .enterprises, Projected.collection([
            Projected.point(300, 300).withProperties(#""code":"E1","name":"甲厂","permit_status":"revoked""#),
            square("E2", 900, 0, 1000, 100, #","name":"乙厂","permit_status":"valid""#),
        ]))
        for relation in [Query.Relation.within(200), .overlapping] {
            var query = Query(layer: .farmland, filters: [PropertyFilter(property: "class", values: ["strict"])], relation: relation,
                              other: .layer(.enterprises), sumBy: "class")
            let now = try registry.query(query)
            query.asOf = todayUTC()
            let asOf = try registry.query(query)
            XCTAssertEqual(now.rows.map { "\($0.code)-\($0.otherCode ?? "") \($0.overlapM2) \($0.distanceM)" },
                           asOf.rows.map { "\($0.code)-\($0.otherCode ?? "") \($0.overlapM2) \($0.distanceM)" })
            XCTAssertEqual(now.totals, asOf.totals)
            XCTAssertEqual(now.rows.map { JSONValue.object($0.properties).jsonText }, asOf.rows.map { JSONValue.object($0.properties).jsonText })
        }
        XCTAssertGreaterThan(try registry.query(Query(layer: .farmland, relation: .within(200), other: .layer(.enterprises))).rows.count, 3)
    }

    /// Every filter on the other side is applied or refused, never ignored:
    /// random filters (properties the file has and has not, values it has,
    /// has not, and Chinese words) against a file and a layer; an accepted
    /// one gives exactly the unfiltered pairs whose other feature passes it.
    func testEveryOtherFilterIsAppliedOrRefused() throws {
        let registry = try county()
        let uses = ["0701", "070101", "1001", "0804"]
        var features: [String] = []
        var passes: [String: [(String, JSONValue)]] = [:]
        for i in 0..<8 {
            let use = uses[i % uses.count], flag = i % 3 == 0
            let code = "X\(i)"
            features.append(square(code, Double(i) * 20, 20, Double(i) * 20 + 60, 80,
                                   #","use":"\#(use)","discharges":\#(flag),"action":"supply""#))
            passes[code] = [("use", .string(use)), ("discharges", .bool(flag)), ("action", .string("supply"))]
        }
        let file = try write(Projected.collection(features), to: "plan.geojson")
        let other = Query.Other.file(path: file, format: nil, mapping: FieldMapping(), encoding: nil, srid: nil)
        let all = try registry.query(Query(layer: .riskPlots, relation: .overlapping, other: other))
        var g = SystemRandomNumberGenerator()
        var applied = 0, refused = 0
        for _ in 0..<60 {
            let property = ["use", "discharges", "action", "nosuch", "Use"].randomElement(using: &g)!
            let values = (0..<Int.random(in: 1...2, using: &g)).map { _ in
                ["07", "0701", "1001", "08", "true", "false", "是", "supply", "x"].randomElement(using: &g)!
            }
            let filter = PropertyFilter(property: property, values: values)
            do {
                let result = try registry.query(Query(layer: .riskPlots, relation: .overlapping, other: other, otherFilters: [filter]))
                let expected = all.rows.filter { filter.holds(for: passes[$0.otherCode ?? ""] ?? []) }.map { "\($0.code)-\($0.otherCode ?? "")" }
                XCTAssertEqual(result.rows.map { "\($0.code)-\($0.otherCode ?? "")" }, expected, "\(property)=\(values)")
                applied += 1
            } catch let error as InvalidArgument {
                XCTAssertTrue(["nosuch", "Use"].contains(property), "refused \(property)=\(values): \(error)")
                refused += 1
            }
        }
        XCTAssertGreaterThan(applied, 0)
        // On a layer: Chinese values are its enumeration's, unknown ones refused.
        let listed = try registry.query(Query(layer: .basicFarmland, relation: .overlapping, other: .layer(.riskPlots),
                                              otherFilters: [PropertyFilter(property: "stage", values: ["疑似"])]))
        XCTAssertEqual(listed.rows.map { $0.otherCode }, ["A", "A"])
        assertError(InvalidArgument.self, ["'可疑' is not a stage"]) {
            _ = try registry.query(Query(layer: .basicFarmland, relation: .overlapping, other: .layer(.riskPlots),
                                         otherFilters: [PropertyFilter(property: "stage", values: ["可疑"])]))
        }
        XCTAssertEqual(try registry.features(.basicFarmland, filters: [PropertyFilter(property: "concentrated", values: ["是"])]).map(\.code), ["F1"])
    }

    func testQuestionsThatCannotBeAnsweredAreRefused() throws {
        let registry = try county()
        assertError(InvalidArgument.self, ["did you mean 'stage'"]) {
            _ = try registry.query(Query(layer: .riskPlots, filters: [PropertyFilter(property: "stag", values: ["listed"])]))
        }
        assertError(InvalidArgument.self, ["sum by 'twon'"]) { _ = try registry.query(Query(layer: .riskPlots, sumBy: "twon")) }
        assertError(InvalidArgument.self, ["distance"]) {
            _ = try registry.query(Query(layer: .riskPlots, relation: .within(-1), other: .layer(.basicFarmland)))
        }
        assertInputError(["nope.geojson", "cannot open"]) {
            _ = try registry.query(Query(layer: .riskPlots, relation: .overlapping,
                                         other: .file(path: path("nope.geojson"), format: nil, mapping: FieldMapping(), encoding: nil, srid: nil)))
        }
    }

    func testReportsInTheContractsShapes() throws {
        let registry = try county()
        let result = try registry.query(Query(layer: .riskPlots, relation: .overlapping, other: .layer(.basicFarmland)))
        let json = OutputSink.memory()
        try QueryReport.write(result, format: .json, srid: registry.srid, to: json)
        let parsed = try JSONValue.parse(json.text)
        XCTAssertEqual(parsed["relation"]?.stringValue, "overlapping")
        XCTAssertEqual(parsed["totals"]?["overlap_m2"], .number(5000, "5000.0"))
        let geojson = OutputSink.memory()
        try QueryReport.write(result, format: .geojson, srid: registry.srid, to: geojson)
        XCTAssertTrue(geojson.text.contains(#""matches":["F1","F2"]"#), geojson.text)
        XCTAssertFalse(geojson.text.contains("\"crs\""))
        let csv = OutputSink.memory()
        try QueryReport.write(result, format: .csv, srid: registry.srid, to: csv)
        XCTAssertTrue(csv.text.hasPrefix("\u{FEFF}code,other_code,overlap_m2,overlap_mu,distance_m"))
    }
}
