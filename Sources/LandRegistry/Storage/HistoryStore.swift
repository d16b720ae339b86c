import Foundation
import GRDB

/// The history (append-only: every change of every feature) and the edits
/// of the lifecycle that write it: stage changes, farmland classes, permits.
/// Each edit runs in one transaction; the domain's rule is a closure the
/// operation passes in, called with the current state before anything is
/// written, so the rules stay out of the storage and the SQL out of the rules.
extension Store {
    /// Appends the feature's current state to the history.
    func recordChange(_ db: Database, layer: Layer, code: String, action: String, stamp: ChangeStamp) throws {
        try db.execute(sql: """
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, doc, note, after_properties, after_geom)
            SELECT ?, code, ?, ?, ?, ?, ?, ?, \(Layer.propertiesJSONSQL(layer.properties)), AsBinary(geom)
            FROM \(layer.table) WHERE code = ?
            """, arguments: [layer.rawValue, action, stamp.effective, stamp.by, stamp.command, stamp.doc, stamp.note, code])
    }

    /// The day a check was made (of `check_runs r`): its own date when it
    /// was entered later, else the day it was recorded (UTC).
    static let checkDay = "COALESCE(r.check_date, substr(r.checked_at, 1, 10))"

    /// The effective date of the feature's latest recorded change (nil when
    /// the history has none): no change may take effect before it, so that
    /// the current row is always the history replayed as of today.
    /// A feature's version: the id of its latest history row, nil when the layer has no feature of that code now.
    static func version(_ db: Database, _ layer: Layer, code: String) throws -> Int64? {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM \(layer.table) WHERE code = ?", arguments: [code]) != nil else { return nil }
        return try Int64.fetchOne(db, sql: "SELECT max(id) FROM history WHERE layer = ? AND code = ?", arguments: [layer.rawValue, code]) ?? 0
    }

    func version(_ layer: Layer, code: String) throws -> Int64? { try read { db in try Store.version(db, layer, code: code) } }

    /// Refuses a write whose feature is no longer at the version its writer saw (nil: it must not exist).
    static func expect(_ db: Database, _ layer: Layer, _ expected: ExpectedVersion?) throws {
        guard let expected else { return }
        let actual = try version(db, layer, code: expected.code)
        guard actual == expected.version else {
            throw VersionConflict(layer: layer, code: expected.code, expected: expected.version, actual: actual)
        }
    }

    static func latestChange(_ db: Database, _ layer: Layer, code: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT max(effective_date) FROM history WHERE layer = ? AND code = ?",
                            arguments: [layer.rawValue, code])
    }

    /// Sets a risk-plot's stage and stage date; `allow` sees the plot's
    /// current stage and stage date (nil: no such plot) and the date of its
    /// latest recorded change, and throws to refuse.
    func updateStage(code: String, to stage: Stage, stamp: ChangeStamp, expected: ExpectedVersion? = nil,
                     allow: (_ current: (stage: String, date: String?)?, _ latest: String?) throws -> Void) throws {
        try write { db in
            try Store.expect(db, .riskPlots, expected)
            let row = try Row.fetchOne(db, sql: "SELECT stage, stage_date FROM risk_plots WHERE code = ?", arguments: [code])
            try allow(row.map { ($0[0], $0[1]) }, try Store.latestChange(db, .riskPlots, code: code))
            try db.execute(sql: "UPDATE risk_plots SET stage = ?, stage_date = ? WHERE code = ?",
                           arguments: [stage.rawValue, stamp.effective, code])
            try recordChange(db, layer: .riskPlots, code: code, action: "stage", stamp: stamp)
        }
    }

    /// Sets farmland classes, all or nothing; `allow` sees each change's
    /// position, the parcel's current class (nil: no such parcel) and the
    /// date of its latest recorded change, and throws to refuse; a parcel
    /// that already has its class is left alone. Returns how many changed.
    func updateClasses(_ changes: [(code: String, farmlandClass: FarmlandClass)], stamp: ChangeStamp,
                       allow: (_ index: Int, _ current: String?, _ latest: String?) throws -> Void) throws -> Int {
        try write { db in
            var changed = 0
            for (index, change) in changes.enumerated() {
                let current = try String.fetchOne(db, sql: "SELECT class FROM farmland WHERE code = ?", arguments: [change.code])
                guard current != change.farmlandClass.rawValue else {
                    try allow(index, current, nil)
                    continue
                }
                try allow(index, current, try Store.latestChange(db, .farmland, code: change.code))
                guard let current else { continue }
                try db.execute(sql: "UPDATE farmland SET class = ? WHERE code = ?",
                               arguments: [change.farmlandClass.rawValue, change.code])
                var stamp = stamp
                stamp.command = "reclass \(current) → \(change.farmlandClass.rawValue)"
                try recordChange(db, layer: .farmland, code: change.code, action: "reclass", stamp: stamp)
                changed += 1
            }
            return changed
        }
    }

    /// Records a permit for a proposal's latest check made on or before the
    /// permit's date; `allow` sees that check (id and verdict; nil when there
    /// is none), the date of the proposal's first check (nil when never
    /// checked) and the date of a permit of the same kind already recorded
    /// for the proposal, and throws to refuse.
    func insertPermit(proposalID: String, kind: ProposalAction, date: String, by: String, note: String?,
                      allow: (_ latest: (id: Int64, verdict: String)?, _ firstChecked: String?, _ earlier: String?) throws -> Void) throws -> Int64 {
        try write { db in
            let latest = try Row.fetchOne(db, sql: """
                SELECT c.id, c.verdict FROM checks c JOIN check_runs r ON r.id = c.run_id
                WHERE c.proposal_id = ? AND \(Store.checkDay) <= ? ORDER BY \(Store.checkDay) DESC, c.id DESC LIMIT 1
                """, arguments: [proposalID, date]).map { (id: $0[0] as Int64, verdict: $0[1] as String) }
            let first = try String.fetchOne(db, sql: """
                SELECT min(\(Store.checkDay)) FROM checks c JOIN check_runs r ON r.id = c.run_id WHERE c.proposal_id = ?
                """, arguments: [proposalID])
            let earlier = try String.fetchOne(db, sql: "SELECT permit_date FROM permits WHERE proposal_id = ? AND kind = ?",
                                              arguments: [proposalID, kind.rawValue])
            try allow(latest, first, earlier)
            try db.execute(sql: """
                INSERT INTO permits (proposal_id, kind, permit_date, check_id, recorded_by, note) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [proposalID, kind.rawValue, date, latest!.id, by, note])
            return db.lastInsertedRowID
        }
    }

    /// Every recorded change of one feature, oldest first.
    func history(_ layer: Layer, code: String) throws -> [HistoryEntry] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, action, recorded_at, effective_date, recorded_by, command, doc, note, after_properties,
                       \(Snapshot.historyWKB)
                FROM history WHERE layer = ? AND code = ? ORDER BY effective_date, id
                """, arguments: [layer.rawValue, code])
            var entries: [HistoryEntry] = []
            var previous: [(String, JSONValue)]?
            var previousGeometry: Data?
            for row in rows {
                // Moved by no more than 1 mm: the same geometry (an outside edit may re-encode it).
                var after: [(String, JSONValue)]?
                if let text = row[8] as String?, case .object(let members) = try JSONValue.parse(text) { after = members }
                let geometry = row[9] as Data?
                entries.append(HistoryEntry(id: row[0], action: ChangeKind(rawValue: row[1]) ?? .update, recordedAt: row[2], effectiveDate: row[3],
                                            recordedBy: row[4], command: row[5], doc: row[6], note: row[7],
                                            after: after, before: previous, geometryChanged: !Store.sameGeometry(geometry, previousGeometry)))
                previous = after
                previousGeometry = geometry
            }
            return entries
        }
    }
}

extension Store {
    /// Deletes features by code, all or nothing, each recorded in the history
    /// (`action` `delete`, effective on the stamp's date); `allow` sees each
    /// code, whether a feature has it, its risk-plot stage (nil for other
    /// layers) and the date of its latest recorded change, and throws to refuse.
    func deleteFeatures(_ layer: Layer, codes: [String], stamp: ChangeStamp, expected: ExpectedVersion? = nil,
                        allow: (_ code: String, _ exists: Bool, _ stage: String?, _ latest: String?) throws -> Void) throws -> Int {
        try write { db in
            try Store.expect(db, layer, expected)
            for code in codes {
                let exists = try Int.fetchOne(db, sql: "SELECT 1 FROM \(layer.table) WHERE code = ?", arguments: [code]) != nil
                let stage = layer == .riskPlots
                    ? try String.fetchOne(db, sql: "SELECT stage FROM risk_plots WHERE code = ?", arguments: [code]) : nil
                try allow(code, exists, stage, try Store.latestChange(db, layer, code: code))
                try db.execute(sql: """
                    INSERT INTO history (layer, code, action, effective_date, recorded_by, command, note)
                    VALUES (?, ?, 'delete', ?, ?, ?, ?)
                    """, arguments: [layer.rawValue, code, stamp.effective, stamp.by, stamp.command, stamp.note])
                try db.execute(sql: "DELETE FROM \(layer.table) WHERE code = ?", arguments: [code])
            }
            return codes.count
        }
    }
}

extension Store {
    static func sameGeometry(_ a: Data?, _ b: Data?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return LayerWriter.sameGeometry([UInt8](a), [UInt8](b), tolerance: 0.001)
    }
}

extension Store {
    /// The earliest date the history knows anything of a layer's feature
    /// (nil for an empty registry); features inserted without a date are
    /// known since the beginning.
    func earliestKnownDate() throws -> String? {
        // The index history_feature holds every row's date: read whole, not the table (70 ms at 1,000,000 rows).
        try read { try String.fetchOne($0, sql: "SELECT min(effective_date) FROM history INDEXED BY history_feature") }
    }

    /// Whether the history knows anything effective on or before `date`
    /// (stops at the first such row).
    func knowsAnything(onOrBefore date: String) throws -> Bool {
        try read {
            try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM history INDEXED BY history_feature WHERE effective_date <= ?)",
                              arguments: [date]) ?? false
        }
    }
}
