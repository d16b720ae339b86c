import XCTest
import GRDB
@testable import LandRegistry

final class CheckTests: RegistryTestCase {
    /// Checks proposals given as GeoJSON text; returns results by id.
    func check(_ registry: Registry, _ text: String, record: Bool = false) throws -> [String: CheckResult] {
        var results: [String: CheckResult] = [:]
        try registry.check(GeoJSONReader(text: text, name: "proposals.geojson"), options: CheckOptions(record: record)) {
            results[$0.proposal.id] = $0
        }
        return results
    }

    func rules(_ result: CheckResult?) -> [String] { result?.findings.map { "\($0.rule.id) \($0.code)" } ?? ["missing"] }

    /// A batch large enough for every core gives what the proposals give
    /// one by one, in input order, and stops at the first bad one.
    func testABatchOnEveryCoreAgreesWithTheProposalsOneByOne() throws {
        let registry = try makeRegistry()
        for layer in Layer.allCases {
            _ = try registry.importFeatures(into: layer, from: GeoJSONReader(path: sampleData.appendingPathComponent("\(layer.rawValue).geojson").path))
        }
        let text = try String(contentsOf: sampleData.appendingPathComponent("proposals.geojson"), encoding: .utf8)
        let alone = try check(registry, text)
        XCTAssertLessThan(alone.count, Registry.parallelBatch, "the sample alone is checked on one thread")
        guard case .object(let members)? = try? JSONValue.parse(text), case .array(let features)? = members.first(where: { $0.0 == "features" })?.1 else {
            return XCTFail("the sample is a FeatureCollection")
        }
        var copies: [String] = []
        for round in 0..<12 {
            for feature in features {
                copies.append(feature.jsonText.replacingOccurrences(of: "\"id\":\"P-", with: "\"id\":\"R\(round)-P-"))
            }
        }
        let batch = "{\"type\":\"FeatureCollection\",\"features\":[" + copies.joined(separator: ",") + "]}"
        var order: [String] = []
        try registry.check(GeoJSONReader(text: batch, name: "batch.geojson"), options: CheckOptions(record: false)) { result in
            order.append(result.proposal.id)
            let original = String(result.proposal.id.drop { $0 != "-" }.dropFirst())
            XCTAssertEqual(rules(result), rules(alone[original]), result.proposal.id)
            XCTAssertEqual(result.findings.map(\.distanceM), alone[original]?.findings.map(\.distanceM), result.proposal.id)
        }
        XCTAssertEqual(order.count, copies.count)
        XCTAssertEqual(order, (0..<12).flatMap { round in features.map { _ in round } }.enumerated().map { i, round in
            "R\(round)-P-\(String(format: "%03d", i % features.count + 1))"
        }, "results arrive in input order")
        // Another process writing (its lock held): the batch is checked on one snapshot, not after waiting for it.
        let other = try DatabaseQueue(path: registry.path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let started = Date()
            var checked = 0
            try registry.check(GeoJSONReader(text: batch, name: "batch.geojson"), options: CheckOptions(record: false)) { result in
                XCTAssertEqual(rules(result), rules(alone[String(result.proposal.id.drop { $0 != "-" }.dropFirst())]), result.proposal.id)
                checked += 1
            }
            XCTAssertEqual(checked, copies.count)
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "waited for the writer")
        }
        try other.close()
        // A bad proposal in the middle: the batch stops with its error, and no record is written.
        var broken = copies
        broken[100] = broken[100].replacingOccurrences(of: "\"coordinates\":[", with: "\"coordinates\":[[999,999],")
        assertInputError(["batch.geojson", "feature 101"]) {
            try registry.check(GeoJSONReader(text: "{\"type\":\"FeatureCollection\",\"features\":[" + broken.joined(separator: ",") + "]}",
                                              name: "batch.geojson"), options: CheckOptions(record: true)) { _ in }
        }
        XCTAssertEqual(try registry.checkRuns().count, 0)
    }

    func testEveryRuleOnTheSampleCounty() throws {
        let registry = try makeRegistry()
        for layer in Layer.allCases {
            let file = sampleData.appendingPathComponent("\(layer.rawValue).geojson").path
            _ = try registry.importFeatures(into: layer, from: GeoJSONReader(path: file))
        }
        let text = try String(contentsOf: sampleData.appendingPathComponent("proposals.geojson"), encoding: .utf8)
        let results = try check(registry, text)
        XCTAssertEqual(rules(results["P-001"]), ["soil.listed LC-RP-001"])
        XCTAssertEqual(rules(results["P-002"]), ["soil.investigation-required LC-RP-003"])
        XCTAssertEqual(rules(results["P-003"]), ["soil.sequencing LC-RP-002"])
        XCTAssertEqual(rules(results["P-004"]), ["soil.toxic-reclamation LC-RP-007"])
        XCTAssertEqual(rules(results["P-005"]), ["farmland.basic BF-002"])
        XCTAssertEqual(rules(results["P-006"]), ["farmland.polluting-project BF-001"])
        XCTAssertEqual(rules(results["P-007"]), ["farmland.strict-food FL-0027", "farmland.strict-food FL-0031"])
        XCTAssertEqual(rules(results["P-008"]), ["air.county-seat-20km 140524-CS"])
        XCTAssertEqual(rules(results["P-009"]), ["water.outfall-in-zone WZ-HYSK-2", "water.second-zone-discharge WZ-HYSK-2"])
        XCTAssertEqual(rules(results["P-010"]), ["water.first-zone WZ-MHQ-1"])
        XCTAssertEqual(rules(results["P-011"]), [])
        XCTAssertEqual(rules(results["P-012"]), ["water.second-zone-discharge WZ-MHQ-2", "water.quasi-zone-discharge WZ-MHQ-Q"])
        XCTAssertEqual(rules(results["P-013"]), ["water.quasi-zone-discharge WZ-MHQ-Q"])
        XCTAssertEqual(rules(results["P-014"]), [])
        XCTAssertEqual(rules(results["P-015"]), [])
        XCTAssertEqual(results["P-003"]?.findings.first?.overlapM2, 0)
        XCTAssertEqual(results["P-003"]?.findings.first?.distanceM ?? 0, 200, accuracy: 1.5)
        XCTAssertEqual(results["P-008"]?.findings.first?.overlapM2, 0)
        let ids = Set(results.values.flatMap { $0.findings.map(\.rule.id) })
        XCTAssertEqual(ids, Set(RuleTable.rules.map(\.id)), "the sample proposals exercise every rule")
    }

    /// A registry with one listed plot 0..100 x 0..100, one suspected plot
    /// with a hole, concentrated basic farmland and a county seat.
    func edgeRegistry() throws -> Registry {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([
            Projected.polygon(Projected.rect(0, 0, 100, 100)).withProperties(#""code":"L","stage":"listed""#),
            Projected.polygon(Projected.rect(1000, 0, 1100, 100), Projected.rect(1040, 40, 1060, 60)).withProperties(#""code":"S","stage":"suspected""#),
            Projected.multiPolygon([Projected.rect(3000, 0, 3010, 10)], [Projected.rect(3100, 0, 3110, 10)])
                .withProperties(#""code":"M","stage":"contaminated","toxic_history":true"#),
        ]))
        try load(registry, .basicFarmland, Projected.collection([
            Projected.polygon(Projected.rect(0, 5000, 100, 5100)).withProperties(#""code":"BF","concentrated":true"#),
        ]))
        try load(registry, .admin, Projected.collection([
            Projected.polygon(Projected.rect(-50_000, 0, -49_000, 100)).withProperties(#""code":"CS","kind":"county_seat","name":"县城""#),
        ]))
        return registry
    }

    func proposals(_ features: [String]) -> String { Projected.collection(features) }

    /// One edge case of the check: a proposal, the findings it must get
    /// ("rule code"), and the first finding's overlap and distance when they matter.
    struct Edge {
        let id: String
        let geometry: String
        let properties: String
        let findings: [String]
        var overlap: Double? = nil
        var distance: Double? = nil
        let why: String
    }

    /// Checks every edge against `edgeRegistry()`.
    func assertEdges(_ edges: [Edge], file: StaticString = #filePath, line: UInt = #line) throws {
        let registry = try edgeRegistry()
        let results = try check(registry, proposals(edges.map { $0.geometry.withProperties("\"id\":\"\($0.id)\"" + $0.properties) }))
        for edge in edges {
            XCTAssertEqual(rules(results[edge.id]), edge.findings, "\(edge.id): \(edge.why)", file: file, line: line)
            if let overlap = edge.overlap {
                XCTAssertEqual(results[edge.id]?.findings.first?.overlapM2 ?? -1, overlap, accuracy: 1e-6, edge.id, file: file, line: line)
            }
            if let distance = edge.distance {
                XCTAssertEqual(results[edge.id]?.findings.first?.distanceM ?? -1, distance, accuracy: 1e-6, edge.id, file: file, line: line)
            }
        }
    }

    func testOverlapThresholdsEdgesHolesAndMultiPolygons() throws {
        let p = Projected.self
        try assertEdges([
            Edge(id: "touch", geometry: p.polygon(p.rect(100, 0, 200, 100)), properties: #","use":"0701""#,
                 findings: ["soil.sequencing L"], distance: 0, why: "shares the edge x = 100: no overlap, sequencing at 0 m"),
            Edge(id: "sliver", geometry: p.polygon(p.rect(99.5, 0, 200, 1)), properties: #","use":"0701""#,
                 findings: ["soil.sequencing L"], why: "a 0.5 m² sliver is no overlap"),
            Edge(id: "over", geometry: p.polygon(p.rect(98, 0, 200, 1)), properties: #","use":"0901""#,
                 findings: ["soil.listed L"], overlap: 2, why: "2 m² over the listed plot"),
            Edge(id: "hole", geometry: p.polygon(p.rect(1045, 45, 1055, 55)), properties: #","use":"0701""#,
                 findings: [], why: "inside the hole of S"),
            Edge(id: "across", geometry: p.polygon(p.rect(1040, 0, 1060, 100)), properties: #","use":"0804""#,
                 findings: ["soil.investigation-required S"], overlap: 1600, why: "across the hole: 20×100 minus the 20×20 hole"),
            Edge(id: "multi", geometry: p.polygon(p.rect(3105, 0, 3120, 10)), properties: #","use":"0103","action":"reclamation""#,
                 findings: ["soil.toxic-reclamation M"], overlap: 50, why: "over the MultiPolygon's second part, reclaimed"),
            Edge(id: "point", geometry: p.point(50, 50), properties: #","action":"new_outfall""#,
                 findings: ["soil.listed L"], overlap: 0, why: "a point inside L"),
        ])
    }

    func testDistanceThresholdsEitherSide() throws {
        let p = Projected.self
        let ring = p.polygon(p.rect(0, 3900, 100, 4000))
        try assertEdges([
            Edge(id: "at500", geometry: p.polygon(p.rect(600, 0, 700, 100)), properties: #","use":"0701""#,
                 findings: ["soil.sequencing L"], distance: 500, why: "500 m from the listed plot: within"),
            Edge(id: "past500", geometry: p.polygon(p.rect(600.5, 0, 700, 100)), properties: #","use":"0701""#,
                 findings: [], why: "500.5 m: beyond"),
            Edge(id: "at1000", geometry: ring, properties: #","use":"1001""#,
                 findings: ["farmland.polluting-project BF"], why: "1000 m from concentrated basic farmland"),
            Edge(id: "past1000", geometry: p.polygon(p.rect(0, 3899, 100, 3999.5)), properties: #","use":"1001""#,
                 findings: [], why: "1000.5 m: beyond"),
            Edge(id: "parent", geometry: ring, properties: #","use":"10""#,
                 findings: [], why: "the parent code 10 alone is not soil-polluting"),
            Edge(id: "explicit", geometry: ring, properties: #","use":"0901","soil_polluting":true"#,
                 findings: ["farmland.polluting-project BF"], why: "soil_polluting said"),
            Edge(id: "air20k", geometry: p.point(-29_000, 50), properties: #","air_polluting":true,"use":"1001""#,
                 findings: ["air.county-seat-20km CS"], why: "20 km from the county seat"),
            Edge(id: "air20k+1", geometry: p.point(-28_999, 50), properties: #","air_polluting":true,"use":"1001""#,
                 findings: [], why: "1 m beyond"),
            Edge(id: "airInside", geometry: p.point(-49_500, 50), properties: #","air_polluting":true,"use":"1001""#,
                 findings: ["air.county-seat-20km CS"], overlap: 0, distance: 0, why: "inside the county seat"),
        ])
    }

    func testProposalErrorsNameIdAndProperty() throws {
        let registry = try edgeRegistry()
        let square = Projected.polygon(Projected.rect(0, 0, 1, 1))
        assertInputError(["feature 1", "property 'use'", "not in the 2023 land-use classification"]) {
            _ = try check(registry, proposals([square.withProperties(#""id":"a","use":"0799""#)]))
        }
        assertInputError(["property 'use'", "not a land-use code"]) {
            _ = try check(registry, proposals([square.withProperties(#""id":"a","use":"07a1""#)]))
        }
        assertInputError(["property 'id'", "required"]) {
            _ = try check(registry, proposals([square.withProperties(#""use":"0701""#)]))
        }
        assertInputError(["feature 2", "duplicate proposal id"]) {
            _ = try check(registry, proposals([square.withProperties(#""id":"a","use":"0701""#), square.withProperties(#""id":"a","use":"0701""#)]))
        }
        assertInputError(["property 'action'", "'build' is not one of"]) {
            _ = try check(registry, proposals([square.withProperties(#""id":"a","use":"0701","action":"build""#)]))
        }
        assertInputError(["cannot use EPSG:99999 for the input"]) {
            try registry.check(GeoJSONReader(text: proposals([square.withProperties(#""id":"a","use":"0701""#)])),
                               options: CheckOptions(srid: 99999, record: false)) { _ in }
        }
        assertInputError(["property 'discharges'", "true or false"]) {
            _ = try check(registry, proposals([square.withProperties(#""id":"a","use":"0701","discharges":"yes""#)]))
        }
    }

    func testACheckNeverSaysClearWhenItCouldNotAssess() throws {
        let registry = try edgeRegistry()
        let square = Projected.polygon(Projected.rect(0, 0, 1, 1))
        // A land proposal without use: bad input naming it, never "clear".
        assertInputError(["feature 1 (code a)", "property 'use'", "required for a land proposal", "remedy:giveUse"]) {
            _ = try check(registry, proposals([square.withProperties(#""id":"a","action":"supply""#)]))
        }
        // A new outfall needs no use.
        XCTAssertNoThrow(try check(registry, proposals([Projected.point(5000, 5000).withProperties(#""id":"o","action":"new_outfall""#)])))
        // Misspelled flags are mistakes, not extras.
        for (name, near) in [("food_crop", "food_crops"), ("discharge", "discharges"), ("Use", "use"), ("air-polluting", "air_polluting")] {
            assertInputError(["property '\(name)'", "did you mean '\(near)'"]) {
                _ = try check(registry, proposals([square.withProperties(#""id":"a","use":"0701","\#(name)":true"#)]))
            }
        }
        // What the file cannot say, the check's defaults supply; the file wins.
        var options = CheckOptions(record: false, defaults: ProposalDefaults(use: "1001", action: .newProject, discharges: true))
        var results: [CheckResult] = []
        try registry.check(GeoJSONReader(text: proposals([square.withProperties(#""id":"a""#),
                                                          square.withProperties(#""id":"b","use":"0701","discharges":false"#)])),
                           options: options) { results.append($0) }
        XCTAssertEqual(results[0].proposal.use, "1001")
        XCTAssertEqual(results[0].proposal.sources["use"], .option)
        XCTAssertEqual(results[0].proposal.action, .newProject)
        XCTAssertTrue(results[0].proposal.discharges)
        XCTAssertEqual(results[1].proposal.use, "0701")
        XCTAssertEqual(results[1].proposal.sources["use"], .file)
        XCTAssertFalse(results[1].proposal.discharges)
        XCTAssertEqual(results[1].proposal.sources["food_crops"], .default)
        options.defaults = ProposalDefaults(use: "0799")
        assertInputError(["the default use '0799'", "not in the 2023 land-use classification"]) {
            try registry.check(GeoJSONReader(text: proposals([square.withProperties(#""id":"a""#)])), options: options) { _ in }
        }
    }

    func testAFailedBatchLeavesNoRecord() throws {
        let registry = try edgeRegistry()
        var features = (0..<1500).map { Projected.polygon(Projected.rect(Double($0) * 20, 0, Double($0) * 20 + 10, 10))
            .withProperties(#""id":"p\#($0)","use":"0701""#) }
        features.append(Projected.polygon(Projected.rect(0, 0, 1, 1)).withProperties(#""id":"bad","use":"0799""#))
        assertInputError(["feature 1501", "code bad"]) {
            try registry.check(GeoJSONReader(text: proposals(features)), options: CheckOptions(record: true)) { _ in }
        }
        XCTAssertEqual(try registry.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM checks")! }, 0)
        XCTAssertEqual(try registry.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM check_runs")! }, 0)
    }

    func testChecksAreRecorded() throws {
        let registry = try edgeRegistry()
        _ = try check(registry, proposals([Projected.polygon(Projected.rect(0, 0, 10, 10)).withProperties(#""id":"r1","use":"0701""#)]),
                      record: true)
        let row = try registry.store.read { db in
            try String.fetchOne(db, sql: "SELECT proposal_id || ' ' || verdict || ' ' || findings FROM checks")
        }
        XCTAssertEqual(row?.hasPrefix("r1 block [{\"rule\":\"soil.listed\""), true, row ?? "none")
        let run = try registry.store.read { db in try Int.fetchOne(db, sql: "SELECT block FROM check_runs") }
        XCTAssertEqual(run, 1)
    }

    /// A one-shot process (one connection) records its check without
    /// bringing SpatiaLite in; the geometry stored is the blob SpatiaLite
    /// itself makes of it, and the table keeps SpatiaLite's triggers.
    func testAOneShotCheckIsRecordedWithoutSpatiaLite() throws {
        let built = try edgeRegistry()
        try built.close()
        let registry = try Registry.open(at: built.path, concurrentReads: false)
        let square = Projected.polygon(Projected.rect(0, 0, 10, 10), Projected.rect(2, 2, 4, 4))
        _ = try check(registry, proposals([square.withProperties(#""id":"r1","use":"0701""#),
                                           Projected.multiPolygon([Projected.rect(50, 50, 60, 60)], [Projected.rect(70, 50, 80, 60)])
                                               .withProperties(#""id":"r2","use":"0701""#)]), record: true)
        XCTAssertFalse(registry.store.isSpatialLoaded)
        let rows = try registry.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT hex(geom) = hex(GeomFromWKB(AsBinary(geom), 4547)), ST_SRID(geom), AsText(geom) FROM checks ORDER BY id
                """)
        }
        XCTAssertEqual(rows.map { $0[0] as Int }, [1, 1])
        XCTAssertEqual(rows.map { $0[1] as Int }, [4547, 4547])
        XCTAssertEqual(rows.first?[2] as String?, "POLYGON((434500 3960000, 434510 3960000, 434510 3960010, 434500 3960010, 434500 3960000), "
                       + "(434502 3960002, 434504 3960002, 434504 3960004, 434502 3960004, 434502 3960002))")
        XCTAssertEqual((rows.last?[2] as String?)?.hasPrefix("MULTIPOLYGON(((434550 3960050"), true)
        let triggers = try registry.store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'checks' ORDER BY name")
        }
        XCTAssertEqual(triggers, ["ggi_checks_geom", "ggu_checks_geom", "tmd_checks_geom", "tmi_checks_geom", "tmu_checks_geom"])
        try registry.close()
    }

    func testLandUsePrefixes() {
        XCTAssertTrue(LandUse.isSensitive("070101"))
        XCTAssertTrue(LandUse.isSensitive("0804"))
        XCTAssertFalse(LandUse.isSensitive("0901"))
        XCTAssertTrue(LandUse.isSoilPollutingByDefault("110103"))
        XCTAssertFalse(LandUse.isSoilPollutingByDefault("1101"))
        XCTAssertFalse(LandUse.isSoilPollutingByDefault("11"))
        XCTAssertTrue(LandUse.isKnown("080403"))
        XCTAssertFalse(LandUse.isKnown("0899"))
    }
}
