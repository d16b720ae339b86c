import Foundation
import XCTest
import LandRegistry

/// `landreg serve` on a real port, read by real clients: GDAL's OAPIF
/// driver lists every layer with the counts of `landreg list` and copies
/// each as `landreg export` writes it; curl sees the answers of §11 and
/// its refusals (a 4xx naming the parameter, never a 5xx).
final class ServeTests: ServerTestCase {
    func testGDALReadsEveryLayerAsListAndExportGiveIt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") else {
            if ProcessInfo.processInfo.environment["LANDREG_REQUIRE_GDAL"] == "1" { XCTFail("ogrinfo is not installed") }
            throw XCTSkip("GDAL is not installed")
        }
        let db = try sampleRegistry()
        try serve(db)
        let layers = ["admin", "rivers", "sections", "water-zones", "outfalls", "enterprises", "risk-plots", "farmland", "basic-farmland"]
        let listing = try gdal("ogrinfo", ["-ro", "-q", "OAPIF:" + base]) ?? ""
        for layer in layers { XCTAssertTrue(listing.contains(layer), "\(layer) not listed: \(listing)") }
        for layer in layers {
            let exported = json(try run(["export", layer, "--db", db]).stdout)["features"] as? [[String: Any]] ?? []
            let summary = try gdal("ogrinfo", ["-ro", "-so", "OAPIF:" + base, layer]) ?? ""
            XCTAssertTrue(summary.contains("Feature Count: \(exported.count)"), "\(layer): \(summary)")
            let copy = path("\(layer).geojson")
            _ = try gdal("ogr2ogr", ["-f", "GeoJSON", copy, "OAPIF:" + base, layer])
            let copied = json((try? String(contentsOfFile: copy, encoding: .utf8)) ?? "")["features"] as? [[String: Any]] ?? []
            XCTAssertEqual(copied.count, exported.count, layer)
            for (served, written) in zip(copied, exported) {
                let a = served["properties"] as? [String: Any] ?? [:], b = written["properties"] as? [String: Any] ?? [:]
                XCTAssertEqual(a["code"] as? String, b["code"] as? String, layer)
                for (name, value) in b where !(value is NSNull) {
                    XCTAssertEqual("\(a[name] ?? "missing")", "\(value)", "\(layer) \(b["code"] ?? "") \(name)")
                }
                XCTAssertEqual(coordinates(served["geometry"]).count, coordinates(written["geometry"]).count, layer)
                for (p, q) in zip(coordinates(served["geometry"]), coordinates(written["geometry"])) {
                    XCTAssertEqual(p, q, accuracy: 1e-7, "\(layer) \(b["code"] ?? "")")
                }
            }
        }
    }

    /// GDAL 3.12 (pyogrio's) in EPSG:4547 and 4490 within 1 mm of the
    /// registry's vertices, OWSLib's Features client with bbox, limit and
    /// datetime, and the ogctests Part 1 Core suite (Tools/crosscheck/oapif_clients.py).
    func testClientsNoOneHereWroteReadTheService() throws {
        let db = try sampleRegistry()
        try serve(db)
        let projected = path("projected.geojson"), lonLat = path("lonlat.geojson")
        XCTAssertEqual(try run(["export", "--db", db, "--projected", "--out", projected]).status, 0)
        XCTAssertEqual(try run(["export", "--db", db, "--out", lonLat]).status, 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tools/crosscheck/oapif_clients.py").path, base, projected, lonLat]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if said.contains("ModuleNotFoundError") || process.terminationStatus == 1 && said.isEmpty {
            if ProcessInfo.processInfo.environment["LANDREG_REQUIRE_CLIENTS"] == "1" { XCTFail("the clients are not installed: \(said)") }
            throw XCTSkip("pyogrio, OWSLib and ogctests are not installed")
        }
        XCTAssertEqual(process.terminationStatus, 0, said)
    }

    /// Thousands of random boxes over a generated county, half in CRS84 and
    /// half in EPSG:4490 (latitude first): each answer holds exactly the
    /// features shapely finds in the features as served, and numberMatched
    /// counts them. The boxes include every edge case a client sends: edges
    /// through vertices and along bounds, a hair inside or outside, tiny
    /// boxes inside a parcel, boxes beyond the county.
    func testRandomBoxesGiveWhatShapelyFinds() throws {
        let farmland = path("farmland.geojson"), db = path("county.sqlite")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", repositoryRoot.appendingPathComponent("Tools/gen/county.py").path,
                               "farmland", "1500", farmland, "--vertices", "9", "--seed", "5"]
        try generator.run()
        generator.waitUntilExit()
        XCTAssertEqual(generator.terminationStatus, 0)
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        XCTAssertEqual(try run(["import", "farmland", farmland, "--date", "2023-01-01", "--db", db]).status, 0)
        try serve(db)
        let boxes = try crosscheck("oapif_boxes.py", [base, "farmland", "2000", "22"])
        XCTAssertEqual(boxes.status, 0, boxes.said)
        XCTAssertTrue(boxes.said.contains("2000 boxes over 1500 features of farmland: 0 wrong"), boxes.said)
        // The sample's risk plots: multipolygons and holes.
        server?.terminate()
        server?.waitUntilExit()
        try serve(try sampleRegistry())
        let plots = try crosscheck("oapif_boxes.py", [base, "risk-plots", "400", "23"])
        XCTAssertEqual(plots.status, 0, plots.said)
    }

    /// `datetime` pages are `export --as-of` of that day, feature for
    /// feature, at any page size, after changes, deletions and a feature
    /// added later; a date before the registry holds nothing.
    func testDatetimePagesAreExportAsOf() throws {
        let db = path("dated.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        for layer in ["admin", "risk-plots", "farmland"] {
            let result = try run(["import", layer, Self.sample.appendingPathComponent("\(layer).geojson").path, "--date", "2023-01-01", "--db", db])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        for change in [["stage", "LC-RP-003", "investigating", "--date", "2024-03-01"],
                       ["delete", "risk-plots", "LC-RP-008", "--date", "2024-06-01", "--note", "merged into LC-RP-003"],
                       ["stage", "LC-RP-001", "remediating", "--date", "2024-09-01"]] {
            let result = try run(change + ["--db", db])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        try serve(db)
        for layer in ["risk-plots", "farmland"] {
            for day in ["2022-12-31", "2023-01-01", "2024-02-29", "2024-03-01", "2024-06-01", "2024-08-31", "2099-01-01"] {
                let exported = (json(try run(["export", layer, "--as-of", day, "--db", db]).stdout)["features"] as? [[String: Any]]) ?? []
                for limit in [1, 3, 1000] {
                    var path = "/collections/\(layer)/items?datetime=\(day)&limit=\(limit)"
                    var served: [[String: Any]] = []
                    for _ in 0..<200 {
                        let answer = try get(path)
                        XCTAssertEqual(answer.status, 200, "\(path): \(answer.body)")
                        let page = json(answer.body)
                        XCTAssertEqual(page["numberMatched"] as? Int, exported.count, path)
                        served += page["features"] as? [[String: Any]] ?? []
                        guard let next = (page["links"] as? [[String: Any]] ?? []).first(where: { $0["rel"] as? String == "next" })?["href"] as? String
                        else { break }
                        path = String(next.dropFirst(base.count))
                    }
                    XCTAssertEqual(served.count, exported.count, "\(layer) on \(day), pages of \(limit)")
                    for (a, b) in zip(served, exported) {
                        XCTAssertEqual(a["properties"] as? NSDictionary, b["properties"] as? NSDictionary, "\(layer) on \(day)")
                        XCTAssertEqual(coordinates(a["geometry"]), coordinates(b["geometry"]), "\(layer) on \(day)")
                        XCTAssertEqual(a["id"] as? String, (b["properties"] as? [String: Any])?["code"] as? String)
                    }
                    // One feature on that day, as the page gave it.
                    if let first = served.first, let code = first["id"] as? String {
                        let one = json(try get("/collections/\(layer)/items/\(code)?datetime=\(day)").body)
                        XCTAssertEqual(one["properties"] as? NSDictionary, first["properties"] as? NSDictionary)
                    }
                }
            }
        }
    }

    /// The check over HTTP (§12) is the CLI's: the same JSON byte for byte
    /// for the same proposals and options, recorded by the name given (and
    /// the file by the name the client knows), and refusals that record
    /// nothing.
    func testTheCheckOverHTTPIsTheCLIs() throws {
        let db = try sampleRegistry()
        try serve(db)
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        let geojson = ["Content-Type: application/geo+json"]
        for (query, flags) in [("record=false", [String]()), ("record=false&air_polluting=true&classification=2023", ["--air-polluting"]),
                               ("record=false&date=2024-01-05", ["--date", "2024-01-05"])] {
            let cli = try run(["check", proposals, "--db", db, "--format", "json", "--no-record", "--lang", "en"] + flags)
            XCTAssertEqual(cli.status, 0, cli.stderr)
            for path in ["/check", "/processes/pre-approval-check/execution"] {
                let answer = try get(path + "?" + query, geojson, method: "POST", body: proposals)
                XCTAssertEqual(answer.status, 200, answer.body)
                XCTAssertEqual(answer.headers["content-type"], "application/json")
                XCTAssertEqual(answer.body, cli.stdout, "\(path)?\(query)")
            }
        }
        // Random sets of the options, each as parameters and as the CLI's flags: the same JSON.
        var g = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        let seed = g.next()
        g = SeededGenerator(seed: seed)
        for round in 0..<12 {
            var query = ["record=false"], flags: [String] = []
            if let use = ["0701", "1001", "0901", nil].randomElement(using: &g)! { query.append("use=\(use)"); flags += ["--use", use] }
            if let action = (ProposalAction.allCases.map(Optional.some) + [nil]).randomElement(using: &g)! {
                query.append("action=\(action.rawValue)"); flags += ["--action", action.rawValue]
            }
            for (name, flag) in [("air_polluting", "air-polluting"), ("soil_polluting", "soil-polluting"), ("discharges", "discharges"),
                                 ("food_crops", "food-crops")] {
                switch Int.random(in: 0..<3, using: &g) {
                case 0: query.append("\(name)=true"); flags.append("--\(flag)")
                case 1: query.append("\(name)=false"); flags.append("--no-\(flag)")
                default: break
                }
            }
            let cli = try run(["check", proposals, "--db", db, "--format", "json", "--no-record", "--lang", "en"] + flags)
            XCTAssertEqual(cli.status, 0, cli.stderr)
            let answer = try get("/check?" + query.joined(separator: "&"), geojson, method: "POST", body: proposals)
            XCTAssertEqual(answer.body, cli.stdout, "seed \(seed), round \(round): \(query)")
        }
        XCTAssertFalse(try run(["checks", "--db", db]).stdout.contains("proposals.geojson"), "record=false recorded the check")
        // Recorded by the name given, the file by the client's name for it.
        let recorded = try get("/check?by=%E7%8E%8B%E7%A7%91%E5%91%98", geojson, method: "POST", body: proposals)
        XCTAssertEqual(recorded.status, 200, recorded.body)
        let checks = try run(["checks", "--db", db]).stdout
        XCTAssertTrue(checks.contains("王科员") && checks.contains("proposals.geojson") && !checks.contains("landreg-check-"), checks)
        let html = try get("/check?by=x&f=html", geojson, method: "POST", body: proposals)
        XCTAssertEqual(html.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(html.body.contains("<svg"), String(html.body.prefix(300)))
        // Refusals: nothing recorded.
        let broken = path("broken.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature""#.utf8).write(to: URL(fileURLWithPath: broken))
        let before = try run(["checks", "--db", db]).stdout
        for (path, headers, file, status, fragment) in [
            ("/check?record=false", geojson, broken, 422, "proposals.geojson"), ("/check", geojson, proposals, 400, "by"),
            ("/check?record=maybe", geojson, proposals, 400, "record"), ("/check?record=false&action=fly", geojson, proposals, 400, "action"),
            ("/check?record=false&colour=red", geojson, proposals, 400, "colour"), ("/check?record=false", ["Content-Type: text/plain"], proposals, 415, "GeoJSON"),
        ] {
            let answer = try get(path, headers, method: "POST", body: file)
            XCTAssertEqual(answer.status, status, "\(path): \(answer.body)")
            XCTAssertTrue((json(answer.body)["description"] as? String ?? "").contains(fragment), "\(path): \(answer.body)")
        }
        XCTAssertEqual(try get("/check").status, 405)
        XCTAssertEqual(try get("/check").headers["allow"], "POST")
        XCTAssertEqual(try run(["checks", "--db", db]).stdout, before)
    }

    /// A file uploaded as a form (`multipart/form-data`, field `file`, the
    /// options as fields) is checked as the CLI checks that file: a GBK
    /// land-approval TXT and the sample's GeoJSON give the CLI's JSON byte
    /// for byte; a file of no known type is a 422, a form without a file a
    /// 400; nothing recorded.
    func testTheCheckTakesFilesAsForms() throws {
        let db = try sampleRegistry()
        try serve(db)
        let utf8 = try approvalTXT(lon: 113.15, lat: 35.65, side: 40, use: "0701", declaredHa: "0.1600", words: "城镇住宅用地")
        let txt = try gbk(utf8, to: "地块.txt")
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        for (file, form, flags) in [(txt, ["action=supply", "record=false"], ["--action", "supply"]),
                                    (proposals, ["record=false", "food_crops=true"], ["--food-crops"])] {
            let cli = try run(["check", file, "--db", db, "--format", "json", "--no-record", "--lang", "en"] + flags)
            XCTAssertEqual(cli.status, 0, cli.stderr)
            let answer = try post(form: ["file=@" + file] + form)
            XCTAssertEqual(answer.status, 200, answer.body)
            XCTAssertEqual(answer.body, cli.stdout, file)
        }
        // f=html as a field (a browser's form) gives the HTML report.
        let page = try post(form: ["file=@" + txt, "action=supply", "record=false", "f=html"])
        XCTAssertTrue(page.body.lowercased().hasPrefix("<!doctype html>") && page.body.contains("<svg"), String(page.body.prefix(200)))
        let before = try run(["checks", "--db", db]).stdout
        let odd = path("plot.xyz")
        try Data("x".utf8).write(to: URL(fileURLWithPath: odd))
        let unknown = try post(form: ["file=@" + odd, "record=false"])
        XCTAssertEqual(unknown.status, 422, unknown.body)
        XCTAssertTrue(unknown.body.contains("plot.xyz") && !unknown.body.contains("landreg-check-"), unknown.body)
        let fileless = try post(form: ["record=false"])
        XCTAssertEqual(fileless.status, 400, fileless.body)
        XCTAssertTrue(fileless.body.contains("'file'"), fileless.body)
        XCTAssertEqual(try post(form: ["file=@" + txt, "record=false", "colour=red"]).status, 400)
        XCTAssertEqual(try run(["checks", "--db", db]).stdout, before)
    }

    /// Every number of a geometry's coordinates, in order.
    private func coordinates(_ geometry: Any?) -> [Double] {
        func flatten(_ value: Any?) -> [Double] {
            if let number = value as? NSNumber { return [number.doubleValue] }
            if let array = value as? [Any] { return array.flatMap(flatten) }
            return []
        }
        return flatten((geometry as? [String: Any])?["coordinates"])
    }

    func testPagesCRSsAndRefusals() throws {
        let db = try sampleRegistry()
        try serve(db)
        let total = (json(try run(["export", "farmland", "--db", db]).stdout)["features"] as? [Any])?.count ?? 0
        // Keyset pages: every feature once, numberMatched exact on each.
        var path = "/collections/farmland/items?limit=7"
        var codes: [String] = []
        for _ in 0..<1000 {
            let answer = try get(path)
            XCTAssertEqual(answer.status, 200, answer.body)
            XCTAssertEqual(answer.headers["content-type"], "application/geo+json")
            let page = json(answer.body)
            XCTAssertEqual(page["numberMatched"] as? Int, total)
            codes += (page["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            guard let next = (page["links"] as? [[String: Any]] ?? []).first(where: { $0["rel"] as? String == "next" })?["href"] as? String
            else { break }
            path = String(next.dropFirst(base.count))
        }
        XCTAssertEqual(codes.count, total)
        XCTAssertEqual(Set(codes).count, total)
        // EPSG:4547 is northing, easting; EPSG:4490 latitude, longitude; CRS84 longitude, latitude.
        let code = codes[0]
        func first(_ crs: String?) throws -> [Double] {
            let answer = try get("/collections/farmland/items/\(code)" + (crs.map { "?crs=" + $0 } ?? ""))
            XCTAssertEqual(answer.status, 200, answer.body)
            if let crs { XCTAssertEqual(answer.headers["content-crs"], "<\(crs)>") }
            return Array(coordinates(json(answer.body)["geometry"]).prefix(2))
        }
        let lonLat = try first(nil), latLon = try first("http://www.opengis.net/def/crs/EPSG/0/4490")
        let northEast = try first("http://www.opengis.net/def/crs/EPSG/0/4547")
        XCTAssertEqual(lonLat, [latLon[1], latLon[0]])
        XCTAssertTrue((113...114).contains(lonLat[0]) && (35...36).contains(lonLat[1]), "\(lonLat)")
        XCTAssertTrue(northEast[0] > 3_900_000 && northEast[1] < 600_000, "\(northEast)")
        // Refusals: 4xx, JSON, naming what is wrong; the server answers the next request.
        for (query, status, fragment) in [
            ("/collections/farmland/items?limit=1000000000", 400, "limit"), ("/collections/farmland/items?bbox=1,2,3", 400, "bbox"),
            ("/collections/farmland/items?bbox=1,2,3,4,5", 400, "bbox"), ("/collections/farmland/items?bbox=113,200,114,201", 400, "latitude"),
            ("/collections/farmland/items?crs=EPSG:3857", 400, "crs"), ("/collections/farmland/items?datetime=yesterday", 400, "datetime"),
            ("/collections/farmland/items?class=strick", 400, "did you mean 'strict'"), ("/collections/farmland/items?clas=strict", 400, "clas"),
            ("/collections/farmland/items?limit=%FF", 400, "limit"), ("/collections/farmland/items?limit=1&limit=2", 400, "twice"),
            ("/collections/nosuch/items", 404, "nosuch"), ("/collections/farmland/items/NO-SUCH", 404, "NO-SUCH"),
            ("/collections/farmland?f=xml", 406, "xml"), ("/nowhere", 404, "no such path"),
        ] {
            let answer = try get(query)
            XCTAssertEqual(answer.status, status, "\(query): \(answer.body)")
            XCTAssertEqual(answer.headers["content-type"], "application/json", query)
            XCTAssertTrue((json(answer.body)["description"] as? String ?? "").contains(fragment), "\(query): \(answer.body)")
        }
        // A feature removed by the CLI while the server runs is gone from the next page and its count.
        XCTAssertEqual(try run(["delete", "farmland", codes[1], "--date", "2024-05-01", "--db", db]).status, 0)
        let after = json(try get("/collections/farmland/items?limit=7").body)
        XCTAssertEqual(after["numberMatched"] as? Int, total - 1)
        XCTAssertFalse((after["features"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == codes[1] })
        // A change made by the CLI while the server runs is served at once; the history and the past stay.
        XCTAssertEqual(try run(["stage", "LC-RP-003", "investigating", "--date", "2024-05-01", "--db", db]).status, 0)
        let now = json(try get("/collections/risk-plots/items/LC-RP-003").body)
        XCTAssertEqual((now["properties"] as? [String: Any])?["stage"] as? String, "investigating")
        let then = json(try get("/collections/risk-plots/items/LC-RP-003?datetime=2024-04-30").body)
        XCTAssertEqual((then["properties"] as? [String: Any])?["stage"] as? String, "suspected")
        XCTAssertEqual(try get("/collections/risk-plots/items/LC-RP-003?datetime=1990-01-01").status, 404)
        let versions = json(try get("/collections/risk-plots/items/LC-RP-003/versions").body)["versions"] as? [[String: Any]] ?? []
        XCTAssertEqual(versions.count, 2)
        XCTAssertEqual(versions.last?["validFrom"] as? String, "2024-05-01")
        XCTAssertEqual(versions.first?["validUntil"] as? String, "2024-05-01")
        XCTAssertEqual((versions.last?["changes"] as? [String: Any])?["stage"] as? [String], ["suspected", "investigating"])
        let page = try get("/collections/risk-plots/items/LC-RP-003/versions?f=html", ["Accept-Language: zh-CN"])
        XCTAssertTrue(page.body.contains("疑似 → 调查中"), page.body)
        // A box in EPSG:4490 is latitude first, as EPSG orders its axes: the same box, the same features.
        let crs84 = json(try get("/collections/farmland/items?bbox=113.1,35.6,113.2,35.8&limit=1000").body)
        let epsg4490 = json(try get("/collections/farmland/items?bbox=35.6,113.1,35.8,113.2&limit=1000"
            + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490").body)
        XCTAssertGreaterThan(crs84["numberMatched"] as? Int ?? 0, 0)
        XCTAssertEqual((crs84["features"] as? [[String: Any]])?.compactMap { $0["id"] as? String },
                       (epsg4490["features"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        // A box with heights is the box without them.
        XCTAssertEqual(json(try get("/collections/farmland/items?bbox=113.1,35.6,-10,113.2,35.8,99").body)["numberMatched"] as? Int,
                       json(try get("/collections/farmland/items?bbox=113.1,35.6,113.2,35.8").body)["numberMatched"] as? Int)
        // Requests no polite client sends (a 1 MB query string, percent-encoding tricks, a NUL
        // in a number, a client that never reads): a 400 naming what is wrong or the connection
        // closed, and the next request answered at once.
        let abuse = try crosscheck("oapif_abuse.py", [base, "farmland"])
        XCTAssertEqual(abuse.status, 0, abuse.said)
        XCTAssertEqual(try get("/conformance").status, 200)
        XCTAssertEqual(try get("/collections", method: "POST").status, 405)
        XCTAssertEqual(try get("/collections", method: "HEAD").status, 200)
        // A page a person reads: a table and a map drawn by Leaflet, which the server serves itself.
        let html = try get("/collections/farmland/items", ["Accept: text/html"]).body
        XCTAssertTrue(html.contains("<table>") && html.contains("L.geoJSON") && html.contains("/static/leaflet/leaflet.js"), html)
        let leaflet = try get("/static/leaflet/leaflet.js")
        XCTAssertEqual(leaflet.status, 200)
        XCTAssertEqual(leaflet.headers["content-type"], "text/javascript")
        XCTAssertEqual(try get("/static/leaflet/..%2F..%2F..%2Fetc%2Fpasswd").status, 404)
        // A graceful stop: SIGTERM ends the server with status 0.
        server?.terminate()
        server?.waitUntilExit()
        XCTAssertEqual(server?.terminationStatus, 0)
    }
}
