import Foundation
import XCTest

final class CLITests: CLITestCase {
    func testUsageErrorsExit2() throws {
        let unknown = try run(["export", "--nope"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("--nope"), unknown.stderr)
        XCTAssertEqual(try run(["import", "risk-plots"]).status, 2)
        XCTAssertEqual(try run(["import", "no-such-layer", "x.geojson"]).status, 2)
        XCTAssertEqual(try run(["export", "--precision", "99"]).status, 2)
        XCTAssertEqual(try run(["--help"]).status, 0)
    }

    func testReadingCommandsNeverCreateARegistry() throws {
        for arguments in [["list", "risk-plots"], ["export"], ["info"], ["show", "admin", "X"], ["check", "p.geojson"]] {
            let result = try run(arguments + ["--db", path("typo.sqlite")])
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("typo.sqlite")), "\(arguments) created the file")
        }
    }

    func testImportErrorIsOneLineAndChangesNothing() throws {
        let db = try sampleRegistry()
        let before = try run(["export", "--db", db]).stdout
        let bad = path("bad.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"N1","stage":"listed"},"geometry":{"type":"Polygon","coordinates":[[[113.3,35.7],[113.31,35.7],[113.31,35.71],[113.3,35.7]]]}},{"type":"Feature","properties":{"code":"N2"},"geometry":{"type":"Polygon","coordinates":[[[113.3,35.7],[113.31,35.7],[113.31,35.71],[113.3,35.7]]]}}]}"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try run(["import", "risk-plots", bad, "--db", db])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "landreg: error: \(bad): feature 2 (code N2): property 'stage': required by layer risk-plots but missing\n")
        XCTAssertEqual(try run(["export", "--db", db]).stdout, before)
        let broken = path("broken.geojson")
        try "{\"type\":\"FeatureCollection\",\"features\":[".write(toFile: broken, atomically: true, encoding: .utf8)
        let syntax = try run(["import", "risk-plots", broken, "--db", db])
        XCTAssertEqual(syntax.status, 1)
        XCTAssertTrue(syntax.stderr.hasPrefix("landreg: error: \(broken):1: "), syntax.stderr)
        XCTAssertTrue(syntax.stderr.contains("invalid JSON: unexpected end of input"), syntax.stderr)
        XCTAssertEqual(try run(["import", "risk-plots", path("missing.geojson"), "--db", db]).status, 1)
    }

    func testCheckJSONAndFailOn() throws {
        let db = try sampleRegistry()
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        let json = try run(["check", proposals, "--format", "json", "--db", db])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let list = object?["proposals"] as? [[String: Any]]
        XCTAssertEqual(list?.count, 15)
        XCTAssertEqual(list?.first?["verdict"] as? String, "block")
        let finding = (list?.first?["findings"] as? [[String: Any]])?.first
        XCTAssertEqual(finding?["rule"] as? String, "soil.listed")
        XCTAssertEqual(finding?["code"] as? String, "LC-RP-001")
        XCTAssertNotNil(finding?["overlap_m2"] as? Double)
        XCTAssertTrue(json.stdout.contains(#"{"rule":"soil.listed","severity":"block","layer":"risk-plots","code":"LC-RP-001""#))
        XCTAssertEqual(try run(["check", proposals, "--fail-on", "block", "--db", db]).status, 3)
        let clear = path("clear.geojson")
        try #"{"type":"Feature","properties":{"id":"ok","use":"0701"},"geometry":{"type":"Point","coordinates":[113.2,35.9]}}"#
            .write(toFile: clear, atomically: true, encoding: .utf8)
        let ok = try run(["check", clear, "--fail-on", "warn", "--db", db])
        XCTAssertEqual(ok.status, 0)
        XCTAssertTrue(ok.stdout.contains("ok  CLEAR"), ok.stdout)
        let zh = try run(["check", clear, "--db", db], environment: ["LANG": "zh_CN.UTF-8"])
        XCTAssertTrue(zh.stdout.contains("未发现冲突"), zh.stdout)
    }

    func testHTMLReportIsSelfContainedWithAMapPerProposal() throws {
        let db = try sampleRegistry()
        let out = path("report.html")
        let result = try run(["check", Self.sample.appendingPathComponent("proposals.geojson").path, "--format", "html",
                              "--out", out, "--lang", "zh", "--by", "审核员", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 15, "one map per proposal")
        XCTAssertFalse(html.contains("http://") && html.contains("<script"), "no network, no script")
        XCTAssertFalse(html.contains("src=\"http"))
        XCTAssertTrue(html.contains("LC-RP-001"))
        XCTAssertTrue(html.contains("审核员"))
        XCTAssertTrue(html.contains("<b>法律</b> 中华人民共和国土壤污染防治法 第六十一条"), "the law quoted apart")
        XCTAssertTrue(html.contains("<b>县行动计划</b> 陵川县土壤污染防治2023年行动计划 任务7"), "the plan quoted apart")
        XCTAssertTrue(html.contains("不予通过"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
    }

    func testSettingsChangeTheThresholdsAndAreLogged() throws {
        let db = try sampleRegistry()
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        let before = try run(["check", proposals, "--format", "json", "--no-record", "--db", db]).stdout
        XCTAssertTrue(before.contains("soil.sequencing"))
        let set = try run(["settings", "set", "sequencing_distance_m", "150", "--by", "张三", "--db", db])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertEqual(set.stdout, "sequencing_distance_m: 500 → 150\n")
        let after = try run(["check", proposals, "--format", "json", "--no-record", "--db", db]).stdout
        XCTAssertFalse(after.contains("soil.sequencing"), "P-003 is 200 m away: beyond 150 m")
        XCTAssertTrue(try run(["settings", "--db", db]).stdout.contains("sequencing_distance_m             150"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, "SELECT recorded_by || ' ' || after_properties FROM history WHERE layer = 'settings'"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let logged = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(logged, "张三 {\"value\":150}\n", "the change is in the history of everything")
        let bad = try run(["settings", "set", "sequencing_distance_m", "--db", db, "--", "-3"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(try run(["settings", "set", "nope", "3", "--db", db]).status, 1)
    }

    func testChecksAreListed() throws {
        let db = try sampleRegistry()
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        XCTAssertEqual(try run(["check", proposals, "--by", "李四", "--db", db]).status, 0)
        let runs = try run(["checks", "--db", db])
        XCTAssertTrue(runs.stdout.contains("李四"), runs.stdout)
        XCTAssertTrue(runs.stdout.contains("15"), runs.stdout)
        let one = try run(["checks", "P-001", "--db", db])
        XCTAssertTrue(one.stdout.contains("soil.listed"), one.stdout)
        XCTAssertEqual(try run(["checks", "P-999", "--db", db]).status, 1)
        // A check entered later shows the day it was made.
        XCTAssertEqual(try run(["check", proposals, "--date", "2023/7/5", "--db", db]).status, 0)
        XCTAssertTrue(try run(["checks", "P-001", "--lang", "en", "--db", db]).stdout.contains("2023-07-05"))
        XCTAssertEqual(try run(["check", proposals, "--date", "2999-01-01", "--db", db]).status, 1, "no check in the future")
    }

    func testListShowInfoAndEnvironmentDatabase() throws {
        let db = try sampleRegistry()
        let list = try run(["list", "risk-plots"], environment: ["LANDREG_DB": db])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("LC-RP-001"))
        XCTAssertTrue(list.stdout.contains("10 features"))
        let show = try run(["show", "risk-plots", "LC-RP-001", "--db", db])
        XCTAssertTrue(show.stdout.contains("原陵川县化肥厂地块"))
        XCTAssertTrue(show.stdout.contains("bbox"))
        let missing = try run(["show", "risk-plots", "NOPE", "--db", db])
        XCTAssertEqual(missing.status, 1)
        let info = try run(["info", "--db", db])
        XCTAssertTrue(info.stdout.contains("EPSG:4547"))
        XCTAssertTrue(info.stdout.contains("GEOS"))
    }

    func testExportToFileIsAtomic() throws {
        let db = try sampleRegistry()
        let out = path("one-map.geojson")
        let result = try run(["export", "risk-plots", "--where", "stage=suspected,investigating,contaminated,listed,remediating", "--out", out, "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\"type\":\"Feature\"").count - 1, 8)
        XCTAssertFalse(text.contains("\"delisted\"") || text.contains("\"clean\""))
        let contents = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertFalse(contents.contains { $0.hasSuffix(".tmp") })
    }

    /// The CLI imports through a rollback journal when it is alone with the
    /// file, and leaves the registry in WAL; with another program reading
    /// the file it stays in WAL throughout, and the import still lands.
    func testImportLeavesTheRegistryInWALAloneOrNot() throws {
        let db = path("r.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        let farmland = Self.sample.appendingPathComponent("farmland.geojson").path
        XCTAssertEqual(try run(["import", "farmland", farmland, "--db", db]).status, 0)
        XCTAssertEqual(try sqlite(db, "PRAGMA journal_mode"), "wal")
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        reader.arguments = ["-c", "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM farmland').fetchone(); print('open', flush=True); time.sleep(4)", db]
        let ready = Pipe()
        reader.standardOutput = ready
        try reader.run()
        _ = ready.fileHandleForReading.availableData  // the reader has the file open
        let imported = try run(["import", "risk-plots", Self.sample.appendingPathComponent("risk-plots.geojson").path, "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        reader.waitUntilExit()
        XCTAssertEqual(try sqlite(db, "PRAGMA journal_mode"), "wal")
        XCTAssertTrue(try run(["list", "risk-plots", "--db", db]).stdout.contains("10 features"))
    }
}

/// The exports as GDAL reads them (ogrinfo from gdal-bin, which Tools/test installs).
final class GDALInteropTests: CLITestCase {
    /// Files GDAL writes (white space, a projected CRS in a legacy "crs"
    /// member) import with the same features and areas.
    func testImportsWhatOgr2ogrWrites() throws {
        let db = try sampleRegistry()
        let exported = path("plots.geojson")
        XCTAssertEqual(try run(["export", "risk-plots", "--out", exported, "--with-area", "--db", db]).status, 0)
        guard try ogrinfo(["--version"]) != nil else { throw XCTSkip("no ogr2ogr") }
        for (name, options) in [("gdal-4326.geojson", ["-f", "GeoJSON"]),
                                ("gdal-4547.geojson", ["-f", "GeoJSON", "-t_srs", "EPSG:4547"])] {
            let converted = path(name)
            try gdal("ogr2ogr", options + [converted, exported])
            if name.contains("4547") {
                let text = try String(contentsOfFile: converted, encoding: .utf8)
                XCTAssertTrue(text.contains("EPSG::4547"), "ogr2ogr wrote a crs member")
            }
            let copy = path("copy-\(name).sqlite")
            XCTAssertEqual(try run(["init", "--db", copy]).status, 0)
            let imported = try run(["import", "risk-plots", converted, "--db", copy])
            XCTAssertEqual(imported.status, 0, imported.stderr)
            XCTAssertTrue(imported.stdout.contains("10 inserted"), imported.stdout)
            let original = try run(["list", "risk-plots", "--db", db]).stdout
            let roundTrip = try run(["list", "risk-plots", "--db", copy]).stdout
            XCTAssertEqual(areas(roundTrip).count, 10)
            for (a, b) in zip(areas(original), areas(roundTrip)) { XCTAssertEqual(a, b, accuracy: a * 1e-4, name) }
        }
    }

    /// Shapefiles GDAL writes — GBK or UTF-8, with or without .cpg, in
    /// EPSG:4490, 4547 and 4526 — import with the same features, Chinese
    /// attributes and areas as the GeoJSON of the same data.
    func testImportsShapefilesGDALWrites() throws {
        guard try ogrinfo(["--version"]) != nil else { throw XCTSkip("no ogr2ogr") }
        let db = try sampleRegistry()
        let original = try run(["list", "risk-plots", "--db", db]).stdout
        let source = Self.sample.appendingPathComponent("risk-plots.geojson").path
        let variants: [(String, [String], Bool)] = [
            ("gbk-4490", ["-lco", "ENCODING=GBK"], true),
            ("utf8-4547", ["-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:4547"], true),
            ("gbk-4526", ["-lco", "ENCODING=GBK", "-t_srs", "EPSG:4526"], true),
            ("gbk-nocpg", ["-lco", "ENCODING=GBK", "-t_srs", "EPSG:4547"], false),
            ("utf8-nocpg", ["-lco", "ENCODING=UTF-8"], false),
        ]
        for (name, options, keepCPG) in variants {
            let shp = path("\(name).shp")
            try gdal("ogr2ogr", ["-f", "ESRI Shapefile"] + options + [shp, source])
            if !keepCPG { try FileManager.default.removeItem(atPath: path("\(name).cpg")) }
            let copy = path("\(name).sqlite")
            XCTAssertEqual(try run(["init", "--db", copy]).status, 0)
            let imported = try run(["import", "risk-plots", shp, "--db", copy])
            XCTAssertEqual(imported.status, 0, "\(name): \(imported.stderr)")
            let listed = try run(["list", "risk-plots", "--db", copy]).stdout
            XCTAssertTrue(listed.contains("原陵川县化肥厂地块"), "\(name): Chinese text intact")
            XCTAssertEqual(areas(listed).count, 10, name)
            for (a, b) in zip(areas(original), areas(listed)) { XCTAssertEqual(a, b, accuracy: a * 1e-4, name) }
            let show = try run(["show", "risk-plots", "LC-RP-008", "--db", copy]).stdout
            XCTAssertTrue(show.contains("toxic_history  true") && show.contains("stage_date     2023-06-12"), "\(name): \(show)")
        }
    }

    /// landreg's own Shapefiles read back in GDAL with readable Chinese, and
    /// export → Shapefile → import → export gives the same GeoJSON.
    func testShapefileExportRoundTrip() throws {
        let db = try sampleRegistry()
        let layers = ["risk-plots", "enterprises", "rivers", "outfalls", "basic-farmland"]
        let before = try run(["export"] + layers + ["--db", db]).stdout
        for lonlat in [false, true] {
            let folder = path(lonlat ? "shp-lonlat" : "shp")
            let exported = try run(["export"] + layers + ["--format", "shp", "--out", folder, "--db", db] + (lonlat ? ["--lonlat"] : []))
            XCTAssertEqual(exported.status, 0, exported.stderr)
            if let info = try ogrinfo(["-ro", "-al", "\(folder)/risk-plots.shp"]) {
                XCTAssertTrue(info.contains("Feature Count: 10"), info)
                XCTAssertTrue(info.contains("原陵川县化肥厂地块"), "GDAL reads the Chinese attributes")
            }
            let copy = path("roundtrip-\(lonlat).sqlite")
            XCTAssertEqual(try run(["init", "--db", copy]).status, 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".shp") }.sorted()
            for file in files {
                let layer = String(file.dropLast(4).split(separator: "_")[0])
                let imported = try run(["import", layer, "\(folder)/\(file)", "--db", copy])
                XCTAssertEqual(imported.status, 0, "\(file): \(imported.stderr)")
            }
            let after = try run(["export"] + layers + ["--db", copy]).stdout
            XCTAssertEqual(after, before, lonlat ? "via lon/lat Shapefiles" : "via EPSG:4547 Shapefiles")
        }
    }

    /// The area column of `landreg list`.
    func areas(_ table: String) -> [Double] {
        table.split(separator: "\n").dropFirst(2).compactMap { line -> Double? in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            return cells.count >= 3 ? Double(cells[cells.count - 2]) : nil
        }
    }

    func testOgrinfoReadsTheExportWithAreasMatching() throws {
        let db = try sampleRegistry()
        let out = path("all.geojson")
        XCTAssertEqual(try run(["export", "--out", out, "--with-area", "--db", db]).status, 0)
        guard let summary = try ogrinfo(["-ro", "-al", "-so", out]) else { throw XCTSkip("no ogrinfo") }
        XCTAssertTrue(summary.contains("Feature Count: 74"), summary)
        XCTAssertTrue(summary.contains("EPSG\",4326"), summary)
        // GDAL's own area of each plot, after projecting to EPSG:4547, agrees with ours within 0.01 %.
        guard let sql = try ogrinfo(["-ro", "-q", "-dialect", "SQLite", "-sql",
                                     "SELECT code, area_m2, ST_Area(ST_Transform(geometry, 4547)) AS gdal FROM \"all\" WHERE layer = 'risk-plots'", out])
        else { return }
        var checked = 0
        var area = 0.0
        for line in sql.split(separator: "\n") {
            let parts = line.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0].hasPrefix("area_m2") { area = Double(parts[1]) ?? 0 }
            if parts[0].hasPrefix("gdal") {
                let gdal = Double(parts[1]) ?? 0
                XCTAssertEqual(area, gdal, accuracy: gdal * 1e-4, line.description)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 10, sql)
    }
}
