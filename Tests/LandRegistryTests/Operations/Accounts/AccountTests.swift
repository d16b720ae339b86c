import Foundation
import XCTest
@testable import LandRegistry
import TestSupport

/// Accounts against a model of them: random sequences of adds, role
/// changes, new passwords, disables, new and revoked tokens, sign-ins with
/// right and wrong passwords and tokens (live, revoked, forged); after each
/// step the registry's accounts are the model's and every credential is
/// honoured exactly when the model says it should be.
final class AccountTests: RegistryTestCase {
    struct Model {
        var role: Role
        var disabled = false
        var password: String
        var tokens: [String: String] = [:]
        var revoked: [String] = []
    }

    func testAccountsFollowTheirModel() throws {
        let registry = try makeRegistry()
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = SeededGenerator(seed: seed)
        var model: [String: Model] = [:]
        let names = ["wang", "li", "zhao", "陈静"]
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        // The registry keeps its last admin that may sign in: neither demoted nor disabled.
        func lastAdmin(_ name: String) -> Bool {
            let admins = model.filter { $0.value.role == .admin && !$0.value.disabled }
            return admins.count == 1 && admins[name] != nil
        }
        for step in 0..<60 {
            let name = pick(names)
            let why = "seed \(seed) step \(step)"
            switch rng.next() % 7 {
            case 0:
                let password = "pw-\(rng.next() % 1_000_000)-long"
                let role = pick(Role.allCases)
                if model[name] == nil {
                    try registry.addAccount(name, role: role, password: password, by: "test")
                    model[name] = Model(role: role, password: password)
                } else {
                    XCTAssertThrowsError(try registry.addAccount(name, role: role, password: password, by: "test"), why)
                }
            case 1:
                let role = pick(Role.allCases)
                if model[name] != nil && !(lastAdmin(name) && role != .admin) { try registry.setRole(name, role, by: "test"); model[name]!.role = role }
                else { XCTAssertThrowsError(try registry.setRole(name, role, by: "test"), why) }
            case 2:
                let password = "new-\(rng.next() % 1_000_000)-password"
                if model[name] != nil { try registry.setPassword(name, password, by: "test"); model[name]!.password = password }
                else { XCTAssertThrowsError(try registry.setPassword(name, password, by: "test"), why) }
            case 3:
                if model[name] != nil && !lastAdmin(name) {
                    try registry.disableAccount(name, by: "test")
                    model[name]!.disabled = true
                    model[name]!.revoked += model[name]!.tokens.values
                    model[name]!.tokens = [:]
                } else { XCTAssertThrowsError(try registry.disableAccount(name, by: "test"), why) }
            case 4:
                let label = pick(["qgis", "script", "gdal"])
                if let account = model[name], !account.disabled, account.tokens[label] == nil {
                    model[name]!.tokens[label] = try registry.newToken(for: name, label: label, by: "test")
                } else { XCTAssertThrowsError(try registry.newToken(for: name, label: label, by: "test"), why) }
            case 5:
                if let (label, token) = model[name]?.tokens.first {
                    try registry.revokeToken(of: name, label: label, by: "test")
                    model[name]!.tokens[label] = nil
                    model[name]!.revoked.append(token)
                } else { XCTAssertThrowsError(try registry.revokeToken(of: name, label: "qgis", by: "test"), why) }
            default:
                // Credentials: the right password, a wrong one, every token live or revoked, a forged one.
                let account = model[name]
                let signedIn = try registry.signIn(name, password: account?.password ?? "pw-anything-at-all")
                XCTAssertEqual(signedIn?.role, account.flatMap { $0.disabled ? nil : $0.role }, why)
                XCTAssertNil(try registry.signIn(name, password: (account?.password ?? "x") + "!"), why)
                for token in account?.tokens.values.map({ $0 }) ?? [] {
                    XCTAssertEqual(try registry.account(forToken: token)?.name, name, why)
                    XCTAssertNil(try registry.account(forToken: String(token.dropLast()) + (token.last == "0" ? "1" : "0")), why)
                }
                for token in account?.revoked ?? [] {
                    XCTAssertNil(try registry.account(forToken: token), "\(why): a revoked token")
                    XCTAssertNil(try registry.account(forLiveToken: Registry.tokenID(token)!), why)
                }
            }
            let stored = try registry.accounts()
            XCTAssertEqual(stored.map(\.name), model.keys.sorted(), why)
            for account in stored {
                let expected = model[account.name]!
                XCTAssertEqual(account.role, expected.role, why)
                XCTAssertEqual(account.disabled, expected.disabled, why)
                XCTAssertEqual(account.tokens, expected.tokens.keys.sorted(), why)
            }
        }
    }
}
