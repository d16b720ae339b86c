import GRDB

/// The history's order kept by an import (README, "One history whatever the
/// order"): no change takes effect before a feature's latest recorded one,
/// a deleted code comes back no earlier than its deletion, and `replace`
/// deletes only what may be removed, on the import's date.
extension LayerWriter {
    /// When an insert takes effect: its own date; but a code deleted before
    /// comes back on its own date only when that follows its past, else on
    /// the import's date (never "since the beginning", which would put it
    /// before its own deletion), which may not precede that past.
    func insertDate(_ row: StorableRow, file: String) throws -> String {
        guard hadDeletes, let past = try latestChange(row.code) else { return row.effectiveDate }
        if row.effectiveDate != ChangeStamp.beginning && row.effectiveDate >= past { return row.effectiveDate }
        try inDateOrder(stamp.effective, after: past, row: row, file: file)
        return stamp.effective
    }

    /// The effective date of the latest recorded change of `code`.
    func latestChange(_ code: String) throws -> String? {
        latest.bind(layer.rawValue, at: 1)
        latest.bind(code, at: 2)
        defer { latest.reset() }
        return try latest.step(db) ? latest.text(0) : nil
    }

    func inDateOrder(_ date: String, after past: String, row: StorableRow, file: String) throws {
        guard date < past else { return }
        throw InputError(file: file, feature: row.number, code: row.code, property: "date",
                         message: ChangeStamp.outOfOrder(date, after: past))
    }

    /// Deletes what `replace` no longer has (each first shown to `allow`:
    /// its code, risk-plot stage and latest change's date; it throws to
    /// refuse), restores the triggers; returns the codes deleted.
    func finish(allow: (_ code: String, _ stage: String?, _ latest: String?) throws -> Void) throws -> [String] {
        var deleted: [String] = []
        if mode == .replace {
            let stage = layer == .riskPlots ? "stage" : "NULL"
            let gone = try Row.fetchAll(db, sql: """
                SELECT code, \(stage), (SELECT max(effective_date) FROM history WHERE layer = ? AND code = t.code)
                FROM \(layer.table) t WHERE code NOT IN (SELECT code FROM import_seen) ORDER BY code
                """, arguments: [layer.rawValue])
            for row in gone {
                try allow(row[0], row[1], row[2])
                deleted.append(row[0])
            }
            try db.execute(sql: """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command, note)
                SELECT ?, code, 'delete', ?, ?, ?, ?
                FROM \(layer.table) t
                WHERE code NOT IN (SELECT code FROM import_seen) ORDER BY code
                """, arguments: [layer.rawValue, stamp.effective, stamp.by, stamp.command, stamp.note])
            _ = try index.delete(where: "code NOT IN (SELECT code FROM import_seen)")
            try db.execute(sql: "DELETE FROM import_seen")
        }
        try index.finish()
        return deleted
    }
}
