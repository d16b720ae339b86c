import Foundation
import XCTest
import LandRegistry

/// The clerk's page (`/app`) in a real browser: Debian's Chromium driven by
/// Selenium (`Tools/crosscheck/app_browser.py`) chooses an applicant's files
/// as a clerk would — the sample proposals, a land-approval TXT in GBK, a
/// zipped Shapefile with GBK names and attributes, a TXT whose plot has no
/// use (the page asks for it, and checks once given), a damaged zip — and
/// reads every verdict and finding off the page: each equals `landreg check
/// --format json` on the same file; a bad file shows the CLI's message beside
/// it and records nothing.
final class ClerkPageTests: ServerTestCase {
    private func requireBrowser() throws {
        let needed = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        guard needed.allSatisfy(FileManager.default.isExecutableFile(atPath:)) else {
            if ProcessInfo.processInfo.environment["LANDREG_REQUIRE_CLIENTS"] == "1" { XCTFail("Chromium and chromium-driver are not installed") }
            throw XCTSkip("Chromium and chromium-driver are not installed")
        }
    }

    /// The sample's polygon proposals as a Shapefile with GBK attributes, zipped in a folder with GBK names.
    private func zippedShapefile() throws -> String? {
        try FileManager.default.createDirectory(atPath: path("shp"), withIntermediateDirectories: true)
        guard try gdal("ogr2ogr", ["-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-where", "OGR_GEOMETRY='POLYGON'", "-nlt", "POLYGON",
                                   path("shp/申报地块.shp"), Self.sample.appendingPathComponent("proposals.geojson").path]) != nil else { return nil }
        let zip = path("申报材料.zip")
        let script = """
            import os, sys, zipfile
            zipfile.ZipInfo._encodeFilenameFlags = lambda self: (self.filename.encode("cp437"), self.flag_bits)
            with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
                for name in sorted(os.listdir(sys.argv[1])):
                    z.write(os.path.join(sys.argv[1], name), ("材料/" + name).encode("gbk").decode("cp437"))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path("shp"), zip]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return zip
    }

    /// The CLI's JSON for a file (`flags` as the page's fields), written beside it.
    private func expected(_ db: String, _ file: String, _ flags: [String] = []) throws -> String {
        let cli = try run(["check", file, "--db", db, "--format", "json", "--no-record", "--lang", "en"] + flags)
        XCTAssertEqual(cli.status, 0, cli.stderr)
        // Beside the test's files, never the sample's.
        let out = path((file as NSString).lastPathComponent + "\(flags.count).expected.json")
        try cli.stdout.write(toFile: out, atomically: true, encoding: .utf8)
        return out
    }

    /// The CLI's one-line message for a file it refuses, as the page names the file (by its name alone).
    private func refusal(_ db: String, _ file: String) throws -> String {
        let cli = try run(["check", file, "--db", db, "--no-record", "--lang", "en"])
        XCTAssertEqual(cli.status, 1, cli.stdout)
        var message = cli.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "landreg: error: ", with: "").replacingOccurrences(of: directory.path + "/", with: "")
        // The CLI's remedy names its flags (--use); the page says it in its own words.
        if let remedy = message.range(of: " (", options: .backwards), message[remedy.upperBound...].contains("--") {
            message = String(message[..<remedy.lowerBound])
        }
        return message
    }

    func testTheClerksPageShowsWhatTheCLISays() throws {
        try requireBrowser()
        let db = try sampleRegistry()
        try serve(db)
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        let txt = try gbk(try approvalTXT(lon: 113.2955, lat: 35.7695, side: 60, use: "0701", declaredHa: "0.3600", words: "城镇住宅用地"), to: "住宅地块.txt")
        let noUse = try gbk(try approvalTXT(lon: 113.15, lat: 35.65, side: 40, use: "", declaredHa: "0.1600", words: "城镇住宅用地"), to: "无用途.txt")
        let junk = path("损坏.zip")
        try Data("PK\u{3}\u{4} not really".utf8).write(to: URL(fileURLWithPath: junk))
        guard let zip = try zippedShapefile() else { return }
        let big = path("全县.geojson")
        try Data(repeating: 0x20, count: 51 << 20).write(to: URL(fileURLWithPath: big))
        let by = "王芳"
        var cases: [[String: Any]] = [
            ["file": proposals, "by": by, "expect": try expected(db, proposals)],
            ["file": txt, "by": by, "expect": try expected(db, txt)],
            ["file": zip, "by": by, "expect": try expected(db, zip)],
            ["file": noUse, "by": by, "error": try refusal(db, noUse), "wanted": "use"],
            ["file": junk, "by": by, "error": try refusal(db, junk)],
            ["file": big, "by": by, "error": "the proposals are larger than 50 MB"],
        ]
        // Given the use it lacked, the plot is checked (the page's field is the CLI's --use).
        cases.append(["file": noUse, "by": by, "fields": ["use": "0701"], "expect": try expected(db, noUse, ["--use", "0701"])])
        let manifest = path("manifest.json")
        try JSONSerialization.data(withJSONObject: cases).write(to: URL(fileURLWithPath: manifest))
        let shots = ProcessInfo.processInfo.environment["LANDREG_SCREENSHOTS"] ?? path("screenshots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let (status, said) = try crosscheck("app_browser.py", [base, manifest, shots])
        XCTAssertEqual(status, 0, said)
        for language in ["zh", "en"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots + "/app-\(language).png")[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 20_000, "no screenshot of the page in \(language)")
        }
        // Four checks recorded, by the name the clerk gave; the refused files recorded nothing.
        let runs = try run(["checks", "--db", db]).stdout
        XCTAssertEqual(runs.components(separatedBy: "\n").filter { $0.contains(by) }.count, 4, runs)
    }

    /// What the page is given is the CLI's: `/app/check` answers, from one
    /// recorded check, the JSON of `check --format json`, the GeoJSON of
    /// `check --format geojson` and the signed report; `/check` takes a zipped
    /// Shapefile and `map` as the CLI's `--map`; the reports are `water` and `air`'s JSON.
    func testWhatThePageIsGivenIsTheCLIs() throws {
        let db = try monitoredRegistry()
        try serve(db)
        guard let zip = try zippedShapefile() else { return }
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        for (file, fields, flags) in [(proposals, ["food_crops=true"], ["--food-crops"]),
                                      (zip, ["map=use=use,action=action"], ["--map", "use=use,action=action"])] {
            let before = try run(["checks", "--db", db]).stdout
            let answer = try post(form: ["file=@" + file, "by=李明"] + fields, to: "/app/check")
            XCTAssertEqual(answer.status, 200, answer.body)
            let cli = try run(["check", file, "--db", db, "--format", "json", "--no-record", "--lang", "en"] + flags).stdout
            let cliMap = try run(["check", file, "--db", db, "--format", "geojson", "--no-record"] + flags).stdout
            let page = json(answer.body)
            XCTAssertEqual(page["report"] as? NSDictionary, json(cli) as NSDictionary, file)
            XCTAssertEqual(page["geojson"] as? NSDictionary, json(cliMap) as NSDictionary, file)
            XCTAssertTrue((page["html"] as? String ?? "").contains("<svg"), file)
            let after = try run(["checks", "--db", db]).stdout
            XCTAssertEqual(after.components(separatedBy: "李明").count, before.components(separatedBy: "李明").count + 1, "one record per check")
            // The same file and options through /check, as the CLI's JSON and GeoJSON, byte for byte.
            XCTAssertEqual(try post(form: ["file=@" + file, "record=false"] + fields).body, cli, file)
            XCTAssertEqual(try post(form: ["file=@" + file, "record=false", "f=geojson"] + fields).body, cliMap, file)
        }
        let features = json(try run(["check", zip, "--db", db, "--format", "geojson", "--no-record"]).stdout)["features"] as? [[String: Any]] ?? []
        XCTAssertTrue(features.contains { ($0["properties"] as? [String: Any])?["kind"] as? String == "finding" }, "no finding's feature drawn")
        XCTAssertEqual(try post(form: ["file=@" + zip, "by=李明", "f=json"], to: "/app/check").status, 400)
        XCTAssertEqual(try post(form: ["file=@" + zip, "record=false", "map=use"]).status, 400)
        for (path, command) in [("/reports/water?quarter=2023Q3", ["water", "--quarter", "2023Q3"]), ("/reports/water?month=2023-08", ["water", "--month", "2023-08"]),
                                ("/reports/air?year=2023", ["air", "--year", "2023"])] {
            let answer = try get(path)
            XCTAssertEqual(answer.status, 200, answer.body)
            XCTAssertEqual(answer.body, try run(command + ["--format", "json", "--db", db]).stdout, path)
            XCTAssertTrue(try get(path + "&f=html&lang=zh").body.contains("<html"), path)
        }
        let review = try get("/reports/review?quarter=2023Q3&lang=zh")
        XCTAssertEqual(review.status, 200, review.body)
        XCTAssertTrue(review.body.contains("<svg") && review.body.contains("lang=\"zh"), String(review.body.prefix(300)))
        for refused in ["/reports/review", "/reports/review?quarter=2023Q5", "/reports/water?month=2023-13", "/reports/water",
                        "/reports/water?month=2023-08&quarter=2023Q3", "/reports/air?year=twenty", "/reports/air?year=2023&colour=red",
                        "/app?lang=fr", "/reports/review?quarter=2023Q3&f=json"] {
            let answer = try get(refused)
            XCTAssertTrue([400, 406].contains(answer.status), "\(refused): \(answer.status) \(answer.body)")
            XCTAssertNotNil(json(answer.body)["description"], refused)
        }
        let page = try get("/app", ["Accept-Language: en-US"])
        XCTAssertTrue(page.body.contains("<html lang=\"en\"") && page.body.contains("/static/leaflet/leaflet.js"), String(page.body.prefix(300)))
        XCTAssertTrue(try get("/app").body.contains("<html lang=\"zh-CN\""), "the page is Chinese unless asked otherwise")
        XCTAssertEqual(try get("/app/check").status, 405)
        XCTAssertTrue(try get("/app/app.js").body.contains("L.map("))
    }

    /// The sample registry with one account, served (a browser needed); the registry and the sample proposals.
    func serveWithAccount(_ name: String, role: String, password: String) throws -> (db: String, proposals: String) {
        try requireBrowser()
        let db = try sampleRegistry()
        XCTAssertEqual(try run(["user", "add", name, "--role", role, "--db", db], input: password + "\n").status, 0)
        try serve(db)
        return (db, Self.sample.appendingPathComponent("proposals.geojson").path)
    }

    /// With accounts, the page asks to sign in (a wrong password refused on the page), then checks as
    /// the clerk: the check is recorded by the account, not by a name typed in.
    func testTheClerkSignsInOnThePage() throws {
        let password = "陵川 clerk password"
        let (db, proposals) = try serveWithAccount("li.ming", role: "clerk", password: password)
        let manifest = path("signed-in.json")
        let cases: [[String: Any]] = [["file": proposals, "by": "someone", "expect": try expected(db, proposals)]]
        try JSONSerialization.data(withJSONObject: ["signin": ["name": "li.ming", "password": password], "cases": cases])
            .write(to: URL(fileURLWithPath: manifest))
        let (status, said) = try crosscheck("app_browser.py", [base, manifest])
        XCTAssertEqual(status, 0, said)
        let runs = try run(["checks", "--db", db]).stdout
        XCTAssertTrue(runs.contains("li.ming") && !runs.contains("someone"), runs)
    }

    /// On the page, after a recorded check, the permit of a proposal; a plot's move along its lifecycle from
    /// its history — each refused on the page with the service's words where the CLI refuses it, recorded by
    /// the account where it is accepted, exactly as `landreg permit` and `landreg stage` record them.
    func testTheClerkRecordsPermitsAndMovesPlotsOnThePage() throws {
        let password = "陵川 editor password"
        let (db, proposals) = try serveWithAccount("zhang.wei", role: "editor", password: password)
        let (status, said) = try crosscheck("app_edits_browser.py", [base, "zhang.wei", password, proposals])
        XCTAssertEqual(status, 0, said)
        let seen = json(said.components(separatedBy: "\n").first { $0.hasPrefix("{") } ?? "{}")
        func answer(_ key: String) -> [String: Any] { seen[key] as? [String: Any] ?? [:] }
        // Only the proposals whose action is a permit's (supply, use change, planning permit) offer one.
        XCTAssertEqual(seen["permit_forms"] as? Int, 7, said)
        XCTAssertEqual(answer("clear")["error"] as? Bool, false, said)
        XCTAssertTrue((answer("clear")["text"] as? String ?? "").hasPrefix("Permit "), said)
        XCTAssertEqual(answer("block_without_reason")["error"] as? Bool, true, said)
        XCTAssertTrue((answer("block_without_reason")["text"] as? String ?? "").contains("a permit needs the reason (give it in the field note)"), said)
        XCTAssertEqual(answer("block_with_reason")["error"] as? Bool, false, said)
        XCTAssertEqual(answer("illegal_stage")["error"] as? Bool, true, said)
        XCTAssertTrue((answer("illegal_stage")["text"] as? String ?? "").contains("cannot move from investigating to listed"), said)
        XCTAssertEqual(answer("stage")["error"] as? Bool, false, said)
        XCTAssertEqual(seen["versions"] as? [Int], [1, 2], said)
        XCTAssertTrue((seen["last_version"] as? String ?? "").contains("zhang.wei"), said)
        // The registry holds what the CLI would have recorded, by the account.
        let history = try run(["history", "risk-plots", "LC-RP-004", "--db", db, "--lang", "en"]).stdout
        XCTAssertTrue(history.contains("contaminated") && history.contains("zhang.wei") && history.contains("晋环函〔2023〕2号"), history)
        let again = try run(["permit", "P-014", "--kind", "supply", "--date", todayUTC(), "--db", db, "--lang", "en"])
        XCTAssertTrue(again.stderr.contains("already has a supply permit"), "the page's permit is not the CLI's: \(again.stderr)")
        let refusedTwice = try run(["permit", "P-001", "--kind", "supply", "--date", todayUTC(), "--note", "x", "--db", db, "--lang", "en"])
        XCTAssertTrue(refusedTwice.stderr.contains("already has a supply permit"), refusedTwice.stderr)
    }
}
