import GRDB

/// A bulk write to a layer table that keeps its SpatiaLite R*Tree
/// (`idx_<table>_geom`) up to date directly instead of through SpatiaLite's
/// per-row triggers, which re-run SQL for every row and cost more than the
/// insert itself.
///
/// The triggers are dropped when the write starts and recreated, exactly as
/// they were, by `finish()`; both happen inside the caller's transaction, so
/// a failed or killed import rolls the schema back with the data.
final class BulkSpatialWrite {
    let db: Database
    let table: String
    private var triggers: [(String, String)] = []
    private let insertEntry: FastStatement
    private let updateEntry: FastStatement
    private var inserted = false, updated = false, deleted = false

    /// SpatiaLite's triggers on a geometry column: type/SRID constraints,
    /// spatial index maintenance, last-change times.
    private static let prefixes = ["ggi", "ggu", "gii", "giu", "gid", "tmi", "tmu", "tmd"]

    init(_ db: Database, table: String) throws {
        self.db = db
        self.table = table
        let names = Set(BulkSpatialWrite.prefixes.map { "\($0)_\(table)_geom" })
        triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                    arguments: [table])
            .map { ($0[0] as String, $0[1] as String) }
            .filter { names.contains($0.0) }
        for (name, _) in triggers { try db.execute(sql: "DROP TRIGGER \"\(name)\"") }
        insertEntry = FastStatement(try db.makeStatement(sql:
            "INSERT INTO idx_\(table)_geom (pkid, xmin, xmax, ymin, ymax) VALUES (?, ?, ?, ?, ?)"))
        updateEntry = FastStatement(try db.makeStatement(sql:
            "UPDATE idx_\(table)_geom SET xmin = ?, xmax = ?, ymin = ?, ymax = ? WHERE pkid = ?"))
    }

    /// Indexes a new row.
    func inserted(fid: Int64, bounds b: (minX: Double, minY: Double, maxX: Double, maxY: Double)) throws {
        insertEntry.bind(fid, at: 1)
        insertEntry.bind(b.minX, at: 2); insertEntry.bind(b.maxX, at: 3)
        insertEntry.bind(b.minY, at: 4); insertEntry.bind(b.maxY, at: 5)
        try insertEntry.run(db)
        inserted = true
    }

    /// Re-indexes a row whose geometry changed.
    func updated(fid: Int64, bounds b: (minX: Double, minY: Double, maxX: Double, maxY: Double)) throws {
        updateEntry.bind(b.minX, at: 1); updateEntry.bind(b.maxX, at: 2)
        updateEntry.bind(b.minY, at: 3); updateEntry.bind(b.maxY, at: 4)
        updateEntry.bind(fid, at: 5)
        try updateEntry.run(db)
        updated = true
    }

    /// Deletes rows matching `condition`, and their index entries.
    func delete(where condition: String) throws -> Int {
        try db.execute(sql: "DELETE FROM idx_\(table)_geom WHERE pkid IN (SELECT fid FROM \(table) WHERE \(condition))")
        try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)")
        let count = db.changesCount
        if count > 0 { deleted = true }
        return count
    }

    /// Recreates the triggers and records the change times SpatiaLite keeps.
    func finish() throws {
        for (_, sql) in triggers { try db.execute(sql: sql) }
        var sets: [String] = []
        if inserted { sets.append("last_insert = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')") }
        if updated { sets.append("last_update = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')") }
        if deleted { sets.append("last_delete = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')") }
        if !sets.isEmpty, try db.tableExists("geometry_columns_time") {
            try db.execute(sql: """
                UPDATE geometry_columns_time SET \(sets.joined(separator: ", "))
                WHERE lower(f_table_name) = lower(?) AND lower(f_geometry_column) = 'geom'
                """, arguments: [table])
        }
    }
}
