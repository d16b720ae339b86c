import Foundation
import XCTest
import LandRegistry

/// Accounts over HTTP (contract §13) against a real server: who may read
/// and check with a token, a session or nothing; a revoke, a disabled
/// account or a forged credential refused at the next request, also when the
/// CLI did it while the server runs; sign-ins slowed after failures; nothing
/// recorded by a refused request.
final class AccountServeTests: ServerTestCase {
    let password = "correct horse battery"

    /// The sample registry with an account of every role, and each one's token.
    func accountsRegistry() throws -> (String, [Role: String]) {
        let db = try sampleRegistry()
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            let added = try run(["user", "add", "u-\(role.rawValue)", "--role", role.rawValue, "--db", db], input: password + "\n")
            XCTAssertEqual(added.status, 0, added.stderr)
            let token = try run(["user", "token", "u-\(role.rawValue)", "--label", "script", "--db", db])
            XCTAssertEqual(token.status, 0, token.stderr)
            tokens[role] = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (db, tokens)
    }

    func bearer(_ token: String) -> String { "Authorization: Bearer " + token }

    func testRolesDecideWhatEachMayDo() throws {
        let (db, tokens) = try accountsRegistry()
        try serve(db)
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        // Anyone: the landing page, conformance, the API; no layer until one is public.
        for open in ["/", "/conformance", "/api", "/app"] { XCTAssertEqual(try get(open).status, 200, open) }
        XCTAssertEqual((json(try get("/collections").body)["collections"] as? [Any])?.count, 0)
        let refused = try get("/collections/risk-plots/items")
        XCTAssertEqual(refused.status, 401, refused.body)
        XCTAssertTrue(refused.headers["www-authenticate"]?.hasPrefix("Bearer") == true, "\(refused.headers)")
        XCTAssertEqual(try get("/reports/air?year=2023").status, 401)
        XCTAssertEqual(try post(form: ["file=@" + proposals, "record=false"]).status, 401)
        // A public layer is anyone's to read; the others are not.
        XCTAssertEqual(try run(["settings", "set", "public_layers", "risk-plots,water-zones", "--db", db]).status, 0)
        XCTAssertEqual(try get("/collections/risk-plots/items").status, 200)
        XCTAssertEqual(try get("/collections/farmland/items").status, 401)
        XCTAssertEqual((json(try get("/collections").body)["collections"] as? [[String: Any]])?.compactMap { $0["id"] as? String },
                       ["risk-plots", "water-zones"])
        // A viewer reads everything and checks nothing; a clerk checks, recorded by the account.
        XCTAssertEqual(try get("/collections/farmland/items", [bearer(tokens[.viewer]!)]).status, 200)
        XCTAssertEqual(try get("/reports/air?year=2023", [bearer(tokens[.viewer]!)]).status, 200)
        let before = try run(["checks", "--db", db]).stdout
        XCTAssertEqual(try post(form: ["file=@" + proposals], headers: [bearer(tokens[.viewer]!)]).status, 403)
        XCTAssertEqual(try post(form: ["file=@" + proposals, "by=someone-else"], headers: [bearer(tokens[.clerk]!)]).status, 400)
        XCTAssertEqual(try run(["checks", "--db", db]).stdout, before, "a refused check was recorded")
        let checked = try post(form: ["file=@" + proposals], headers: [bearer(tokens[.clerk]!)])
        XCTAssertEqual(checked.status, 200, checked.body)
        XCTAssertTrue(try run(["checks", "--db", db]).stdout.contains("u-clerk"), "the check is not recorded by the account")
        XCTAssertEqual(try post(form: ["file=@" + proposals, "record=false"], headers: [bearer(tokens[.admin]!)]).status, 200)
        // Forged, malformed, revoked, disabled: refused at the next request, the CLI's doing seen at once.
        let forged = String(tokens[.viewer]!.dropLast(4)) + "0000"
        for wrong in [forged, "lr1_1_" + String(repeating: "a", count: 64), "nonsense", tokens[.viewer]! + "x"] {
            XCTAssertEqual(try get("/collections/farmland/items", [bearer(wrong)]).status, 401, wrong)
        }
        XCTAssertEqual(try get("/collections/farmland/items", ["Authorization: Basic dTpw"]).status, 401)
        XCTAssertEqual(try run(["user", "revoke", "u-viewer", "script", "--db", db]).status, 0)
        XCTAssertEqual(try get("/collections/farmland/items", [bearer(tokens[.viewer]!)]).status, 401, "a revoked token still reads")
        XCTAssertEqual(try get("/collections/farmland/items", [bearer(tokens[.editor]!)]).status, 200)
        XCTAssertEqual(try run(["user", "disable", "u-editor", "--db", db]).status, 0)
        XCTAssertEqual(try get("/collections/farmland/items", [bearer(tokens[.editor]!)]).status, 401, "a disabled account still reads")
        XCTAssertEqual(try run(["user", "role", "u-clerk", "viewer", "--db", db]).status, 0)
        XCTAssertEqual(try post(form: ["file=@" + proposals, "record=false"], headers: [bearer(tokens[.clerk]!)]).status, 403,
                       "a lowered role still checks")
    }

    /// The page's session: a cookie (HttpOnly, SameSite=Strict) and a CSRF token on every form that changes something.
    func testSignInSessionsAndSlowedFailures() throws {
        let (db, _) = try accountsRegistry()
        try serve(db)
        let proposals = Self.sample.appendingPathComponent("proposals.geojson").path
        let signIn = try get("/login", ["Content-Type: application/x-www-form-urlencoded"], method: "POST",
                             data: "name=u-clerk&password=" + password.replacingOccurrences(of: " ", with: "+"))
        XCTAssertEqual(signIn.status, 200, signIn.body)
        let cookie = signIn.headers["set-cookie"] ?? ""
        XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age="), cookie)
        let session = "Cookie: " + (cookie.split(separator: ";").first.map(String.init) ?? "")
        let csrf = json(signIn.body)["csrf"] as? String ?? ""
        XCTAssertTrue(try get("/app", [session]).body.contains("\"name\":\"u-clerk\""))
        XCTAssertEqual(try get("/collections/farmland/items", [session]).status, 200)
        XCTAssertEqual(try post(form: ["file=@" + proposals, "record=false"], headers: [session], to: "/app/check").status, 403, "no CSRF token")
        XCTAssertEqual(try post(form: ["file=@" + proposals, "record=false"], headers: [session, "X-CSRF-Token: " + String(repeating: "0", count: 64)],
                                to: "/app/check").status, 403)
        XCTAssertEqual(try post(form: ["file=@" + proposals, "record=false"], headers: [session, "X-CSRF-Token: " + csrf], to: "/app/check").status, 200)
        XCTAssertEqual(try get("/collections/farmland/items", ["Cookie: landreg_session=" + String(repeating: "ab", count: 32)]).status, 401)
        XCTAssertEqual(try get("/logout", [session, "X-CSRF-Token: " + csrf], method: "POST").status, 200)
        XCTAssertEqual(try get("/collections/farmland/items", [session]).status, 401, "the session outlived its sign-out")
        // Failed sign-ins: five free, then each waits (429 with Retry-After), even with the right password.
        for attempt in 1...7 {
            let answer = try get("/login", ["Content-Type: application/x-www-form-urlencoded"], method: "POST", data: "name=u-admin&password=wrong-\(attempt)")
            XCTAssertEqual(answer.status, attempt <= 5 ? 401 : 429, "attempt \(attempt): \(answer.body)")
        }
        let locked = try get("/login", ["Content-Type: application/x-www-form-urlencoded"], method: "POST",
                             data: "name=u-admin&password=" + password.replacingOccurrences(of: " ", with: "+"))
        XCTAssertEqual(locked.status, 429, locked.body)
        XCTAssertNotNil(locked.headers["retry-after"])
        XCTAssertEqual(try get("/login", ["Content-Type: application/json"], method: "POST", data: "{}").status, 415)
    }

    func testTheCLIKeepsNoPasswordAndRefusesBadAccounts() throws {
        let (db, tokens) = try accountsRegistry()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        for secret in [password, String(tokens[.viewer]!.split(separator: "_")[2])] {
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "the registry holds a password or token in clear")
        }
        let list = try run(["user", "list", "--db", db])
        XCTAssertTrue(list.stdout.contains("u-admin") && list.stdout.contains("script"), list.stdout)
        for (arguments, input, fragment) in [(["user", "add", "u-admin", "--role", "viewer"], password, "already an account"),
                                             (["user", "add", "new one", "--role", "viewer"], password, "without spaces"),
                                             (["user", "add", "short", "--role", "viewer"], "short", "at least 10 characters"),
                                             (["user", "role", "nobody", "admin"], "", "no account of that name"),
                                             (["user", "revoke", "u-admin", "nothing"], "", "no live token"),
                                             (["user", "add", "x", "--role", "boss"], password, "boss")] {
            let result = try run(arguments + ["--db", db, "--lang", "en"], input: input + "\n")
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(fragment), "\(arguments): \(result.stderr)")
        }
        // Not on a non-loopback address until an admin can sign in.
        let empty = path("empty.sqlite")
        XCTAssertEqual(try run(["init", "--db", empty]).status, 0)
        let refused = try run(["serve", "--db", empty, "--host", "0.0.0.0", "--port", "0", "--lang", "en"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("no admin account"), refused.stderr)
    }
}
