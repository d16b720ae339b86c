import Foundation
import XCTest
import LandRegistry
import TestSupport

/// The other writing commands over HTTP (contract §13) against the CLI: a
/// random sequence of permits, stage moves, class changes, discharge
/// limits, remedies, monitoring imports, settings and account changes is
/// sent to a running server (an admin's token) and, the same, run by the
/// CLI on a twin registry (`--by` the admin). Each is accepted by both or
/// refused by both, a refusal with the CLI's words; afterwards every row of
/// the two registries is the same (times of writing masked, hashes left
/// out). Then who may do which, and that a refusal changes nothing.
final class WorkServeTests: ServerTestCase {
    let password = "correct horse battery"
    let admin = "admin-u"

    /// The sample registry with the sample's proposals checked (so that they may have permits) and an admin's token.
    func workRegistry() throws -> (String, String) {
        let db = try monitoredRegistry()
        XCTAssertEqual(try run(["user", "add", admin, "--role", "admin", "--by", admin, "--db", db], input: password + "\n").status, 0)
        let checked = try run(["check", Self.sample.appendingPathComponent("proposals.geojson").path, "--by", admin, "--date", "2023-01-05", "--db", db])
        XCTAssertNotEqual(checked.status, 1, checked.stderr)
        let token = try run(["user", "token", admin, "--label", "twin-test", "--by", admin, "--db", db])
        XCTAssertEqual(token.status, 0, token.stderr)
        return (db, token.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// One command both ways: the HTTP request (method, path, JSON fields) and the CLI's arguments.
    struct Step {
        var method: String
        var path: String
        var fields: [String: Any]
        var cli: [String]
        var input: String? = nil
        var file: String? = nil
        /// The CLI's arguments after every option (`-- -3`).
        var cliTail: [String] = []
    }

    func testEveryWriteOverHTTPIsTheCLIs() throws {
        let (db, token) = try workRegistry()
        let twin = path("twin.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: twin)
        try serve(db)
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        func maybe(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        let dates = ["2022-12-31", "2023-01-05", "2023-03-01", "2023-06-30", "2024-02-29", "2024-13-01"]
        let plots = (1...10).map { String(format: "LC-RP-%03d", $0) } + ["LC-RP-404"]
        let parcels = (1...6).map { String(format: "FL-%04d", $0) } + ["FL-9999"]
        let outfalls = ["140524-WS-001", "140524-GY-001", "140524-NY-001", "140524-QT-001", "NO-SUCH-OUTFALL"]
        let names = ["wang", "li", "陈静"]
        var monitoringFiles = 0
        var accepted = 0, refused = 0
        for step in 0..<70 {
            let why = "seed \(seed) step \(step)"
            let by = ["--by", admin]
            var command: Step
            switch rng.next() % 9 {
            case 0:
                let (proposal, kind, date) = (pick((1...16).map { String(format: "P-%03d", $0) }), pick(["supply", "use_change", "planning_permit", "reclamation"]), pick(dates))
                let note = maybe(50) ? "县政府常务会议纪要 \(step)" : nil
                command = Step(method: "POST", path: "/permits", fields: with(["proposal": proposal, "kind": kind, "date": date], "note", note),
                               cli: ["permit", proposal, "--kind", kind, "--date", date] + (note.map { ["--note", $0] } ?? []))
            case 1:
                let (code, stage, date) = (pick(plots), pick(Stage.allCases).rawValue, pick(dates))
                let note = maybe(50) ? "复查发现新的污染迹象" : nil
                command = Step(method: "POST", path: "/collections/risk-plots/items/\(code)/stage", fields: with(["stage": stage, "date": date, "doc": "晋环函〔2023〕\(step)号"], "note", note),
                               cli: ["stage", code, stage, "--date", date, "--doc", "晋环函〔2023〕\(step)号"] + (note.map { ["--note", $0] } ?? []))
            case 2:
                let (code, farmlandClass, date) = (pick(parcels), pick(FarmlandClass.allCases).rawValue, pick(dates))
                command = Step(method: "POST", path: "/collections/farmland/reclass", fields: ["code": code, "class": farmlandClass, "date": date, "basis": "2023年详查"],
                               cli: ["reclass", code, farmlandClass, "--date", date, "--basis", "2023年详查"])
            case 3:
                let subject = pick(outfalls + ["industrial", "sewage_plant", "mine"])
                let parameter = pick(["cod", "nh3n", "tp", "ph", "flow", "so2"])
                if maybe(25) {
                    command = Step(method: "DELETE", path: "/monitoring/limits/\(subject)/\(parameter)", fields: [:],
                                   cli: ["monitor", "limit", subject, parameter, "--remove"])
                } else {
                    let limit = pick(["50", "6-9", ">=5", "0.5", "plenty", "6-20"])
                    command = Step(method: "PUT", path: "/monitoring/limits/\(subject)/\(parameter)", fields: ["limit": limit, "note": "排污许可证"],
                                   cli: ["monitor", "limit", subject, parameter, limit, "--note", "排污许可证"])
                }
            case 4:
                let (outfall, date) = (pick(outfalls), pick(dates))
                if maybe(40) {
                    command = Step(method: "POST", path: "/outfalls/\(outfall)/remedies", fields: ["done": true, "date": date],
                                   cli: ["remedy", outfall, "--done", "--date", date])
                } else {
                    let (measure, deadline) = (pick(["ban", "merge", "regularize", "other"]), pick(dates))
                    command = Step(method: "POST", path: "/outfalls/\(outfall)/remedies",
                                   fields: ["measure": measure, "responsible": "杨村镇人民政府", "deadline": deadline, "date": date],
                                   cli: ["remedy", outfall, "--measure", measure, "--responsible", "杨村镇人民政府", "--deadline", deadline, "--date", date])
                }
            case 5:
                let (name, value) = (pick(["soil_buffer_m", "overlap_min_m2", "public_layers", "no_such_setting"]), pick(["150", "-3", "risk-plots,water-zones", "x"]))
                command = Step(method: "PUT", path: "/settings/\(name)", fields: ["value": value], cli: ["settings", "set"], cliTail: ["--", name, value])
            case 6:
                // A monitoring CSV: values of a section or an outfall, sometimes a site that is none.
                monitoringFiles += 1
                let site = pick(["LC-SEC-01", "140524-WS-001", "LC-SEC-09"])
                let month = 1 + rng.next() % 12
                let csv = "点位,日期,指标,浓度,单位\n" + (1...3).map { day in
                    "\(site),2023-\(String(format: "%02d", month))-\(String(format: "%02d", day * 7)),氨氮,\(Double(rng.next() % 300) / 100),mg/L"
                }.joined(separator: "\n") + "\n"
                let file = path("monitoring-\(monitoringFiles).csv")
                try csv.write(toFile: file, atomically: true, encoding: .utf8)
                let mode = pick(["insert", "upsert"])
                command = Step(method: "POST", path: "/monitoring/import?mode=\(mode)", fields: [:], cli: ["monitor", "import", file, "--mode", mode], file: file)
            default:
                let name = pick(names)
                switch rng.next() % 5 {
                case 0:
                    let role = pick(Role.allCases).rawValue
                    command = Step(method: "POST", path: "/accounts", fields: ["name": name, "role": role, "password": password],
                                   cli: ["user", "add", name, "--role", role], input: password + "\n")
                case 1:
                    let role = pick(Role.allCases).rawValue
                    command = Step(method: "PATCH", path: "/accounts/\(name)", fields: ["role": role], cli: ["user", "role", name, role])
                case 2:
                    command = Step(method: "PATCH", path: "/accounts/\(name)", fields: ["disabled": true], cli: ["user", "disable", name])
                case 3:
                    command = Step(method: "POST", path: "/accounts/\(name)/tokens", fields: ["label": "qgis"], cli: ["user", "token", name, "--label", "qgis"])
                default:
                    command = Step(method: "DELETE", path: "/accounts/\(name)/tokens/qgis", fields: [:], cli: ["user", "revoke", name, "qgis"])
                }
            }
            let answer = try send(command, token: token)
            let cli = try run(command.cli + by + ["--db", twin, "--lang", "en"] + command.cliTail, input: command.input)
            let said = "\(why): \(command.method) \(command.path) \(command.fields) → \(answer.status) \(answer.body) / CLI \(cli.status) \(cli.stderr)"
            XCTAssertEqual((200..<300).contains(answer.status), cli.status == 0, said)
            if cli.status == 0 { accepted += 1; continue }
            refused += 1
            XCTAssertTrue([400, 404, 422].contains(answer.status), said)
            // The refusal in the CLI's words (the CLI names its file by its path, the service by the upload's name;
            // a value by its option, --kind, the service by what it is, permit kind).
            let message = cli.stderr.replacingOccurrences(of: "landreg: error: ", with: "").replacingOccurrences(of: directory.path + "/", with: "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let description = (json(answer.body)["description"] as? String) ?? ""
            // Without the CLI's advice (its options), and without the label of a value (the service says which field).
            var core = message
            if let hint = core.range(of: #" \([^()]*--[^()]*\)$"#, options: .regularExpression) { core.removeSubrange(hint) }
            let unlabelled = core.split(separator: ": ", maxSplits: 1).last.map(String.init) ?? core
            if answer.status != 404 {
                XCTAssertTrue(description.contains(core) || (description.hasPrefix("parameter '") && description.contains(unlabelled)),
                              "\(said)\n  HTTP: \(description)\n  CLI:  \(message)")
            }
        }
        XCTAssertGreaterThan(accepted, 10, "seed \(seed): too few commands accepted to compare")
        XCTAssertGreaterThan(refused, 10, "seed \(seed): too few commands refused to compare")
        // The same registry, row by row (monitor_imports names the CLI's path and the upload's name).
        let rows = try crosscheck("registry_rows.py", [db, "monitor_imports.file"])
        let twinRows = try crosscheck("registry_rows.py", [twin, "monitor_imports.file"])
        XCTAssertEqual(rows.status, 0, rows.said)
        XCTAssertGreaterThan(rows.said.count, 10_000)
        if rows.said != twinRows.said {
            let a = rows.said.components(separatedBy: "\n"), b = twinRows.said.components(separatedBy: "\n")
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            XCTFail("seed \(seed): the registry written over HTTP differs from the CLI's at line \(first?.offset ?? min(a.count, b.count)):\n"
                    + "HTTP: \(first?.element.0 ?? "")\nCLI:  \(first?.element.1 ?? "")")
        }
    }

    /// Who may do which (contract §13): each write refused without credentials (401), below its role (403),
    /// from a page's session without its CSRF token (403), by a revoked token — and nothing changes; then done
    /// by its role. Accounts over HTTP: an admin's alone, never the last admin away, never a hash shown;
    /// an account's own password, slowed after wrong ones.
    func testWhoMayDoWhichAndARefusalChangesNothing() throws {
        let (db, adminToken) = try workRegistry()
        var tokens: [Role: String] = [.admin: adminToken]
        for role in [Role.viewer, .clerk, .editor] {
            XCTAssertEqual(try run(["user", "add", "u-\(role.rawValue)", "--role", role.rawValue, "--db", db], input: password + "\n").status, 0)
            tokens[role] = try run(["user", "token", "u-\(role.rawValue)", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        XCTAssertEqual(try run(["user", "add", "u-revoked", "--role", "admin", "--db", db], input: password + "\n").status, 0)
        let revoked = try run(["user", "token", "u-revoked", "--label", "old", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try run(["user", "revoke", "u-revoked", "old", "--db", db]).status, 0)
        try serve(db)
        let signIn = try get("/login", ["Content-Type: application/x-www-form-urlencoded"], method: "POST",
                             data: "name=\(admin)&password=" + password.replacingOccurrences(of: " ", with: "+"))
        let session = "Cookie: " + (signIn.headers["set-cookie"]?.split(separator: ";").first.map(String.init) ?? "")
        let writes: [(Role, Step)] = [
            (.clerk, Step(method: "POST", path: "/permits", fields: ["proposal": "P-014", "kind": "supply", "date": "2023-02-01"], cli: [])),
            (.editor, Step(method: "POST", path: "/collections/risk-plots/items/LC-RP-004/stage", fields: ["stage": "contaminated", "date": "2023-05-01"], cli: [])),
            (.editor, Step(method: "POST", path: "/collections/farmland/reclass", fields: ["code": "FL-0001", "class": "strict", "date": "2023-05-01"], cli: [])),
            (.editor, Step(method: "PUT", path: "/monitoring/limits/industrial/cod", fields: ["limit": "60"], cli: [])),
            (.editor, Step(method: "POST", path: "/outfalls/140524-GY-001/remedies",
                           fields: ["measure": "regularize", "responsible": "县生态环境局", "deadline": "2023-12-31", "date": "2023-05-01"], cli: [])),
            (.editor, Step(method: "DELETE", path: "/monitoring/limits/industrial/cod", fields: [:], cli: [])),
            (.admin, Step(method: "PUT", path: "/settings/river_distance_m", fields: ["value": "600"], cli: [])),
            (.admin, Step(method: "POST", path: "/accounts", fields: ["name": "zhao", "role": "clerk", "password": password], cli: [])),
            (.admin, Step(method: "PATCH", path: "/accounts/u-viewer", fields: ["role": "clerk"], cli: [])),
            (.admin, Step(method: "POST", path: "/accounts/u-clerk/tokens", fields: ["label": "qgis"], cli: [])),
            (.admin, Step(method: "DELETE", path: "/accounts/u-clerk/tokens/qgis", fields: [:], cli: [])),
        ]
        let before = try crosscheck("registry_rows.py", [db]).said
        for (role, write) in writes {
            let why = "\(write.method) \(write.path)"
            XCTAssertEqual(try send(write, token: nil).status, 401, why)
            XCTAssertEqual(try send(write, token: revoked).status, 401, why)
            for lower in Role.allCases where lower < role { XCTAssertEqual(try send(write, token: tokens[lower]!).status, 403, "\(why) as \(lower)") }
            XCTAssertEqual(try send(write, token: nil, headers: [session]).status, 403, "\(why) from a page without its CSRF token")
        }
        XCTAssertEqual(try get("/accounts", ["Authorization: Bearer " + tokens[.editor]!]).status, 403)
        XCTAssertEqual(try crosscheck("registry_rows.py", [db]).said, before, "a refused request changed the registry")
        for (role, write) in writes {
            let answer = try send(write, token: tokens[role]!)
            XCTAssertTrue((200..<300).contains(answer.status), "\(write.method) \(write.path) as \(role): \(answer.status) \(answer.body)")
        }
        // Recorded by the account that did it.
        XCTAssertTrue(try run(["history", "risk-plots", "LC-RP-004", "--db", db]).stdout.contains("u-editor"))
        XCTAssertTrue(try run(["remedy", "140524-GY-001", "--db", db]).stdout.contains("u-editor"))
        // Accounts: never a hash; the last admin that may sign in stays one.
        let accounts = try get("/accounts", ["Authorization: Bearer " + adminToken])
        XCTAssertEqual(accounts.status, 200)
        XCTAssertFalse(accounts.body.contains("$2b$") || accounts.body.contains("hash"), accounts.body)
        XCTAssertEqual((json(accounts.body)["accounts"] as? [[String: Any]])?.compactMap { $0["name"] as? String },
                       [admin, "u-clerk", "u-editor", "u-revoked", "u-viewer", "zhao"])
        XCTAssertEqual(try send(Step(method: "PATCH", path: "/accounts/u-revoked", fields: ["disabled": true], cli: []), token: adminToken).status, 200)
        let last = try send(Step(method: "PATCH", path: "/accounts/\(admin)", fields: ["role": "editor"], cli: []), token: adminToken)
        XCTAssertEqual(last.status, 400, last.body)
        XCTAssertTrue(last.body.contains("last admin"), last.body)
        XCTAssertEqual(try send(Step(method: "PATCH", path: "/accounts/nobody", fields: ["role": "editor"], cli: []), token: adminToken).status, 404)
        let made = try send(Step(method: "POST", path: "/accounts/zhao/tokens", fields: [:], cli: []), token: adminToken)
        XCTAssertEqual(made.status, 201, made.body)
        let zhao = json(made.body)["token"] as? String ?? ""
        XCTAssertEqual(json(made.body)["label"] as? String, "token-1")
        XCTAssertEqual(try send(writes[0].1, token: zhao).status, 422, "a second permit of the same kind")
        // One's own password: the current one first; wrong ones slowed as sign-ins are.
        let change = { (current: String, new: String) in
            try self.send(Step(method: "POST", path: "/account/password", fields: ["password": current, "new_password": new], cli: []), token: zhao)
        }
        XCTAssertEqual(try change(password, "zhao's new password").status, 204)
        XCTAssertEqual(try run(["user", "list", "--db", db]).status, 0)
        let signedIn = try get("/login", ["Content-Type: application/x-www-form-urlencoded"], method: "POST", data: "name=zhao&password=zhao%27s+new+password")
        XCTAssertEqual(signedIn.status, 200, signedIn.body)
        for attempt in 1...6 {
            XCTAssertEqual(try change("wrong-\(attempt)-password", "another password").status, attempt <= 5 ? 403 : 429, "attempt \(attempt)")
        }
    }

    /// Without accounts, whoever is at the machine edits (by naming themselves), but manages no account over HTTP.
    func testWithoutAccountsNoAccountIsManagedOverHTTP() throws {
        let db = try sampleRegistry()
        try serve(db)
        let add = try send(Step(method: "POST", path: "/accounts", fields: ["name": "intruder", "role": "admin", "password": password], cli: []), token: nil)
        XCTAssertEqual(add.status, 403, add.body)
        XCTAssertTrue(add.body.contains("landreg user add"), add.body)
        XCTAssertEqual(try get("/accounts").status, 403)
        XCTAssertEqual(try run(["user", "list", "--db", db]).stdout.contains("intruder"), false)
        let limit = try send(Step(method: "PUT", path: "/monitoring/limits/sewage_plant/tp", fields: ["limit": "0.3", "by": "王工"], cli: []), token: nil)
        XCTAssertEqual(limit.status, 200, limit.body)
        XCTAssertTrue(try run(["monitor", "limits", "--db", db]).stdout.contains("王工"))
    }

    func with(_ fields: [String: Any], _ name: String, _ value: String?) -> [String: Any] {
        var fields = fields
        if let value { fields[name] = value }
        return fields
    }

    /// A step over HTTP: JSON fields, or the monitoring file as a form.
    func send(_ step: Step, token: String?, headers: [String] = []) throws -> Answer {
        let auth = (token.map { ["Authorization: Bearer " + $0] } ?? []) + headers
        if let file = step.file {
            return try post(form: ["file=@" + file], headers: auth, to: step.path)
        }
        let fields = step.fields
        let body = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        return try get(step.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!, auth + ["Content-Type: application/json"],
                       method: step.method, data: fields.isEmpty ? nil : body)
    }
}
