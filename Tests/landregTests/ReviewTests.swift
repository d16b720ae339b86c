import Foundation
import XCTest

/// The quarterly review on a scripted history of the sample county.
final class ReviewTests: CLITestCase {
    func csv(_ file: String) throws -> [[String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "\(file) starts with a BOM for spreadsheets")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        return text.split(separator: "\r\n").map { line in
            // Sample cells have no quoted commas except "…, … m along …": split on the quotes first.
            var cells: [String] = []
            var cell = "", quoted = false
            for c in line {
                if c == "\"" { quoted.toggle(); continue }
                if c == "," && !quoted { cells.append(cell); cell = ""; continue }
                cell.append(c)
            }
            cells.append(cell)
            return cells
        }
    }

    func reclassFile() throws -> String {
        let file = path("reclass.csv")
        try "code,class\nFL-0002,strict\nFL-0003,priority\nFL-0004,priority\n".write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func testReviewOfAScriptedHistory() throws {
        let db = path("review.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        for layer in ["admin", "rivers", "sections", "water-zones", "outfalls", "enterprises", "risk-plots", "farmland", "basic-farmland"] {
            let result = try run(["import", layer, Self.sample.appendingPathComponent("\(layer).geojson").path, "--date", "2023-01-01", "--db", db])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let steps: [[String]] = [
            ["stage", "LC-RP-003", "investigating", "--date", "2023-07-10", "--doc", "调查-7"],
            ["stage", "LC-RP-001", "remediating", "--date", "2023-08-10"],
            ["stage", "LC-RP-005", "listed", "--date", "2023-10-05"],
            ["reclass", "FL-0001", "strict", "--date", "2023-09-01", "--basis", "例行监测"],
            ["reclass", "--file", try reclassFile(), "--date", "2023-10-02"],
            ["check", Self.sample.appendingPathComponent("proposals.geojson").path, "--date", "2023-05-01"],
            ["permit", "P-001", "--date", "2023-09-01", "--kind", "supply", "--note", "县政府专题会议纪要〔2023〕12号"],
            ["permit", "P-002", "--date", "2023-07-05", "--kind", "use_change"],
            ["permit", "P-014", "--date", "2023-08-15", "--kind", "supply"],
            ["permit", "P-003", "--date", "2023-05-20", "--kind", "planning_permit"],
        ]
        for step in steps {
            let result = try run(step + ["--db", db])
            XCTAssertEqual(result.status, 0, "\(step): \(result.stderr)")
        }
        let out = path("2023Q3")
        let review = try run(["review", "--quarter", "2023Q3", "--out", out, "--lang", "en", "--db", db])
        XCTAssertEqual(review.status, 0, review.stderr)

        // Permits in the quarter for housing or public use (P-003 is in Q2).
        let sensitive = try csv("\(out)/sensitive-approvals.csv")
        XCTAssertEqual(sensitive.dropFirst().map { $0[2] }, ["P-002", "P-014", "P-001"])
        XCTAssertEqual(sensitive.last?[8], "permitted although the check was block: 县政府专题会议纪要〔2023〕12号")
        // Clear to zero, judged as the registry stood on each permit's date:
        // P-002 on 2023-07-05 sat on LC-RP-003 while it was still suspected;
        // P-001 sat on LC-RP-001, listed (remediating from 2023-08-10).
        let clear = try csv("\(out)/clear-to-zero.csv")
        XCTAssertEqual(clear.dropFirst().map { "\($0[3]) \($0[5]) \($0[6])" }, ["P-002 LC-RP-003 suspected", "P-001 LC-RP-001 remediating"])
        let changes = try csv("\(out)/risk-list-changes.csv")
        XCTAssertEqual(changes.dropFirst().map { "\($0[0]) \($0[3])→\($0[4])" }, ["LC-RP-001 listed→remediating"], "LC-RP-005 is listed in Q4")
        let unresolved = try csv("\(out)/unresolved.csv")
        XCTAssertEqual(Set(unresolved.dropFirst().map { $0[0] }), ["LC-RP-003", "LC-RP-004", "LC-RP-005", "LC-RP-008", "LC-RP-010"])
        XCTAssertEqual(unresolved.first { $0[0] == "LC-RP-003" }?[4], "82", "waiting since 2023-07-10")
        let vacated = try csv("\(out)/vacated.csv")
        XCTAssertEqual(vacated.dropFirst().map { "\($0[0]) \($0[4])" }, ["ENT-004 LC-RP-010", "ENT-006 LC-RP-009"])
        let outfalls = try csv("\(out)/outfalls.csv")
        // Upstream of a section within the setting trace_upstream_m (10 km), as `water` traces.
        XCTAssertEqual(outfalls.dropFirst().map { "\($0[0]) \($0[3])" }, ["140524-NY-001 upstream of section", "140524-QT-001 in second zone",
                                                                         "140524-QT-001 upstream of section", "140524-WS-001 upstream of section"])
        XCTAssertEqual(outfalls.first { $0[0] == "140524-WS-001" }?[4], "汇源水库出口, 9240.37 m along 县城河")
        XCTAssertEqual(try run(["settings", "set", "trace_upstream_m", "5000", "--db", db]).status, 0)
        let nearer = "\(out)-5km"
        XCTAssertEqual(try run(["review", "--quarter", "2023Q3", "--out", nearer, "--lang", "zh", "--db", db]).status, 0)
        XCTAssertEqual(try csv("\(nearer)/outfalls.csv").dropFirst().map { "\($0[0]) \($0[3]) \($0[4])" },
                       ["140524-QT-001 位于二级保护区 WZ-HYSK-2 汇源水库", "140524-QT-001 断面上游 汇源水库出口，沿县城河 1980.84 米"])
        XCTAssertTrue(try String(contentsOfFile: "\(nearer)/review.html", encoding: .utf8).contains("断面上游 5 公里内的入河排污口"))
        XCTAssertEqual(try run(["settings", "set", "trace_upstream_m", "10000", "--db", db]).status, 0)
        let farmland = try csv("\(out)/farmland-changes.csv")
        XCTAssertEqual(farmland.dropFirst().map { "\($0[0]) \($0[1])" }, ["FL-0001 class adjusted"])
        let towns = try csv("\(out)/towns.csv")
        XCTAssertEqual(towns.first { $0[0] == "崇文镇" }?[2], "2 / 0", "clear-to-zero in 崇文镇 this quarter and the last")

        // The previous quarter reads the past as it was: P-003 permitted in Q2.
        let q2 = path("2023Q2")
        XCTAssertEqual(try run(["review", "--quarter", "2023Q2", "--out", q2, "--db", db]).status, 0)
        // The checks were made on 2023-05-01 (check --date): Q2 has them, and the permit of P-003.
        let q2Rows = try csv("\(q2)/sensitive-approvals.csv").dropFirst()
        XCTAssertEqual(q2Rows.filter { $0[0] != "checked" }.map { $0[2] }, ["P-003"])
        XCTAssertEqual(q2Rows.filter { $0[0] == "checked" }.map { $0[2] }, ["P-001", "P-002", "P-003", "P-014", "P-015"])
        XCTAssertEqual(try csv("\(q2)/risk-list-changes.csv").dropFirst().map { $0[0] }, ["LC-RP-002"], "remediating from 2023-04-18")
        // The next quarter sees LC-RP-005 listed and the file's class adjustments.
        let q4 = path("2023Q4")
        XCTAssertEqual(try run(["review", "--quarter", "2023Q4", "--out", q4, "--db", db]).status, 0)
        XCTAssertEqual(try csv("\(q4)/farmland-changes.csv").dropFirst().map { $0[0] }, ["FL-0002", "FL-0004"], "FL-0003 was priority already")
        XCTAssertEqual(try csv("\(q4)/risk-list-changes.csv").dropFirst().map { "\($0[0]) \($0[3])→\($0[4])" }, ["LC-RP-005 contaminated→listed"])

        if let info = try ogrinfo(["-ro", "-al", "-so", "\(out)/flagged.geojson"]) {
            XCTAssertTrue(info.contains("Feature Count:"), info)
            XCTAssertTrue(info.contains("table: String"), info)
        }
        let vacatedNow = try run(["vacated", "--db", db])
        XCTAssertTrue(vacatedNow.stdout.contains("ENT-004") && vacatedNow.stdout.contains("LC-RP-010"), vacatedNow.stdout)
        XCTAssertTrue(vacatedNow.stdout.contains("2 sites"))

        let html = try String(contentsOfFile: "\(out)/review.html", encoding: .utf8)
        XCTAssertGreaterThan(html.components(separatedBy: "<svg ").count - 1, 5, "a county map and maps of the flagged places")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertEqual(try run(["review", "--quarter", "2023Q5", "--db", db]).status, 2)
    }

    func testAProposalCheckedTwiceCountsOnceAndABlockedPermitNeedsAReason() throws {
        let db = try sampleRegistry()
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        for _ in 0..<2 { XCTAssertEqual(try run(["check", proposals, "--db", db]).status, 0) }
        // Today's checks cannot carry a permit of 2023: the check made then is recorded with its date.
        let early = try run(["permit", "P-014", "--date", "2023-09-01", "--kind", "supply", "--db", db])
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.stderr.contains("after the permit's date 2023-09-01"), early.stderr)
        XCTAssertEqual(try run(["check", proposals, "--date", "2023/8/1", "--db", db]).status, 0)
        let refused = try run(["permit", "P-001", "--date", "2023-09-01", "--kind", "supply", "--db", db])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("proposal P-001") && refused.stderr.contains("block") && refused.stderr.contains("--note"),
                      refused.stderr)
        XCTAssertEqual(try run(["permit", "P-014", "--date", "2023-09-01", "--kind", "supply", "--db", db]).status, 0)
        let twice = try run(["permit", "P-014", "--date", "2023-09-02", "--kind", "supply", "--db", db])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("already has a supply permit"), twice.stderr)
        let now = Date()
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
        let quarter = "\(parts.year!)Q\((parts.month! - 1) / 3 + 1)"
        let out = path("now")
        XCTAssertEqual(try run(["review", "--quarter", quarter, "--out", out, "--db", db]).status, 0)
        let checked = try csv("\(out)/sensitive-approvals.csv").dropFirst().filter { $0[0] == "checked" }.map { $0[2] }
        XCTAssertEqual(checked.count, Set(checked).count, "each proposal once, by its latest check: \(checked)")
        XCTAssertTrue(checked.contains("P-001"))
    }
}
