import GRDB
import XCTest
@testable import LandRegistry

final class ImportTests: RegistryTestCase {
    func plot(_ code: String, _ stage: String = "suspected", x: Double = 0, extra: String = "") -> String {
        Projected.polygon(Projected.rect(x, 0, x + 100, 100)).withProperties(
            "\"code\":\"\(code)\",\"stage\":\"\(stage)\"\(extra)")
    }

    /// Every table's content, to prove an error changed nothing.
    func snapshot(_ registry: Registry) throws -> [String] {
        try registry.store.read { db in
            try Layer.allCases.flatMap { layer in
                try String.fetchAll(db, sql: "SELECT code || '|' || extra || '|' || hex(geom) FROM \(layer.table) ORDER BY code")
            }
        }
    }

    func testInsertUpsertReplaceCounts() throws {
        let registry = try makeRegistry()
        var counts = try load(registry, .riskPlots, Projected.collection([plot("A"), plot("B", x: 200)]))
        XCTAssertEqual([counts.read, counts.inserted], [2, 2])
        counts = try load(registry, .riskPlots, Projected.collection([plot("A"), plot("B", "investigating", x: 200), plot("C", x: 400)]), mode: .upsert)
        XCTAssertEqual([counts.inserted, counts.updated, counts.unchanged], [1, 1, 1])
        XCTAssertEqual(try registry.feature(.riskPlots, code: "B")?.properties.first { $0.0 == "stage" }?.1, .string("investigating"))
        // Replacing the layer with a file that lacks unresolved plots removes them only with the reason;
        // a dry run tells what it would delete and changes nothing.
        assertInputError(["code A", "is suspected and not in the file", "needs the reason", "remedy:giveReason"]) {
            try load(registry, .riskPlots, Projected.collection([plot("C", x: 400)]), mode: .replace)
        }
        counts = try load(registry, .riskPlots, Projected.collection([plot("C", x: 400)]), mode: .replace, note: "并图", dryRun: true)
        XCTAssertEqual(counts.deletedCodes, ["A", "B"])
        XCTAssertEqual(try registry.features(.riskPlots).map(\.code), ["A", "B", "C"])
        counts = try load(registry, .riskPlots, Projected.collection([plot("C", x: 400)]), mode: .replace, note: "并图")
        XCTAssertEqual([counts.unchanged, counts.deleted], [1, 2])
        XCTAssertEqual(try registry.features(.riskPlots).map(\.code), ["C"])
        XCTAssertEqual(try registry.history(.riskPlots, code: "A").last?.note, "并图")
    }

    /// The stage a plot has in the registry, in an export now and as of today.
    func stages(_ registry: Registry, asOf: String? = nil) throws -> String {
        let sink = OutputSink.memory()
        try registry.exportGeoJSON(ExportOptions(layers: [.riskPlots], asOf: asOf), to: sink)
        guard case .array(let features)? = try JSONValue.parse(sink.text)["features"] else { return "" }
        return features.map { "\($0["properties"]?["code"]?.stringValue ?? ""):\($0["properties"]?["stage"]?.stringValue ?? "")" }
            .joined(separator: " ")
    }

    func testUpsertFollowsTheLifecycle() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A", extra: ",\"stage_date\":\"2023-01-01\"")]))
        let before = try snapshot(registry)
        assertInputError(["feature 1 (code A)", "property 'stage'", "cannot move from suspected to listed", "next stage is one of investigating"]) {
            try load(registry, .riskPlots, Projected.collection([plot("A", "listed")]), mode: .upsert)
        }
        assertInputError(["property 'stage_date'", "before the plot's current stage date 2023-01-01"]) {
            try load(registry, .riskPlots, Projected.collection([plot("A", "investigating", extra: ",\"stage_date\":\"2022-12-01\"")]),
                     mode: .upsert)
        }
        XCTAssertEqual(try snapshot(registry), before)
        try registry.changeStage(code: "A", to: .investigating, date: "2023-03-01", by: "王")
        // The weekly file still says suspected: refused, not a silent step back.
        assertInputError(["cannot move from investigating to suspected"]) {
            try load(registry, .riskPlots, Projected.collection([plot("A", "suspected", extra: ",\"stage_date\":\"2023-01-01\"")]),
                     mode: .upsert)
        }
        let counts = try load(registry, .riskPlots, Projected.collection([plot("A", "contaminated", extra: ",\"stage_date\":\"2023-05-01\"")]),
                              mode: .upsert)
        XCTAssertEqual(counts.updated, 1)
        XCTAssertEqual(try stages(registry), "A:contaminated")
        XCTAssertEqual(try stages(registry, asOf: todayUTC()), try stages(registry))
        XCTAssertEqual(try registry.history(.riskPlots, code: "A").map(\.action.rawValue), ["insert", "stage", "update"])
    }

    func testUpsertKeepsWhatTheFileDoesNotCarryAndNullRemoves() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A", extra: ",\"name\":\"旧厂\",\"note\":\"n\",\"keep\":1")]))
        try load(registry, .riskPlots, Projected.collection([plot("A", extra: ",\"note\":null,\"added\":true")]), mode: .upsert)
        let feature = try XCTUnwrap(try registry.feature(.riskPlots, code: "A"))
        XCTAssertEqual(JSONValue.object(feature.properties).jsonText,
                       #"{"code":"A","stage":"suspected","name":"旧厂","keep":1,"added":true}"#)
        try load(registry, .riskPlots, Projected.collection([plot("A", extra: ",\"name\":null")]), mode: .upsert)
        XCTAssertNil(try registry.feature(.riskPlots, code: "A")?.properties.first { $0.0 == "name" })
    }

    func testGeometryWithinAMillimetreIsUnchanged() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A")]))
        let counts = try load(registry, .riskPlots, Projected.collection([plot("A", x: 0.0004)]), mode: .upsert)
        XCTAssertEqual([counts.updated, counts.unchanged], [0, 1])
        XCTAssertEqual(try registry.history(.riskPlots, code: "A").count, 1)
    }

    func testAFeatureImportedWithoutADateIsKnownSinceTheBeginning() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A")]))
        XCTAssertEqual(try stages(registry, asOf: "2000-01-01"), "A:suspected")
    }

    func testCoordinatesOutsideTheAreaOfUseOfTheirCRSAreRefused() throws {
        let registry = try makeRegistry()
        // Zone-38 eastings (38 prefix) read as EPSG:4547, the CM 114E CRS without it.
        let prefixed = Projected.collection([plot("Z")]).replacingOccurrences(of: "[434", with: "[38434")
        assertInputError(["code Z", "lie outside where EPSG:4547 is used", "remedy:giveInputCRS"]) {
            try load(registry, .riskPlots, prefixed, srid: 4547)
        }
        XCTAssertEqual(try registry.counts().first { $0.0 == .riskPlots }?.1, 0)
        XCTAssertEqual(try load(registry, .riskPlots, prefixed, srid: 4526).inserted, 1)
        XCTAssertEqual(try registry.features(.riskPlots).count, 1, "the layer stays readable")
    }

    func testAByteOrderMarkIsIgnored() throws {
        let registry = try makeRegistry()
        XCTAssertEqual(try load(registry, .riskPlots, "\u{FEFF}" + Projected.collection([plot("A")])).inserted, 1)
    }

    func testARingOfCollinearPositionsIsRefusedAsReceived() throws {
        let registry = try makeRegistry()
        let line = #"{"type":"Feature","properties":{"code":"L","stage":"suspected"},"geometry":{"type":"Polygon","coordinates":[[[113.3,35.7],[113.31,35.7],[113.32,35.7],[113.3,35.7]]]}}"#
        assertInputError(["code L", "encloses no area"]) { try load(registry, .riskPlots, line) }
    }

    func testDeleteIsRecordedAndAllOrNothing() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A"), plot("B", x: 200)]))
        assertError(RuleViolation.self, ["risk-plots NOPE", "no feature"]) {
            try registry.delete(.riskPlots, codes: ["A", "NOPE"], date: "2023-05-01", by: "王", note: "重复登记")
        }
        // A suspected plot leaves the registry only with the reason.
        assertError(RuleViolation.self, ["risk-plots A", "is suspected", "needs the reason", "remedy:giveReason"]) {
            try registry.delete(.riskPlots, codes: ["A"], date: "2023-05-01", by: "王", note: " ")
        }
        XCTAssertEqual(try registry.features(.riskPlots).count, 2)
        XCTAssertEqual(try registry.delete(.riskPlots, codes: ["A"], date: "2023-05-01", by: "王", note: "重复登记"), 1)
        XCTAssertEqual(try registry.features(.riskPlots).map(\.code), ["B"])
        let history = try registry.history(.riskPlots, code: "A")
        XCTAssertEqual(history.map(\.action.rawValue), ["insert", "delete"])
        XCTAssertEqual(history.last?.note, "重复登记")
        XCTAssertEqual(try stages(registry, asOf: "2023-04-30"), "A:suspected B:suspected")
        XCTAssertEqual(try stages(registry, asOf: todayUTC()), "B:suspected")
    }

    func testAViewBeforeAnythingWasKnownSaysSo() throws {
        let registry = try makeRegistry()
        XCTAssertNotNil(try registry.asOfWarning("2023-01-01"), "an empty registry")
        try load(registry, .riskPlots, Projected.collection([plot("A", extra: ",\"stage_date\":\"2023-03-01\"")]))
        XCTAssertTrue(try registry.asOfWarning("2022-12-31")?.description.contains("knows nothing before 2023-03-01") == true)
        XCTAssertNil(try registry.asOfWarning("2023-03-01"))
        XCTAssertEqual(try registry.review(Quarter("2022Q4")!).warnings.count, 1)
    }

    func testAFolderIsWrittenCompletelyOrNotAtAll() throws {
        let folder = path("out/review")
        XCTAssertThrowsError(try AtomicFolder.write(folder) { temporary in
            try "a".write(toFile: temporary + "/a.csv", atomically: true, encoding: .utf8)
            throw InputError(file: "b.csv", message: "failed half-way")
        })
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("out")), [], "no temporary folder left")
        XCTAssertEqual(try AtomicFolder.write(folder) { temporary in
            try "a".write(toFile: temporary + "/a.csv", atomically: true, encoding: .utf8)
            return ["a.csv"]
        }, ["a.csv"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/a.csv"))
    }

    func testGeometryChangeIsAnUpdate() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A")]))
        let counts = try load(registry, .riskPlots, Projected.collection([plot("A", x: 1)]), mode: .upsert)
        XCTAssertEqual(counts.updated, 1)
    }

    func testExtraPropertiesAreKeptInOrder() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A", extra: ",\"zz\":1.50,\"area_ha\":0.76,\"负责人\":\"张三\"")]))
        let feature = try XCTUnwrap(try registry.feature(.riskPlots, code: "A"))
        XCTAssertEqual(feature.properties.map(\.0), ["code", "stage", "zz", "area_ha", "负责人"])
        XCTAssertEqual(JSONValue.object(feature.properties).jsonText,
                       #"{"code":"A","stage":"suspected","zz":1.50,"area_ha":0.76,"负责人":"张三"}"#)
    }

    func testProjectedCoordinatesAreStoredExactlyAndLonLatAreTransformed() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A")]))
        let area = try XCTUnwrap(try registry.feature(.riskPlots, code: "A")?.area)
        XCTAssertEqual(area, 10_000, accuracy: 1e-6)
        // The same square given in lon/lat, via PROJ: about 10,000 m².
        let lonlat = try registry.store.read { db in
            try String.fetchOne(db, sql: "SELECT AsGeoJSON(ST_Transform(geom, 4490), 9) FROM risk_plots")!
        }
        let text = lonlat.replacingOccurrences(of: "\"type\":\"Polygon\"", with: "\"type\":\"Polygon\"")
        try load(registry, .riskPlots, "{\"type\":\"Feature\",\"properties\":{\"code\":\"B\",\"stage\":\"clean\"},\"geometry\":\(text)}")
        let areaB = try XCTUnwrap(try registry.feature(.riskPlots, code: "B")?.area)
        XCTAssertEqual(areaB, 10_000, accuracy: 0.01)
    }

    func testBadInputLeavesTheRegistryUnchanged() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A")]))
        let before = try snapshot(registry)
        let cases: [(String, [String])] = [
            (Projected.collection([plot("B"), plot("C", "finished")]), ["feature 2", "code C", "property 'stage'", "'finished' is not one of"]),
            (Projected.collection([plot("B"), plot("B", x: 300)]), ["feature 2", "duplicate code"]),
            (Projected.collection([plot("A")]), ["code already in layer risk-plots", "remedy:upsert"]),
            (Projected.collection([Projected.polygon(Projected.rect(0, 0, 1, 1)).withProperties("\"code\":\"D\"")]),
             ["property 'stage'", "required"]),
            (Projected.collection([Projected.point(0, 0).withProperties("\"code\":\"E\",\"stage\":\"clean\"")]),
             ["a Point cannot go in layer risk-plots"]),
            (Projected.collection([Projected.polygon([(0, 0), (10, 10), (10, 0), (0, 10)]).withProperties("\"code\":\"F\",\"stage\":\"clean\"")]),
             ["invalid geometry", "Self-intersection", "remedy:repairGeometry"]),
            (Projected.collection([plot("G", extra: ",\"toxic_history\":\"yes\"")]), ["property 'toxic_history'", "true or false"]),
            (Projected.collection([plot("H", extra: ",\"stage_date\":\"2023-02-30\"")]), ["property 'stage_date'", "not a date"]),
            (Projected.collection([plot("I", "Listed")]), ["did you mean 'listed'"]),
        ]
        for (text, fragments) in cases {
            assertInputError(fragments) { try load(registry, .riskPlots, text) }
            XCTAssertEqual(try snapshot(registry), before, "changed by \(fragments)")
        }
        // Projected coordinates without a CRS: the remedy is to give their CRS.
        let noCRS = "{\"type\":\"Feature\",\"properties\":{\"code\":\"J\",\"stage\":\"clean\"},\"geometry\":\(Projected.polygon(Projected.rect(0, 0, 10, 10)))}"
        assertInputError(["out of longitude/latitude range", "remedy:giveInputCRS"]) { try load(registry, .riskPlots, noCRS) }
        XCTAssertEqual(try load(registry, .riskPlots, noCRS, srid: 4547).inserted, 1)
    }

    func testBadFeatureAtTheEndOfALargeFileWritesNothing() throws {
        let registry = try makeRegistry()
        var features = (0..<3000).map { plot("P\($0)", x: Double($0 % 1000) * 200) }
        features.append(plot("LAST", "gone"))
        assertInputError(["feature 3001", "code LAST"]) {
            try load(registry, .riskPlots, Projected.collection(features))
        }
        XCTAssertEqual(try registry.counts().first { $0.0 == .riskPlots }?.1, 0)
    }

    func testMakeValidRepairsAndReports() throws {
        let registry = try makeRegistry()
        let bowtie = Projected.collection([Projected.polygon([(0, 0), (10, 10), (10, 0), (0, 10)]).withProperties("\"code\":\"F\",\"stage\":\"clean\"")])
        let counts = try load(registry, .riskPlots, bowtie, makeValid: true)
        XCTAssertEqual(counts.repaired.count, 1)
        XCTAssertTrue(counts.repaired[0].reason.description.contains("Self-intersection"))
        let feature = try XCTUnwrap(try registry.feature(.riskPlots, code: "F"))
        XCTAssertEqual(feature.shape.type, .multiPolygon)
        XCTAssertEqual(feature.area, 50, accuracy: 1e-6)
    }

    func testSpatialIndexIsMaintained() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([plot("A"), plot("B", x: 500)]))
        let indexed = try registry.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM idx_risk_plots_geom")! }
        XCTAssertEqual(indexed, 2)
        try load(registry, .riskPlots, Projected.collection([plot("B", x: 500)]), mode: .replace, note: "并图")
        let after = try registry.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM idx_risk_plots_geom")! }
        XCTAssertEqual(after, 1)
    }

    /// The R*Tree after a bulk import is a valid r-tree (SQLite's own
    /// rtreecheck), holds every row, and answers window queries exactly as a
    /// scan of the table does; small imports into it keep it valid too.
    func testBulkLoadedSpatialIndexIsValidAndAnswersLikeAScan() throws {
        let registry = try makeRegistry()
        var features: [String] = []
        for i in 0..<12_000 {
            let x = Double(i % 120) * 50, y = Double(i / 120) * 50
            features.append(Projected.polygon(Projected.rect(x, y, x + 20 + Double(i % 7) * 5, y + 30)).withProperties("\"code\":\"F\(i)\",\"class\":\"priority\""))
        }
        try load(registry, .farmland, Projected.collection(features))
        func check(_ label: String) throws {
            try registry.store.read { db in
                XCTAssertEqual(try String.fetchOne(db, sql: "SELECT rtreecheck('idx_farmland_geom')"), "ok", label)
                let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM farmland")!
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM idx_farmland_geom"), rows, label)
                for (x0, y0, x1, y1) in [(0.0, 0.0, 500.0, 500.0), (2000, 1000, 2600, 4000), (-100, -100, 10, 10)] {
                    let (e0, n0) = (Projected.e0, Projected.n0)
                    let viaIndex = try Int.fetchAll(db, sql: """
                        SELECT fid FROM farmland WHERE fid IN (SELECT pkid FROM idx_farmland_geom
                          WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?)
                          AND MbrIntersects(geom, BuildMbr(?, ?, ?, ?)) ORDER BY fid
                        """, arguments: [e0 + x1, e0 + x0, n0 + y1, n0 + y0, e0 + x0, n0 + y0, e0 + x1, n0 + y1])
                    let viaScan = try Int.fetchAll(db, sql: """
                        SELECT fid FROM farmland WHERE MbrIntersects(geom, BuildMbr(?, ?, ?, ?)) ORDER BY fid
                        """, arguments: [e0 + x0, n0 + y0, e0 + x1, n0 + y1])
                    XCTAssertEqual(viaIndex, viaScan, label)
                    XCTAssertFalse(viaScan.isEmpty && x0 >= 0, label)
                }
            }
        }
        try check("after the bulk load")
        // A small upsert (incremental path): move one parcel, add one.
        try load(registry, .farmland, Projected.collection([
            Projected.polygon(Projected.rect(100_000, 0, 100_010, 10)).withProperties(#""code":"F5","class":"strict""#),
            Projected.polygon(Projected.rect(-50, -50, -40, -40)).withProperties(#""code":"NEW","class":"strict""#),
        ]), mode: .upsert)
        try check("after a small upsert")
        // A large replace (rebuild path) that also deletes.
        try load(registry, .farmland, Projected.collection(Array(features[0..<11_000])), mode: .replace)
        try check("after a large replace")
        XCTAssertEqual(try registry.counts().first { $0.0 == .farmland }?.1, 11_000)
    }

    /// The flusher beside a direct import syncs and stops when asked,
    /// without touching the file; a file it cannot open gives none.
    func testBackgroundFlushStopsAndLeavesTheFileAlone() throws {
        let file = try write("landreg", to: "flushed.txt")
        let flush = try XCTUnwrap(BackgroundFlush(path: file, interval: 0.01))
        Thread.sleep(forTimeInterval: 0.05)
        flush.stop()
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "landreg")
        XCTAssertNil(BackgroundFlush(path: path("missing.txt")))
    }

    func testReopenedRegistryKeepsItsCRSAndMigrations() throws {
        let registry = try makeRegistry(srid: 4526)
        let path = registry.path
        try registry.close()
        let reopened = try Registry.open(at: path)
        XCTAssertEqual(reopened.srid, 4526)
        XCTAssertThrowsError(try Registry.open(at: self.path("missing.sqlite"))) { error in
            XCTAssertTrue("\(error)".contains("no registry at"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: self.path("missing.sqlite")))
        let notRegistry = try write("hello", to: "text.sqlite")
        XCTAssertThrowsError(try Registry.open(at: notRegistry)) { error in
            XCTAssertTrue("\(error)".contains("not a landreg registry"), "\(error)")
        }
        XCTAssertThrowsError(try Registry.create(at: self.path("geo.sqlite"), srid: 4490))
    }
}
