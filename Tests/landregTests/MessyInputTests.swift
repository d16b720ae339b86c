import Foundation
import XCTest
@testable import LandRegistry

/// The files staff really receive and the mistakes people really make, run
/// through the built binary: never a silent "clear", never a silent loss.
final class MessyInputTests: CLITestCase {
    /// The centre of the sample's first-level zone of 磨河泉.
    func firstZoneCentre() throws -> (Double, Double) {
        let data = try Data(contentsOf: Self.sample.appendingPathComponent("water-zones.geojson"))
        guard case .array(let features)? = try JSONValue.parse(String(decoding: data, as: UTF8.self))["features"],
              let zone = features.first(where: { $0["properties"]?["code"]?.stringValue == "WZ-MHQ-1" }),
              case .array(let rings)? = zone["geometry"]?["coordinates"], case .array(let ring)? = rings.first else {
            throw XCTSkip("the sample has no WZ-MHQ-1")
        }
        let points = ring.compactMap { point -> (Double, Double)? in
            guard case .array(let xy) = point, case .number(let x, _)? = xy.first, case .number(let y, _)? = xy.dropFirst().first else { return nil }
            return (x, y)
        }
        return (points.map(\.0).reduce(0, +) / Double(points.count), points.map(\.1).reduce(0, +) / Double(points.count))
    }

    func testAnIndustrialTXTPlotInAFirstLevelZoneIsNotClearWhenTheActionIsGiven() throws {
        let db = try sampleRegistry()
        let (lon, lat) = try firstZoneCentre()
        let txt = try approvalTXT(lon: lon, lat: lat, side: 40, use: "1001", declaredHa: "0.2500")
        // The file cannot say the action: the check says what it assumed.
        let assumed = try run(["check", txt, "--no-record", "--lang", "en", "--db", db])
        XCTAssertEqual(assumed.status, 0, assumed.stderr)
        XCTAssertTrue(assumed.stdout.contains("checked as: use 1001"), assumed.stdout)
        XCTAssertTrue(assumed.stdout.contains("action use_change (default)"), assumed.stdout)
        XCTAssertTrue(assumed.stdout.contains("declared area 0.2500 ha"), "the 40 m square is 0.16 ha: \(assumed.stdout)")
        // …and never calls clear what only the default decided: the rule it would meet is a finding of its own.
        XCTAssertFalse(assumed.stdout.contains("CLEAR"), assumed.stdout)
        XCTAssertTrue(assumed.stdout.contains("[warn] assumed.water.first-zone: not decided: the file does not say the action"), assumed.stdout)
        let json = try run(["check", txt, "--no-record", "--format", "json", "--db", db])
        XCTAssertTrue(json.stdout.contains(#""verdict":"warn""#), json.stdout)
        // Said explicitly (even as the default), it is decided.
        let said = try run(["check", txt, "--action", "use_change", "--no-air-polluting", "--no-discharges", "--no-food-crops",
                            "--no-record", "--lang", "en", "--db", db])
        XCTAssertTrue(said.stdout.contains("CLEAR"), said.stdout)
        let given = try run(["check", txt, "--action", "new_project", "--discharges", "--no-record", "--lang", "en", "--db", db])
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertTrue(given.stdout.contains("BLOCK"), given.stdout)
        XCTAssertTrue(given.stdout.contains("water.first-zone"), given.stdout)
        XCTAssertTrue(given.stdout.contains("action new_project (option)"), given.stdout)
        XCTAssertTrue(given.stdout.contains("discharges true (option)"), given.stdout)
    }

    func testAPlotOutsideTheCountyIsNeverClear() throws {
        let db = try sampleRegistry()
        let (lon, lat) = try firstZoneCentre()
        // Zone 39 typed for 38: the same numbers put the plot 300 km east, in another province.
        let txt = try approvalTXT(lon: lon, lat: lat, side: 40, use: "0701", declaredHa: "0.1600", zone: 39, words: "城镇住宅用地")
        for lang in ["en", "zh"] {
            let result = try run(["check", txt, "--action", "supply", "--no-air-polluting", "--no-discharges", "--no-food-crops",
                                  "--no-record", "--lang", lang, "--db", db])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("coverage.outside"), result.stdout)
            XCTAssertFalse(result.stdout.contains(lang == "en" ? "CLEAR" : "未发现冲突 1"), result.stdout)
        }
        let json = try run(["check", txt, "--action", "supply", "--no-record", "--format", "json", "--db", db])
        guard case .array(let proposals)? = try JSONValue.parse(json.stdout)["proposals"],
              case .array(let findings)? = proposals.first?["findings"],
              let outside = findings.first(where: { $0["rule"]?.stringValue == "coverage.outside" }),
              case .number(let distance, _)? = outside["distance_m"] else { return XCTFail(json.stdout) }
        XCTAssertEqual(proposals.first?["verdict"]?.stringValue, "block")
        XCTAssertGreaterThan(distance, 200_000, "the distance to the county")
        // A plot that crosses the boundary by more than the margin is not clear either; within the county it is.
        let inside = try approvalTXT(lon: lon, lat: lat, side: 40, use: "0701", declaredHa: "0.1600", words: "城镇住宅用地")
        let near = try run(["check", inside, "--action", "supply", "--no-record", "--format", "json", "--db", db])
        XCTAssertFalse(near.stdout.contains("coverage.outside"), near.stdout)
    }

    func testARegistryWithoutACountySaysSoInEveryReport() throws {
        let db = path("nocounty.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        XCTAssertEqual(try run(["import", "water-zones", Self.sample.appendingPathComponent("water-zones.geojson").path, "--db", db]).status, 0)
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        let text = try run(["check", proposals, "--no-record", "--lang", "en", "--db", db])
        XCTAssertTrue(text.stdout.hasPrefix("note: the registry has no county boundary"), text.stdout)
        // Nor any risk-plot, basic farmland or county seat: the rules about them cannot be met, and it says so.
        XCTAssertTrue(text.stdout.contains("note: layer basic-farmland holds nothing the rules test, so farmland.basic, farmland.polluting-project cannot be met"), text.stdout)
        let json = try run(["check", proposals, "--no-record", "--format", "json", "--db", db])
        XCTAssertTrue(json.stdout.contains(#""coverage": {"counties":[],"#), json.stdout)
        let html = path("c.html")
        XCTAssertEqual(try run(["check", proposals, "--no-record", "--format", "html", "--out", html, "--lang", "zh", "--db", db]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: html, encoding: .utf8).contains("登记库没有县界"))
        // A setting changed from its default is named in every report; a senseless one is refused.
        XCTAssertEqual(try run(["settings", "set", "overlap_min_m2", "1e9", "--db", db]).status, 1)
        XCTAssertEqual(try run(["settings", "set", "overlap_min_m2", "5", "--db", db]).status, 0)
        let changed = try run(["check", proposals, "--no-record", "--format", "json", "--db", db])
        XCTAssertTrue(changed.stdout.contains(#""settings": {"overlap_min_m2":5.0}"#), changed.stdout)
    }

    func testA2017LandUseCodeIsNeverReadAs2023() throws {
        let db = try sampleRegistry()
        // A brick kiln's approval file from before 2023: 0601 工业用地 (三调), 330 m from concentrated basic farmland.
        let txt = try approvalTXT(lon: 113.1515462 - 0.0037, lat: 35.6514223 - 0.003, side: 40, use: "0601", declaredHa: "0.1600")
        let refused = try run(["check", txt, "--action", "new_project", "--no-record", "--lang", "en", "--db", db])
        XCTAssertEqual(refused.status, 1, refused.stdout)
        XCTAssertTrue(refused.stderr.contains("property 'use'") && refused.stderr.contains("乡村道路用地 in the 2023 classification")
                      && refused.stderr.contains("the file says 工业用地") && refused.stderr.contains("--classification 2017"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        let mapped = try run(["check", txt, "--classification", "2017", "--action", "new_project", "--no-record", "--lang", "en", "--db", db])
        XCTAssertEqual(mapped.status, 0, mapped.stderr)
        XCTAssertTrue(mapped.stdout.contains("use 1001 工业用地"), mapped.stdout)
        XCTAssertTrue(mapped.stdout.contains("farmland.polluting-project"), mapped.stdout)
        // A 2023 file whose words agree with its code passes; words that name another class are refused.
        XCTAssertEqual(try run(["check", try approvalTXT(lon: 113.1515462 - 0.0037, lat: 35.6514223 - 0.003, side: 40, use: "1001",
                                                         declaredHa: "0.1600"), "--no-record", "--db", db]).status, 0)
        let other = try run(["check", try approvalTXT(lon: 113.1515462 - 0.0037, lat: 35.6514223 - 0.003, side: 40, use: "0701",
                                                      declaredHa: "0.1600"), "--no-record", "--lang", "en", "--db", db])
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(other.stderr.contains("城镇住宅用地 in the 2023 classification, but the file says 工业用地 (工业用地 is 1001"), other.stderr)
    }

    /// QGIS and GDAL write a UTF-8 `.dbf` whose 4-character Chinese field
    /// names are cut at 10 bytes, in the middle of the fourth character.
    func testAUTF8ShapefileWithCutChineseFieldNamesIsRead() throws {
        let db = try sampleRegistry()
        let json = path("cn.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"地块编号":"P-1","地块名称":"甲地块","地块用途":"城镇住宅用地","地类编码":"0701"},"geometry":{"type":"Polygon","coordinates":[[[113.27,35.77],[113.271,35.77],[113.271,35.771],[113.27,35.771],[113.27,35.77]]]}}]}"#.write(toFile: json, atomically: true, encoding: .utf8)
        let shp = path("cn.shp")
        guard try gdal("ogr2ogr", ["-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp, json]) != nil else { throw XCTSkip("no ogr2ogr") }
        let result = try run(["check", shp, "--action", "supply", "--no-air-polluting", "--no-discharges", "--no-food-crops",
                              "--no-record", "--lang", "en", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("P-1  CLEAR"), result.stdout)
        XCTAssertTrue(result.stdout.contains("甲地块") && result.stdout.contains("use 0701 城镇住宅用地 (file)"), result.stdout)
    }

    func testATXTPlotWithoutAUseIsBadInputUnlessTheCheckGivesOne() throws {
        let db = try sampleRegistry()
        let (lon, lat) = try firstZoneCentre()
        let txt = try approvalTXT(lon: lon, lat: lat, side: 40, use: "", declaredHa: "0.1600")
        let refused = try run(["check", txt, "--no-record", "--db", db])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("code LC-2024-007") && refused.stderr.contains("property 'use'"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--use"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        let given = try run(["check", txt, "--use", "0901", "--action", "new_project", "--no-record", "--lang", "en", "--db", db])
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertTrue(given.stdout.contains("use 0901 商业用地 (option)"), given.stdout)
    }

    func testCheckReadsStandardInput() throws {
        let db = try sampleRegistry()
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["check", "-", "--format", "json", "--no-record", "--db", db]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try Data(contentsOf: Self.sample.appendingPathComponent("proposals.geojson")))
        try input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: stderr, as: UTF8.self))
        XCTAssertTrue(String(decoding: stdout, as: UTF8.self).contains("\"id\":\"P-001\""))
    }

    func testFiltersThatCannotMeanWhatWasMeantAreWrongUsage() throws {
        let db = try sampleRegistry()
        for (filter, fragment) in [("twon=崇文镇", "did you mean 'town'"), ("stage=lsted", "did you mean 'listed'"),
                                   ("class", "is not PROPERTY=VALUE"), ("stage=listed,town=崇文镇", "second condition")] {
            for command in [["list", "risk-plots"], ["export", "risk-plots"]] {
                let result = try run(command + ["--where", filter, "--db", db])
                XCTAssertEqual(result.status, 2, "\(command) --where \(filter): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains(fragment), result.stderr)
                XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            }
        }
        let both = try run(["list", "risk-plots", "--where", "stage=listed,remediating", "--where", "town=崇文镇", "--db", db])
        XCTAssertEqual(both.status, 0, both.stderr)
    }

    func testDeleteRemovesAndRecords() throws {
        let db = try sampleRegistry()
        let missing = try run(["delete", "outfalls", "NOPE", "--date", "2023-06-01", "--db", db])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("outfalls NOPE"), missing.stderr)
        let list = try run(["list", "outfalls", "--db", db]).stdout
        guard let code = list.split(separator: "\n").dropFirst(2).first?.split(separator: " ").first.map(String.init) else {
            return XCTFail("no outfall in the sample: \(list)")
        }
        let deleted = try run(["delete", "outfalls", code, "--date", "2023-06-01", "--note", "已封堵", "--db", db])
        XCTAssertEqual(deleted.status, 0, deleted.stderr)
        let history = try run(["history", "outfalls", code, "--db", db])
        XCTAssertTrue(history.stdout.contains("delete") && history.stdout.contains("已封堵"), history.stdout)
    }

    /// Runs a program (sqlite3, ogrinfo) on the registry file; nil when it is not installed.
    @discardableResult
    func external(_ program: String, _ arguments: [String]) throws -> Int32? {
        let url = URL(fileURLWithPath: "/usr/bin/\(program)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            if ProcessInfo.processInfo.environment["LANDREG_REQUIRE_GDAL"] == "1" { XCTFail("\(program) is not installed") }
            return nil
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testEditsByOtherProgramsEnterTheHistory() throws {
        let db = try sampleRegistry()
        let list = try run(["list", "farmland", "--db", db]).stdout
        guard let parcel = list.split(separator: "\n").dropFirst(2).first?.split(separator: " ").first.map(String.init) else {
            return XCTFail("no farmland in the sample")
        }
        let before = try run(["show", "farmland", parcel, "--db", db]).stdout
        let oldClass = before.split(separator: "\n").first { $0.hasPrefix("class") }?.split(separator: " ").last.map(String.init) ?? ""
        let newClass = oldClass == "strict" ? "priority" : "strict"
        // sqlite3, without SpatiaLite: a property.
        XCTAssertEqual(try external("sqlite3", [db, "UPDATE farmland SET class = '\(newClass)' WHERE code = '\(parcel)'"]), 0)
        // GDAL's SQLite driver with SpatiaLite's own functions: the geometry, as QGIS would move it.
        guard let status = try external("ogrinfo", [db, "-sql", "UPDATE farmland SET geom = ST_Translate(geom, 5, 0, 0) WHERE code = '\(parcel)'"]) else {
            throw XCTSkip("no GDAL")
        }
        XCTAssertEqual(status, 0)
        XCTAssertEqual(try external("sqlite3", [db, "DELETE FROM outfalls WHERE code = (SELECT min(code) FROM outfalls)"]), 0)
        let history = try run(["history", "farmland", parcel, "--db", db])
        XCTAssertEqual(history.status, 0, history.stderr)
        let external = history.stdout.split(separator: "\n").filter { $0.contains("external") }
        XCTAssertEqual(external.count, 2, history.stdout)
        XCTAssertTrue(external.first?.contains("class: \(oldClass) → \(newClass)") == true, history.stdout)
        XCTAssertTrue(external.last?.contains("geometry changed") == true, history.stdout)
        XCTAssertFalse(external.last?.contains("class:") == true, "the second edit changed only the geometry: \(history.stdout)")
        // The history is the registry: an export today and as of today agree.
        let now = try run(["export", "--db", db]).stdout
        let asOf = try run(["export", "--as-of", todayUTC(), "--db", db]).stdout
        let (a, b) = (now.split(separator: "\n"), asOf.split(separator: "\n"))
        XCTAssertEqual(a.count, b.count)
        if let k = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) { XCTFail("export and export --as-of differ:\n\(a[k])\n\(b[k])") }
    }

    func testAGDALShapefileWithNullNumbersAndANumericCodeField() throws {
        let geojson = path("in.geojson")
        try """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"BSM":1001,"CLASS":"priority","MJ":12.5},"geometry":{"type":"Polygon","coordinates":[[[113.30,35.77],[113.301,35.77],[113.301,35.771],[113.30,35.771],[113.30,35.77]]]}},
            {"type":"Feature","properties":{"BSM":1002,"CLASS":"strict","MJ":null},"geometry":{"type":"Polygon","coordinates":[[[113.31,35.77],[113.311,35.77],[113.311,35.771],[113.31,35.771],[113.31,35.77]]]}}]}
            """.write(toFile: geojson, atomically: true, encoding: .utf8)
        guard let status = try external("ogr2ogr", ["-f", "ESRI Shapefile", path("gdal.shp"), geojson]) else { throw XCTSkip("no GDAL") }
        XCTAssertEqual(status, 0)
        let dbf = try Data(contentsOf: URL(fileURLWithPath: path("gdal.dbf")))
        XCTAssertTrue(String(decoding: dbf, as: UTF8.self).contains("****"), "GDAL writes a null number as * padding")
        let db = path("gdal.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        // BSM is numeric in the .dbf; one field gives two properties.
        let imported = try run(["import", "farmland", path("gdal.shp"), "--map", "code=BSM,name=BSM,class=CLASS", "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("2 inserted"), imported.stdout)
        let second = try run(["show", "farmland", "1002", "--db", db]).stdout
        XCTAssertTrue(second.split(separator: "\n").contains { $0.hasPrefix("name ") && $0.hasSuffix(" 1002") }, second)
        XCTAssertFalse(second.contains("MJ"), "a null number is an absent property: \(second)")
        XCTAssertTrue(try run(["show", "farmland", "1001", "--db", db]).stdout.contains("12.5"))
    }

    func testCSVColumnsMapAndChineseNamesAreUnderstood() throws {
        let csv = path("outfalls.csv")
        try "编码,名称,排口类型,河流,经度,纬度\nOF-1,一号排口,industrial,丹河,113.28,35.77\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let db = path("csv.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        let imported = try run(["import", "outfalls", csv, "--map", "type=排口类型,river=河流", "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let shown = try run(["show", "outfalls", "OF-1", "--db", db]).stdout
        XCTAssertTrue(shown.contains("type") && shown.contains("industrial") && shown.contains("一号排口") && shown.contains("river"), shown)
    }

    func testQueryUsageAndAnswers() throws {
        let db = try sampleRegistry()
        for (arguments, fragment) in [(["query", "riskplots"], "riskplots"), (["query", "risk-plots", "--within", "water-zones"], "--distance"),
                                      (["query", "risk-plots", "--within", "water-zones", "--distance", "-5"], "distance"),
                                      (["query", "risk-plots", "--where", "stag=listed"], "did you mean 'stage'"),
                                      (["query", "risk-plots", "--sum-by", "twon"], "--sum-by"),
                                      (["query", "outfalls", "--overlapping", "water-zones", "--other-where", "level=frist"], "did you mean 'first'")] {
            let result = try run(arguments + ["--db", db])
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
        }
        let missing = try run(["query", "risk-plots", "--overlapping", path("plan.geojson"), "--db", db])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("plan.geojson"), missing.stderr)
        let zones = try run(["query", "outfalls", "--overlapping", "water-zones", "--other-where", "level=first,second", "--format", "json", "--db", db])
        XCTAssertEqual(zones.status, 0, zones.stderr)
        XCTAssertTrue(zones.stdout.contains(#""other_code":"WZ-HYSK-2""#), zones.stdout)
        let listed = try run(["list", "risk-plots", "--format", "csv", "--as-of", "2022-01-01", "--db", db])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.hasPrefix("\u{FEFF}code,"), listed.stdout)
    }

    func testAGeoPackageThatGDALReads() throws {
        let db = try sampleRegistry()
        let gpkg = path("lingchuan.gpkg")
        let result = try run(["export", "--format", "gpkg", "--out", gpkg, "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        guard let info = try ogrinfo(["-ro", "-so", gpkg, "risk_plots"]) else { throw XCTSkip("no GDAL") }
        XCTAssertTrue(info.contains("Feature Count: 10"), info)
        XCTAssertTrue(info.contains("\"EPSG\",4547"), info)
    }

    func testTheChineseReportSaysActionsAndSeveritiesInChinese() throws {
        let db = try sampleRegistry()
        let text = try run(["check", Self.sample.appendingPathComponent("proposals.geojson").path, "--no-record", "--lang", "zh", "--db", db]).stdout
        XCTAssertTrue(text.contains("事项 土地供应（文件）"), text)
        XCTAssertTrue(text.contains("[不予通过] soil.listed"), text)
        XCTAssertFalse(text.contains("[block]"), text)
    }

    /// A land-supply plan as a county office sends it — a GBK Shapefile with
    /// Chinese field names (项目编号, 项目名称, 用途, 事项) and Chinese actions
    /// (土地供应, 改变用途 …) — checks exactly like its ASCII twin.
    func testAChineseGBKProposalShapefileChecksLikeItsASCIITwin() throws {
        let db = try sampleRegistry()
        guard try ogrinfo(["--version"]) != nil else { throw XCTSkip("no ogr2ogr") }
        let original = Self.sample.appendingPathComponent("proposals.geojson")
        let actions = ["supply": "土地供应", "use_change": "改变用途", "planning_permit": "规划许可", "reclamation": "复垦",
                       "new_project": "新建项目", "new_outfall": "新设排污口"]
        let names = ["id": "项目编号", "name": "项目名称", "use": "用途", "action": "事项"]
        var collection = try JSONSerialization.jsonObject(with: Data(contentsOf: original)) as! [String: Any]
        // A Shapefile holds one kind of geometry: the plan's plots (its outfall points left out).
        let plots = (collection["features"] as! [[String: Any]]).filter { ($0["geometry"] as! [String: Any])["type"] as! String == "Polygon" }
        let ascii = path("plan.geojson")
        collection["features"] = plots
        try JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: ascii))
        collection["features"] = plots.map { feature in
            var feature = feature
            var properties: [String: Any] = [:]
            for (key, value) in feature["properties"] as! [String: Any] where key != "note" {
                properties[names[key] ?? key] = key == "action" ? actions[value as! String]! : value
            }
            feature["properties"] = properties
            return feature
        }
        let chinese = path("plan-zh.geojson"), shapefile = path("plan-zh.shp")
        try JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: chinese))
        try gdal("ogr2ogr", ["-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", shapefile, chinese])
        let dbf = try Data(contentsOf: URL(fileURLWithPath: path("plan-zh.dbf")))
        XCTAssertNotNil(dbf.range(of: Data([0xCD, 0xC1, 0xB5, 0xD8])), "the attributes are GBK (土地 is CD C1 B5 D8)")
        func findings(_ file: String) throws -> [String] {
            let result = try run(["check", file, "--format", "json", "--no-record", "--db", db])
            XCTAssertEqual(result.status, 0, result.stderr)
            let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
            return (report["proposals"] as! [[String: Any]]).flatMap { r -> [String] in
                let id = r["id"] as! String, verdict = r["verdict"] as! String
                return [id + " " + verdict] + (r["findings"] as! [[String: Any]]).map { f in
                    "\(id) \(f["rule"]!) \(f["code"]!) \(String(format: "%.0f", (f["overlap_m2"] as? Double) ?? 0))"
                }
            }.sorted()
        }
        let twin = try findings(ascii), office = try findings(shapefile)
        XCTAssertGreaterThan(twin.count, 25)
        XCTAssertEqual(office, twin)
    }
}
