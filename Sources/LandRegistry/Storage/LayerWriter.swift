import GRDB

extension Registry {
    /// Runs `body` with a writer of `layer` in one write transaction: all
    /// or nothing.
    func writeLayer<T>(_ layer: Layer, mode: ImportMode, stamp: ChangeStamp, _ body: (LayerWriter) throws -> T) throws -> T {
        try write { db in try body(try LayerWriter(db: db, layer: layer, mode: mode, stamp: stamp)) }
    }
}

/// A feature ready to be written: validated, in the registry's CRS.
struct StorableRow: @unchecked Sendable {
    let number: Int
    let code: String
    let values: [StoredValue]
    let extra: String
    let wkb: [UInt8]
    /// The geometry as SpatiaLite stores it.
    let blob: [UInt8]
    let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    /// GEOS's reason, when `--make-valid` repaired the geometry.
    let repair: String?
    /// The properties as imported, for the history.
    let propertiesJSON: String
    /// When the change takes effect in the world.
    let effectiveDate: String
}

/// Writes prepared rows into a layer table inside the import's transaction.
final class LayerWriter {
    let db: Database
    let layer: Layer
    let mode: ImportMode
    let stamp: ChangeStamp
    private let history: FastStatement
    private let index: BulkSpatialWrite
    private let insert: FastStatement
    private let find: FastStatement
    private let update: FastStatement
    private let seen: FastStatement?
    private let n: Int32

    init(db: Database, layer: Layer, mode: ImportMode, stamp: ChangeStamp) throws {
        self.db = db
        self.layer = layer
        self.mode = mode
        self.stamp = stamp
        history = FastStatement(try db.makeStatement(sql: """
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """))
        let table = layer.table
        let specs = layer.properties
        n = Int32(specs.count)
        let columns = specs.map(\.column).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: specs.count).joined(separator: ", ")
        index = try BulkSpatialWrite(db, table: table)
        insert = FastStatement(try db.makeStatement(sql: """
            INSERT INTO \(table) (\(columns), extra, geom) VALUES (\(placeholders), ?, ?)
            """))
        find = FastStatement(try db.makeStatement(sql: "SELECT fid FROM \(table) WHERE code = ?"))
        let assignments = specs.map { "\($0.column) = ?" }.joined(separator: ", ")
        let same = specs.enumerated().map { "\($1.column) IS ?\($0 + 1)" }.joined(separator: " AND ")
        // ?1…?n the properties, ?n+1 extra, ?n+2 the geometry, ?n+3 the fid: the
        // row changes only when something differs.
        update = FastStatement(try db.makeStatement(sql: """
            UPDATE \(table) SET \(assignments), extra = ?\(n + 1), geom = ?\(n + 2)
            WHERE fid = ?\(n + 3) AND NOT (\(same) AND extra IS ?\(n + 1) AND geom IS ?\(n + 2))
            """))
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
        var existing: Int64?
        if mode != .insert {
            find.bind(row.code, at: 1)
            existing = try find.run(db)
        }
        if let fid = existing {
            update.bind(row.values)
            update.bind(row.extra, at: n + 1)
            update.bind(row.blob, at: n + 2)
            update.bind(fid, at: n + 3)
            try update.run(db)
            if db.changesCount > 0 {
                counts.updated += 1
                index.updated(fid: fid, bounds: row.bounds)
                try recordHistory(row, action: "update")
            } else {
                counts.unchanged += 1
            }
        } else {
            insert.bind(row.values)
            insert.bind(row.extra, at: n + 1)
            insert.bind(row.blob, at: n + 2)
            do {
                try insert.run(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw InputError(file: file, feature: row.number, code: row.code, property: "code",
                                 message: "code already in layer \(layer.rawValue)", remedy: .upsert)
            }
            index.inserted(fid: db.lastInsertedRowID, bounds: row.bounds)
            counts.inserted += 1
            try recordHistory(row, action: "insert")
        }
        if let seen {
            seen.bind(row.code, at: 1)
            try seen.run(db)
        }
    }

    private func recordHistory(_ row: StorableRow, action: String) throws {
        history.bind(layer.rawValue, at: 1)
        history.bind(row.code, at: 2)
        history.bind(action, at: 3)
        history.bind(row.effectiveDate, at: 4)
        history.bind(stamp.by, at: 5)
        history.bind(stamp.command, at: 6)
        history.bind(row.propertiesJSON, at: 7)
        history.bind(row.wkb, at: 8)
        try history.run(db)
    }

    /// Deletes what `replace` no longer has, restores the triggers; returns
    /// the number of rows deleted.
    func finish() throws -> Int {
        var deleted = 0
        if mode == .replace {
            try db.execute(sql: """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
                SELECT ?, code, 'delete', ?, ?, ? FROM \(layer.table)
                WHERE code NOT IN (SELECT code FROM import_seen) ORDER BY code
                """, arguments: [layer.rawValue, stamp.effective, stamp.by, stamp.command])
            deleted = try index.delete(where: "code NOT IN (SELECT code FROM import_seen)")
            try db.execute(sql: "DELETE FROM import_seen")
        }
        try index.finish()
        return deleted
    }
}
