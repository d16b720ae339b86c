import Foundation
import GRDB

/// Keeps a record of every check in the registry (`check_runs`, `checks`):
/// when, who, the proposal's properties and geometry, the findings. A run's
/// records are kept compact in memory and written in one transaction when
/// the whole batch has been checked, so a check that fails half-way leaves
/// nothing behind.
final class CheckRecorder {
    let registry: Store
    let file: String
    let by: String
    /// The date the check was made, when recorded later (nil: today).
    let date: String?
    private var pending: [[DatabaseValue]] = []

    init(registry: Store, file: String, by: String, date: String? = nil) {
        self.registry = registry
        self.file = file
        self.by = by
        self.date = date
    }

    func add(_ result: CheckResult) {
        let p = result.proposal
        pending.append([p.id.databaseValue, p.use.databaseValue, p.action.rawValue.databaseValue,
                        result.verdict.name.databaseValue, JSONValue.object(p.properties).jsonText.databaseValue,
                        findingsJSON(result.findings).databaseValue,
                        Data(result.shape.spatiaLiteBlob(srid: Int32(registry.srid))).databaseValue])
    }

    /// Writes the run and its records: the geometry as the blob landreg
    /// writes itself (`BulkSpatialWrite`), so that a one-shot check never
    /// brings SpatiaLite in.
    func finish(_ summary: CheckSummary) throws {
        try registry.write(spatial: false) { db in
            let geometry = try BulkSpatialWrite(db, table: "checks")
            try db.execute(sql: """
                INSERT INTO check_runs (checked_at, checked_by, file, proposals, block, condition, warn, clear, check_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [timestamp(), by, file, summary.proposals, summary.block, summary.condition, summary.warn,
                                 summary.clear, date])
            let run = db.lastInsertedRowID
            let insert = try db.cachedStatement(sql: """
                INSERT INTO checks (run_id, proposal_id, use, action, verdict, properties, findings, geom)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for values in pending {
                try insert.execute(arguments: StatementArguments([run.databaseValue] + values))
            }
            if !pending.isEmpty { geometry.insertedUnindexed() }
            try geometry.finish()
        }
        pending = []
    }

    private func findingsJSON(_ findings: [Finding]) -> String {
        JSONValue.array(findings.map { f in
            .object([("rule", .string(f.rule.id)), ("severity", .string(f.severity.rawValue)),
                     ("layer", .string(f.layer.rawValue)), ("code", .string(f.code)),
                     ("overlap_m2", .number(f.overlapM2, formatDecimal(f.overlapM2))),
                     ("distance_m", .number(f.distanceM, formatDecimal(f.distanceM)))])
        }).jsonText
    }
}

extension Store {
    /// The recorded check runs, newest first.
    func checkRuns(limit: Int = 50) throws -> [CheckRun] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, checked_at, checked_by, file, proposals, block, condition, warn, clear, \(Store.checkDay)
                FROM check_runs r ORDER BY id DESC LIMIT ?
                """, arguments: [limit]).map {
                CheckRun(id: $0[0], date: $0[9], checkedAt: $0[1], checkedBy: $0[2], file: $0[3], proposals: $0[4],
                         block: $0[5], condition: $0[6], warn: $0[7], clear: $0[8])
            }
        }
    }

    /// The recorded checks of one proposal id.
    func checks(of proposalID: String) throws -> [RecordedCheck] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.run_id, \(Store.checkDay), r.checked_at, c.verdict, c.findings FROM checks c JOIN check_runs r ON r.id = c.run_id
                WHERE c.proposal_id = ? ORDER BY c.id
                """, arguments: [proposalID]).map {
                    RecordedCheck(run: $0[0], date: $0[1], checkedAt: $0[2], verdict: Verdict(recorded: $0[3]), findings: $0[4])
                }
        }
    }
}
