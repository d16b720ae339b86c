import Foundation
import GRDB
import XCTest
@testable import LandRegistry

/// The migrations are frozen: a new registry's schema is the committed
/// `Tests/Fixtures/schema.sql` (made by the release before the migrations became
/// literal SQL, and unchanged since), and a registry made by the first
/// release (v1 only) upgrades to the same schema with its features kept.
final class MigrationTests: RegistryTestCase {
    static let fixtures = fixture("")

    /// The landreg part of a registry's schema, as `Tests/Fixtures/schema-query.sql` lists it.
    func schema(_ registry: Registry) throws -> String {
        let query = try String(contentsOf: Self.fixtures.appendingPathComponent("schema-query.sql"), encoding: .utf8)
        return try registry.store.read { db in
            var lines: [String] = []
            for statement in query.split(separator: ";\n").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) })
            where !statement.isEmpty {
                lines += try String.fetchAll(db, sql: statement)
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    func testNewRegistryHasTheCommittedSchema() throws {
        let registry = try makeRegistry()
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("schema.sql"), encoding: .utf8)
        XCTAssertEqual(try schema(registry), expected,
                       "the schema changed: add a migration (never edit one) and update Tests/Fixtures/schema.sql")
    }

    /// The index of a layer's changes by kind leaves the inserts out (v12):
    /// SQLite uses it only for a query that says so, as these do — else a
    /// review or an import would read every history row of a layer.
    func testTheQueriesOfChangesByKindUseTheirIndex() throws {
        let registry = try makeRegistry()
        func plan(_ sql: String) throws -> String {
            try registry.store.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql,
                                 arguments: StatementArguments(Array(repeating: "x", count: sql.filter { $0 == "?" }.count)))
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        for sql in [Snapshot.historyOfKindSQL, LayerWriter.hadDeletesSQL] {
            let found = try plan(sql)
            XCTAssertTrue(found.contains("INDEX history_change"), "\(sql): \(found)")
        }
        let earliest = try plan("SELECT min(effective_date) FROM history INDEXED BY history_feature")
        XCTAssertTrue(earliest.contains("COVERING INDEX history_feature"), earliest)
        let without = try plan(Snapshot.historyOfKindSQL.replacingOccurrences(of: " AND action <> 'insert'", with: ""))
        XCTAssertFalse(without.contains("history_change"), "the partial index is not used without the term: \(without)")
    }

    func testFirstReleaseRegistryUpgrades() throws {
        let file = path("v1.sqlite")
        // A registry as the first release left it: only "v1 layers and settings", one feature.
        do {
            let registry = try Registry.create(at: file)
            try registry.store.database.write { db in
                for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'landreg\\_%' ESCAPE '\\'") {
                    try db.execute(sql: "DROP TRIGGER \(trigger)")
                }
                try db.execute(sql: "DROP TABLE landreg_writer")
                try db.execute(sql: "SELECT DiscardGeometryColumn('checks', 'geom')")
                for table in ["account_log", "tokens", "accounts", "remedies", "discharge_limits", "monitoring_replaced", "monitoring", "monitor_imports",
                              "history", "permits", "checks", "check_runs", "settings_log"] {
                    try db.execute(sql: "DROP TABLE \(table)")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier != 'v1 layers and settings'")
                try db.execute(sql: """
                    INSERT INTO risk_plots (code, stage, stage_date, extra, geom)
                    VALUES ('OLD-1', 'listed', '2022-05-01', '{"note":"kept"}',
                        GeomFromText('POLYGON((500000 4000000, 500100 4000000, 500100 4000100, 500000 4000000))', 4547))
                    """)
            }
            try registry.close()
        }
        let registry = try Registry.open(at: file)
        XCTAssertEqual(try schema(registry),
                       try String(contentsOf: Self.fixtures.appendingPathComponent("schema.sql"), encoding: .utf8))
        let history = try registry.history(.riskPlots, code: "OLD-1")
        XCTAssertEqual(history.map(\.action.rawValue), ["insert"])
        XCTAssertEqual(history.first?.effectiveDate, "2022-05-01")
        XCTAssertEqual(history.first?.after?.first { $0.0 == "note" }?.1, .string("kept"))
        XCTAssertEqual(try registry.feature(.riskPlots, code: "OLD-1")?.properties.first { $0.0 == "stage" }?.1, .string("listed"))
    }
}

/// The history's backfill and the outside-edit triggers are written from
/// templates and a frozen table of the layers; the SQL they make is frozen:
/// byte for byte the SQL v4, v5 and v9 were released with
/// (`Tests/Fixtures/outside-edit-triggers.json`).
final class FrozenTriggerTests: XCTestCase {
    func testTheTemplateMakesTheReleasedSQL() throws {
        let released = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture("outside-edit-triggers.json"))) as! [String: [String]]
        XCTAssertEqual(MigrationSQL.v4Backfill, released["v4"])
        XCTAssertEqual(MigrationSQL.v5Triggers, released["v5"])
        XCTAssertEqual(MigrationSQL.v9Triggers, released["v9"])
    }
}
