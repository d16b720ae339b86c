import CSpatiaLite
import GRDB

extension Store {
    /// Runs `body` with a writer of `layer` in one write transaction: all
    /// or nothing. A one-connection registry (the CLI's) that no other
    /// process has open writes the import through a rollback journal
    /// (synchronous FULL): new pages go straight into the file, where WAL
    /// writes them twice — into the log, then into the file at the
    /// checkpoint —, a sixth of a million-feature import. It is WAL again after.
    /// Meanwhile the file's pages are written to the disk as they come
    /// (`BackgroundFlush`), not all at the commit.
    func writeLayer<T>(_ layer: Layer, mode: ImportMode, stamp: ChangeStamp, rule: UpdateRule?, expected: ExpectedVersion? = nil,
                       _ body: (LayerWriter) throws -> T) throws -> T {
        let direct = isSingleConnection && (try? database.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }) == "delete"
        // A smaller page cache hands pages to the kernel as the import goes,
        // which `BackgroundFlush` has written to the disk by the commit.
        if direct {
            try? database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384") }
        }
        let flush = direct ? BackgroundFlush(path: path) : nil
        defer {
            flush?.stop()
            if direct {
                try? database.writeWithoutTransaction {
                    try $0.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(Store.pageCacheKiB)")
                }
            }
        }
        // Adding features needs none of SpatiaLite's SQL functions (landreg
        // writes its blobs and the R*Tree itself); updating reads stored
        // geometries through it.
        return try write(spatial: mode != .insert) { db in
            try Store.expect(db, layer, expected)
            return try body(try LayerWriter(db: db, layer: layer, mode: mode, stamp: stamp, rule: rule,
                                     spatial: { try self.ensureSpatial(db) }))
        }
    }
}

/// A feature ready to be written: validated, in the registry's CRS.
struct StorableRow: @unchecked Sendable {
    let number: Int
    let code: String
    let values: [StoredValue]
    /// Which contract properties the file carries (see `ValidatedProperties`).
    let present: [Bool]
    let extra: String
    /// The extra properties as carried, `null`s included.
    let extraPatch: [(String, JSONValue)]
    let wkb: [UInt8]
    /// The geometry as SpatiaLite stores it.
    let blob: [UInt8]
    let bounds: Envelope
    /// GEOS's reason, when `--make-valid` repaired the geometry.
    let repair: Phrase?
    /// The properties as imported, for the history.
    let propertiesJSON: String
    /// When an insert takes effect in the world: the feature's own date,
    /// the import's, or the beginning (`ChangeStamp.beginning`).
    let effectiveDate: String
}

/// What an update may not do, decided by the operation: called with the
/// stored values, the merged new ones, the row, and a look-up of the date of
/// the feature's latest reclassification (nil when never reclassified);
/// throws to refuse.
typealias UpdateRule = (_ old: [StoredValue], _ new: [StoredValue], _ row: StorableRow,
                        _ reclassified: () throws -> String?) throws -> Void

/// Writes prepared rows into a layer table inside the import's transaction.
final class LayerWriter {
    let db: Database
    let layer: Layer
    let mode: ImportMode
    let stamp: ChangeStamp
    private let history: FastStatement
    let index: BulkSpatialWrite
    private let insert: FastStatement
    /// The statements of an update (nil for `insert`): they read stored
    /// geometries through SpatiaLite.
    private let find: FastStatement!
    private let update: FastStatement!
    private let updateHistory: FastStatement!
    private let seen: FastStatement?
    private let n: Int32
    /// The smallest row id a feature added by this import can have.
    private let firstNewFid: Int64

    private let rule: UpdateRule?
    /// Whether the layer ever lost a feature (so a new code may have a past).
    let hadDeletes: Bool
    /// The effective date of a code's latest recorded change.
    let latest: FastStatement

    /// Whether a layer ever lost a feature. `action <> 'insert'`: so that it
    /// reads the index history_change, which leaves the inserts out (a test asks SQLite's plan).
    static let hadDeletesSQL = "SELECT EXISTS (SELECT 1 FROM history WHERE layer = ? AND action = 'delete' AND action <> 'insert')"

    init(db: Database, layer: Layer, mode: ImportMode, stamp: ChangeStamp, rule: UpdateRule?,
         spatial: @escaping () throws -> Void) throws {
        self.db = db
        self.layer = layer
        self.mode = mode
        self.stamp = stamp
        self.rule = rule
        // ?1…?4 the same for every row of the import (bound once), ?5… the row's.
        history = FastStatement(try db.makeStatement(sql: """
            INSERT INTO history (layer, recorded_by, command, recorded_at, code, action, effective_date, after_properties, after_geom)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """))
        history.bind(layer.rawValue, at: 1)
        history.bind(stamp.by, at: 2)
        history.bind(stamp.command, at: 3)
        history.bind(timestamp(), at: 4)
        let table = layer.table
        let specs = layer.properties
        n = Int32(specs.count)
        let columns = specs.map(\.column).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: specs.count).joined(separator: ", ")
        index = try BulkSpatialWrite(db, table: table, spatial: spatial)
        firstNewFid = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(fid), 0) + 1 FROM \(table)") ?? 1
        insert = FastStatement(try db.makeStatement(sql: """
            INSERT INTO \(table) (\(columns), extra, geom) VALUES (\(placeholders), ?, ?)
            """))
        if mode == .insert {
            find = nil
            update = nil
            updateHistory = nil
        } else {
            find = FastStatement(try db.makeStatement(sql: """
                SELECT fid, \(columns), extra, geom, AsBinary(geom) FROM \(table) WHERE code = ?
                """))
            let assignments = specs.map { "\($0.column) = ?" }.joined(separator: ", ")
            // ?1…?n the properties, ?n+1 extra, ?n+2 the geometry, ?n+3 the fid.
            update = FastStatement(try db.makeStatement(sql: """
                UPDATE \(table) SET \(assignments), extra = ?\(n + 1), geom = ?\(n + 2) WHERE fid = ?\(n + 3)
                """))
            updateHistory = FastStatement(try db.makeStatement(sql: """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
                SELECT ?1, code, 'update', ?2, ?3, ?4, \(Layer.propertiesJSONSQL(specs)), AsBinary(geom)
                FROM \(table) t WHERE fid = ?5
                """))
        }
        // A code with a past here was deleted once: only then can an insert have one.
        hadDeletes = try Bool.fetchOne(db, sql: LayerWriter.hadDeletesSQL, arguments: [layer.rawValue]) ?? false
        latest = FastStatement(try db.makeStatement(sql: "SELECT max(effective_date) FROM history WHERE layer = ? AND code = ?"))
        if mode == .replace {
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_seen (code TEXT PRIMARY KEY)")
            try db.execute(sql: "DELETE FROM import_seen")
            seen = FastStatement(try db.makeStatement(sql: "INSERT INTO import_seen (code) VALUES (?)"))
        } else {
            seen = nil
        }
    }

    func write(_ row: StorableRow, file: String, counts: inout ImportCounts) throws {
        counts.read += 1
        if mode != .insert, let stored = try storedRow(row.code) {
            try update(stored, with: row, file: file, counts: &counts)
        } else {
            insert.bind(row.values)
            insert.bind(row.extra, at: n + 1)
            do {
                try insert.run(db, blob: row.blob, at: n + 2)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                if try addedByThisImport(row.code) {
                    throw InputError(file: file, feature: row.number, code: row.code, property: "code",
                                     message: "duplicate code in the file")
                }
                throw InputError(file: file, feature: row.number, code: row.code, property: "code",
                                 message: "code already in layer \(layer.rawValue)", remedy: .upsert)
            }
            index.inserted(fid: sqlite3_last_insert_rowid(db.sqliteConnection), bounds: row.bounds)
            counts.inserted += 1
            try recordHistory(row, action: "insert", effective: try insertDate(row, file: file))
        }
        if let seen {
            seen.bind(row.code, at: 1)
            try seen.run(db)
        }
    }

    /// Whether the feature stored under `code` came earlier in this import's
    /// file: its row id is past the largest one before the import.
    private func addedByThisImport(_ code: String) throws -> Bool {
        let fid = try Int64.fetchOne(db, sql: "SELECT fid FROM \(layer.table) WHERE code = ?", arguments: [code]) ?? 0
        return fid >= firstNewFid
    }

    /// A feature as stored: its row id, contract values, extra properties,
    /// geometry (SpatiaLite blob and WKB).
    private struct StoredRow {
        let fid: Int64
        let values: [StoredValue]
        let extra: String
        let blob: [UInt8]
        let wkb: [UInt8]
    }

    private func storedRow(_ code: String) throws -> StoredRow? {
        find.bind(code, at: 1)
        defer { find.reset() }
        guard try find.step(db) else { return nil }
        let specs = layer.properties
        let values = specs.indices.map { i -> StoredValue in
            let column = Int32(i + 1)
            if find.isNull(column) { return .null }
            return specs[i].kind == .bool ? .flag(find.int64(column) != 0) : .text(find.text(column) ?? "")
        }
        return StoredRow(fid: find.int64(0), values: values, extra: find.text(n + 1) ?? "{}", blob: find.blob(n + 2),
                         wkb: find.blob(n + 3))
    }

    /// Merges the row into the stored feature (properties the file does not
    /// carry are kept, `null` removes one; a geometry that moved by no more
    /// than 1 mm is kept), checks the operation's rule, and writes what changed.
    private func update(_ stored: StoredRow, with row: StorableRow, file: String, counts: inout ImportCounts) throws {
        let values = row.values.indices.map { row.present[$0] ? row.values[$0] : stored.values[$0] }
        let extra = LayerWriter.patch(stored.extra, with: row.extraPatch)
        let sameGeometry = LayerWriter.sameGeometry(stored.wkb, row.wkb, tolerance: 0.001)
        try rule?(stored.values, values, row) {
            try String.fetchOne(self.db, sql: """
                SELECT max(effective_date) FROM history WHERE layer = ? AND code = ? AND action = 'reclass'
                """, arguments: [self.layer.rawValue, row.code])
        }
        guard values != stored.values || extra != stored.extra || !sameGeometry else {
            counts.unchanged += 1
            return
        }
        update.bind(values)
        update.bind(extra, at: n + 1)
        update.bind(sameGeometry ? stored.blob : row.blob, at: n + 2)
        update.bind(stored.fid, at: n + 3)
        try update.run(db)
        counts.updated += 1
        if !sameGeometry { index.updated(fid: stored.fid, bounds: row.bounds) }
        // Effective when a date property changed to that date (no earlier
        // than the latest change: a corrected date is a value, not a time),
        // else on the import's date, which may not precede the latest change.
        let past = try latestChange(row.code) ?? ChangeStamp.beginning
        var effective: String?
        for (i, spec) in layer.properties.enumerated() where spec.kind == .date && values[i] != stored.values[i] {
            if let date = values[i].text, date >= past { effective = date }
        }
        if effective == nil { try inDateOrder(stamp.effective, after: past, row: row, file: file) }
        updateHistory.bind(layer.rawValue, at: 1)
        updateHistory.bind(effective ?? stamp.effective, at: 2)
        updateHistory.bind(stamp.by, at: 3)
        updateHistory.bind(stamp.command, at: 4)
        updateHistory.bind(stored.fid, at: 5)
        try updateHistory.run(db)
    }

    /// The stored extra properties (a JSON object) patched as RFC 7396 says:
    /// a member set to `null` is removed, the others replace or are added.
    static func patch(_ stored: String, with patch: [(String, JSONValue)]) -> String {
        guard !patch.isEmpty else { return stored }
        guard case .object(var members)? = try? JSONValue.parse(stored) else { return stored }
        for (key, value) in patch {
            let at = members.firstIndex { $0.0 == key }
            switch (value, at) {
            case (.null, let i?): members.remove(at: i)
            case (.null, nil): break
            case (_, let i?): members[i].1 = value
            case (_, nil): members.append((key, value))
            }
        }
        return members.isEmpty ? "{}" : JSONValue.object(members).jsonText
    }

    /// Whether two WKB geometries have the same type and positions, each
    /// within `tolerance` (m).
    static func sameGeometry(_ a: [UInt8], _ b: [UInt8], tolerance: Double) -> Bool {
        if a == b { return true }
        guard let x = try? Shape(wkb: a), let y = try? Shape(wkb: b), x.type == y.type, x.ringEnds == y.ringEnds,
              x.polygonEnds == y.polygonEnds, x.xy.count == y.xy.count else { return false }
        return zip(x.xy, y.xy).allSatisfy { abs($0 - $1) <= tolerance }
    }

    private func recordHistory(_ row: StorableRow, action: String, effective: String) throws {
        history.bind(row.code, at: 5)
        history.bind(action, at: 6)
        history.bind(effective, at: 7)
        history.bind(row.propertiesJSON, at: 8)
        try history.run(db, blob: row.wkb, at: 9, keeping: 1)
    }
}
