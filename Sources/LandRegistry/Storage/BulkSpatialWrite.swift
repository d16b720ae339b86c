import GRDB

/// A bulk write to a table with a SpatiaLite geometry column (a layer, the
/// check records) that checks its blobs itself and keeps its R*Tree
/// (`idx_<table>_geom`) up to date without SpatiaLite's per-row triggers,
/// which re-run SQL for every row and cost more than the insert itself.
///
/// A small write into a large layer updates the R*Tree entry by entry at the
/// end; a large one (more than a quarter of the layer, at least 10,000 rows)
/// rebuilds it from the table in one packed pass (`RTreeBulkLoad`).
///
/// The triggers are dropped when the write starts and recreated, exactly as
/// they were, by `finish()`; both happen inside the caller's transaction, so
/// a failed or killed import rolls the schema back with the data.
final class BulkSpatialWrite {
    let db: Database
    let table: String
    let index: String
    @exclusivity(unchecked) private var triggers: [(String, String)] = []
    @exclusivity(unchecked) private var pending: [(update: Bool, entry: RTreeEntry)] = []
    @exclusivity(unchecked) private var rebuild = false
    private let threshold: Int
    /// Whether the geometry column has an R*Tree.
    private let indexed: Bool
    /// Every entry added to an index that was empty, while nothing else
    /// changed: a rebuild needs no reading back of the rows.
    @exclusivity(unchecked) private var added: [RTreeEntry]?
    /// Brings SpatiaLite into the connection, for a blob landreg cannot read.
    private let spatial: () throws -> Void
    @exclusivity(unchecked) private var inserted = false, updated = false, deleted = false

    /// SpatiaLite's triggers on a geometry column: type/SRID constraints,
    /// spatial index maintenance, last-change times.
    private static let prefixes = ["ggi", "ggu", "gii", "giu", "gid", "tmi", "tmu", "tmd"]

    init(_ db: Database, table: String, spatial: @escaping () throws -> Void = {}) throws {
        self.db = db
        self.spatial = spatial
        self.table = table
        self.index = "idx_\(table)_geom"
        // And landreg's own triggers that record outside edits (the import records its changes itself).
        let names = Set(BulkSpatialWrite.prefixes.map { "\($0)_\(table)_geom" } + ["insert", "update", "delete"].map { "landreg_\($0)_\(table)" })
        triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                    arguments: [table])
            .map { ($0[0] as String, $0[1] as String) }
            .filter { names.contains($0.0) }
        for (name, _) in triggers { try db.execute(sql: "DROP TRIGGER \"\(name)\"") }
        indexed = try db.tableExists("\(index)_rowid")
        let existing = indexed ? try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(index)_rowid\"") ?? 0 : 0
        threshold = max(10_000, existing / 4)
        added = existing == 0 ? [] : nil
    }

    /// A new row in a table without a spatial index.
    func insertedUnindexed() { inserted = true }

    /// A new row to index.
    func inserted(fid: Int64, bounds b: Envelope) {
        inserted = true
        record(update: false, RTreeEntry(id: fid, minX: b.minX, maxX: b.maxX, minY: b.minY, maxY: b.maxY))
    }

    /// A row whose geometry changed.
    func updated(fid: Int64, bounds b: Envelope) {
        updated = true
        record(update: true, RTreeEntry(id: fid, minX: b.minX, maxX: b.maxX, minY: b.minY, maxY: b.maxY))
    }

    private func record(update: Bool, _ entry: RTreeEntry) {
        guard indexed else { return }
        if update { added = nil } else { added?.append(entry) }
        guard !rebuild else { return }
        pending.append((update, entry))
        if pending.count > threshold {
            rebuild = true
            pending = []
        }
    }

    /// Applies the pending entries one by one through the r-tree module.
    private func flushPending() throws {
        guard !pending.isEmpty else { return }
        let insert = FastStatement(try db.makeStatement(sql:
            "INSERT INTO \"\(index)\" (xmin, xmax, ymin, ymax, pkid) VALUES (?, ?, ?, ?, ?)"))
        let update = FastStatement(try db.makeStatement(sql:
            "UPDATE \"\(index)\" SET xmin = ?, xmax = ?, ymin = ?, ymax = ? WHERE pkid = ?"))
        for (isUpdate, entry) in pending {
            let statement = isUpdate ? update : insert
            statement.bind(Double(entry.minX), at: 1); statement.bind(Double(entry.maxX), at: 2)
            statement.bind(Double(entry.minY), at: 3); statement.bind(Double(entry.maxY), at: 4)
            statement.bind(entry.id, at: 5)
            try statement.run(db)
        }
        pending = []
    }

    /// Deletes rows matching `condition`, and their index entries.
    func delete(where condition: String) throws -> Int {
        if indexed, !rebuild {
            try flushPending()
            try db.execute(sql: "DELETE FROM \"\(index)\" WHERE pkid IN (SELECT fid FROM \(table) WHERE \(condition))")
        }
        try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)")
        let count = db.changesCount
        if count > 0 {
            deleted = true
            added = nil
        }
        return count
    }

    /// Brings the index up to date, recreates the triggers and records the
    /// change times SpatiaLite keeps.
    func finish() throws {
        if rebuild {
            var entries = try added ?? boxes()
            added = nil
            try RTreeBulkLoad.rebuild(db, name: index, entries: &entries)
        } else {
            try flushPending()
        }
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

    /// Every row's bounding box, read from the head of its SpatiaLite blob
    /// (which every blob has, compressed or not); through SpatiaLite's
    /// `MbrMinX`… only when a blob has no such head.
    private func boxes() throws -> [RTreeEntry] {
        var entries: [RTreeEntry] = []
        let rows = FastStatement(try db.makeStatement(sql: "SELECT fid, geom FROM \(table) WHERE geom IS NOT NULL"))
        defer { rows.reset() }
        while try rows.step(db) {
            guard let b = rows.withBlob(1, Shape.spatiaLiteBounds) else {
                try spatial()
                return try boxesThroughSpatiaLite()
            }
            entries.append(RTreeEntry(id: rows.int64(0), minX: b.minX, maxX: b.maxX, minY: b.minY, maxY: b.maxY))
        }
        return entries
    }

    private func boxesThroughSpatiaLite() throws -> [RTreeEntry] {
        var entries: [RTreeEntry] = []
        let rows = FastStatement(try db.makeStatement(sql: """
            SELECT fid, MbrMinX(geom), MbrMaxX(geom), MbrMinY(geom), MbrMaxY(geom) FROM \(table) WHERE geom IS NOT NULL
            """))
        defer { rows.reset() }
        while try rows.step(db) {
            entries.append(RTreeEntry(id: rows.int64(0), minX: rows.double(1), maxX: rows.double(2),
                                      minY: rows.double(3), maxY: rows.double(4)))
        }
        return entries
    }
}
