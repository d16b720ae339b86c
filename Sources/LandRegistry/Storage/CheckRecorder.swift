import Foundation
import GRDB

/// Keeps a record of every check in the registry (`check_runs`, `checks`):
/// when, who, the proposal's properties and geometry, the findings. Records
/// are written in batches so a large plan needs little memory.
final class CheckRecorder {
    let registry: Registry
    let file: String
    let by: String
    private var runID: Int64?
    private var pending: [CheckResult] = []
    private let batchSize = 1000

    init(registry: Registry, file: String, by: String) {
        self.registry = registry
        self.file = file
        self.by = by
    }

    func add(_ result: CheckResult) throws {
        pending.append(result)
        if pending.count >= batchSize { try flush() }
    }

    func finish(_ summary: CheckSummary) throws {
        try flush()
        try registry.write { db in
            let id = try ensureRun(db)
            try db.execute(sql: """
                UPDATE check_runs SET proposals = ?, block = ?, condition = ?, warn = ?, clear = ? WHERE id = ?
                """, arguments: [summary.proposals, summary.block, summary.condition, summary.warn, summary.clear, id])
        }
    }

    private func ensureRun(_ db: Database) throws -> Int64 {
        if let runID { return runID }
        try db.execute(sql: "INSERT INTO check_runs (checked_at, checked_by, file) VALUES (?, ?, ?)",
                       arguments: [timestamp(), by, file])
        runID = db.lastInsertedRowID
        return runID!
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        try registry.write { db in
            let run = try ensureRun(db)
            let insert = try db.cachedStatement(sql: """
                INSERT INTO checks (run_id, proposal_id, use, action, verdict, properties, findings, geom)
                VALUES (?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, ?))
                """)
            for result in batch {
                let p = result.proposal
                try insert.execute(arguments: [run, p.id, p.use, p.action.rawValue, result.verdict?.rawValue ?? "clear",
                                               JSONValue.object(p.properties).jsonText, findingsJSON(result.findings),
                                               Data(result.shape.wkb()), registry.srid])
            }
        }
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

/// The current UTC time as ISO 8601.
func timestamp(_ date: Date = Date()) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}

/// A decimal for JSON: at least one decimal place ("1532.4", "0.0").
func formatDecimal(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    guard abs(hundredths) < 9e15 else { return String(value) }
    let units = Int64(hundredths)
    let whole = units / 100, fraction = abs(units % 100)
    let sign = units < 0 && whole == 0 ? "-" : ""
    if fraction == 0 { return "\(sign)\(whole).0" }
    if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
    return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
}
