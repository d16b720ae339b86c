import Foundation
import XCTest

/// `landreg monitor`, `remedy`, `water` and `air` on the sample county.
final class WaterCLITests: CLITestCase {
    func testWaterReportOfTheSampleTracesTheFailingSections() throws {
        let db = try monitoredRegistry()
        XCTAssertEqual(try run(["monitor", "limit", "agricultural", "nh3n", "80", "--db", db]).status, 0)
        XCTAssertEqual(try run(["remedy", "140524-QT-001", "--measure", "取缔", "--responsible", "附城镇人民政府",
                                "--deadline", "2023-06-30", "--date", "2023-03-15", "--db", db]).status, 0)
        let result = try run(["water", "--month", "2023-08", "--format", "json", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(json["period"] as? String, "2023-08")
        let sections = json["sections"] as! [[String: Any]]
        XCTAssertEqual(sections.map { $0["meets"] as? Bool }, [false, true, false])
        XCTAssertEqual(sections.first?["class"] as? String, "IV")
        let trace = json["trace"] as! [[String: Any]]
        XCTAssertEqual(trace.map { $0["section"] as? String }, ["LC-SEC-01", "LC-SEC-03"])
        let upstream = (trace[0]["outfalls"] as! [[String: Any]])
        XCTAssertEqual(upstream.map { $0["code"] as? String }, ["140524-NY-001", "140524-NY-002"], "the tributary's outfall too")
        XCTAssertEqual(upstream.map { $0["exceeding"] as? [String] }, [["nh3n"], ["nh3n"]])
        let overdue = json["remedies_overdue"] as! [[String: Any]]
        XCTAssertEqual(overdue.first?["outfall"] as? String, "140524-QT-001")
        XCTAssertEqual(overdue.first?["days_overdue"] as? Int, 62)
        XCTAssertEqual(overdue.first?["measure"] as? String, "ban")

        let out = path("water.html")
        XCTAssertEqual(try run(["water", "--quarter", "2023Q3", "--format", "html", "--out", out, "--lang", "zh", "--db", db]).status, 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertGreaterThan(html.components(separatedBy: "<svg ").count - 1, 15, "charts and maps")
        XCTAssertFalse(html.contains("src=\"http") || html.contains("<script"), "self-contained")
        XCTAssertTrue(html.contains("劣Ⅴ类") || html.contains("Ⅳ类"))
        XCTAssertTrue(html.contains("取缔"))
        XCTAssertFalse(html.contains("}</td>"), "no stray brace from a template")
        let text = try run(["water", "--month", "2023-08", "--lang", "en", "--db", db]).stdout
        XCTAssertTrue(text.contains("LC-SEC-01  台北村"), text)
    }

    func testBadMonitoringFileIsOneLineNamingTheLineAndChangesNothing() throws {
        let db = try sampleRegistry()
        let file = path("bad.csv")
        try "点位,日期,指标,浓度\nLC-SEC-01,2023-07-01,氨氮,0.5\nLC-SEC-01,2023-07-02,pH值,15\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run(["monitor", "import", file, "--db", db])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("bad.csv:3"), result.stderr)
        XCTAssertTrue(result.stderr.contains("pH of 15"), result.stderr)
        let json = try run(["water", "--month", "2023-07", "--format", "json", "--db", db]).stdout
        XCTAssertTrue(json.contains("\"class\": null") || json.contains("\"class\":null"), "nothing was imported")
        let usage = try run(["water", "--db", db])
        XCTAssertEqual(usage.status, 2)
        let remedy = try run(["remedy", "140524-QT-001", "--measure", "ban", "--date", "2023-03-15", "--db", db])
        XCTAssertEqual(remedy.status, 2, "a remedy needs its responsible party and deadline")
    }

    func testParametersLandregDoesNotJudgeAreSkippedWithOneWarningAndTyposRefused() throws {
        let db = try sampleRegistry()
        let file = path("m.csv")
        try "点位,日期,指标,浓度\nLC-SEC-01,2023-07-08,氨氮,0.8\nLC-SEC-01,2023-07-08,悬浮物,12\nLC-SEC-01,2023-07-22,悬浮物,9\nLC-SEC-01,2023-07-08,石油类,0.02\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run(["monitor", "import", file, "--lang", "en", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("monitoring: 1 read, 1 inserted"), result.stdout)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("skipped 3 rows of parameters landreg does not judge: 悬浮物 (2), 石油类 (1)"), result.stderr)
        let typo = path("t.csv")
        try "site,date,parameter,value\nLC-SEC-01,2023-07-09,codd,14\n".write(toFile: typo, atomically: true, encoding: .utf8)
        let refused = try run(["monitor", "import", typo, "--lang", "en", "--db", db])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("did you mean cod?"), refused.stderr)
    }

    func testAirYearFlagsMonthsOverTarget() throws {
        let db = try monitoredRegistry()
        let result = try run(["air", "--year", "2023", "--format", "json", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let areas = json["areas"] as! [[String: Any]]
        XCTAssertEqual(areas.map { $0["code"] as? String }, ["140524-CS", "140524-T02", "140524-T03", "140524-T04"])
        let pm25 = (areas[0]["pollutants"] as! [[String: Any]]).first { $0["parameter"] as? String == "pm25" }!
        XCTAssertEqual(pm25["months_over"] as? [String], ["2023-01"])
        let csv = try run(["air", "--year", "2023", "--format", "csv", "--lang", "zh", "--db", db]).stdout
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}区域编码,区域,污染物"), csv.prefix(40).description)
        XCTAssertTrue(csv.contains("超目标"))
        let out = path("review")
        XCTAssertEqual(try run(["review", "--quarter", "2023Q3", "--out", out, "--db", db]).status, 0)
        let sections = try String(contentsOfFile: out + "/water-sections.csv", encoding: .utf8)
        XCTAssertTrue(sections.contains("LC-SEC-01,台北村,III,IV,no"), sections)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/outfall-remedies.csv"))
    }

    /// In Chinese the review's tables read in Chinese: column names, and the
    /// words of their cells (stages, verdicts, classes, parameters).
    func testTheReviewInChineseHasChineseTables() throws {
        let db = try monitoredRegistry()
        XCTAssertEqual(try run(["permit", "P-002", "--date", "2023-08-15", "--kind", "use_change", "--db", db]).status, 1,
                       "never checked: refused")
        let out = path("审查")
        XCTAssertEqual(try run(["review", "--quarter", "2023Q3", "--out", out, "--lang", "zh", "--db", db]).status, 0)
        for file in try FileManager.default.contentsOfDirectory(atPath: out) where file.hasSuffix(".csv") {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            let header = String(text.prefix { $0 != "\r" && $0 != "\n" })
            XCTAssertNil(header.range(of: "[a-z]{2,}", options: .regularExpression), "\(file): \(header)")
        }
        let sections = try String(contentsOfFile: out + "/water-sections.csv", encoding: .utf8)
        XCTAssertTrue(sections.contains("LC-SEC-01,台北村,Ⅲ类,Ⅳ类,否,氨氮 1.076 （超标 0.08 倍）,2023-07 Ⅳ类 ✗; 2023-08 Ⅳ类 ✗; 2023-09 Ⅲ类"), sections)
        // A quarter that meets its target on the mean still names the months that missed it.
        XCTAssertTrue(sections.contains("LC-SEC-03,汇源水库出口,Ⅲ类,Ⅲ类,是,,2023-07 Ⅲ类; 2023-08 Ⅳ类 ✗; 2023-09 Ⅳ类 ✗"), sections)
        let outfalls = try String(contentsOfFile: out + "/outfalls.csv", encoding: .utf8)
        XCTAssertTrue(outfalls.contains("断面上游,汇源水库出口，沿县城河 1980.84 米"), outfalls)
        let html = try String(contentsOfFile: out + "/review.html", encoding: .utf8)
        XCTAssertTrue(html.contains("<th>水质类别</th>"))
        XCTAssertFalse(html.contains("<th>code</th>"))
    }

    func testListAndQueryInChineseNameColumnsAndValuesInChinese() throws {
        let db = try sampleRegistry()
        let list = try run(["list", "risk-plots", "--lang", "zh", "--db", db]).stdout
        XCTAssertTrue(list.hasPrefix("编码"), list)
        XCTAssertTrue(list.contains("已列入名录") && list.contains("面积（亩）") && list.contains("10 个要素"), list)
        XCTAssertFalse(list.contains("listed"), list)
        let csv = try run(["query", "farmland", "--where", "class=strict", "--format", "csv", "--lang", "zh", "--db", db]).stdout
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}编码,相关要素编码,重叠面积（平方米）"), csv)
        XCTAssertTrue(csv.contains("严格管控类") && !csv.contains("strict"), csv)
        let english = try run(["list", "risk-plots", "--lang", "en", "--db", db]).stdout
        XCTAssertTrue(english.hasPrefix("code") && english.contains("listed") && english.contains("10 features"), english)
        let json = try run(["query", "farmland", "--where", "class=strict", "--format", "json", "--lang", "zh", "--db", db]).stdout
        XCTAssertTrue(json.contains("\"strict\""), "JSON keeps the contract's values")
    }
}
