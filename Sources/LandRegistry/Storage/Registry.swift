import CSpatiaLite
import Foundation
import GRDB

/// A landreg registry: one SpatiaLite database file, opened through a GRDB
/// `DatabasePool` (WAL) with SpatiaLite brought into every connection.
///
/// Concurrency: one `Registry` per file per process; writers take the write
/// lock up front (`BEGIN IMMEDIATE`) and wait for it up to the busy timeout.
public final class Registry: @unchecked Sendable {
    public let path: String
    /// The registry's projected CRS (EPSG code).
    public let srid: Int
    let pool: DatabasePool
    private let caches: SpatiaLiteCaches
    private var closed = false
    /// Reads go to the pool's reader connections (true) or, for one-shot
    /// processes like the CLI, to its writer connection, so that only one
    /// connection is opened (and SpatiaLite brought into it once).
    let concurrentReads: Bool

    private init(path: String, pool: DatabasePool, caches: SpatiaLiteCaches, srid: Int, concurrentReads: Bool) {
        self.path = path
        self.pool = pool
        self.caches = caches
        self.srid = srid
        self.concurrentReads = concurrentReads
    }

    deinit { try? close() }

    /// Closes every connection, then frees the SpatiaLite caches
    /// (`spatialite_cleanup_ex` must follow `sqlite3_close`).
    public func close() throws {
        guard !closed else { return }
        closed = true
        try pool.close()
        caches.freeAll()
    }

    /// Creates a new, empty registry (all layers, indexes and settings).
    public static func create(at path: String, srid: Int = CRS.defaultRegistry) throws -> Registry {
        if FileManager.default.fileExists(atPath: path) {
            throw RegistryError("\(path) already exists; remove it first or choose another --db path")
        }
        guard !CRS.isGeographic(srid) else {
            throw RegistryError("--srid \(srid) is geographic; a registry needs a projected CRS in metres (e.g. 4547)")
        }
        let (pool, caches) = try openPool(path)
        do {
            try pool.writeWithoutTransaction { db in
                // InitSpatialMetaData(1) opens its own transaction.
                let ok = try Int.fetchOne(db, sql: "SELECT InitSpatialMetaData(1)") ?? 0
                guard ok == 1 else { throw RegistryError("SpatiaLite could not initialise \(path)") }
                let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM spatial_ref_sys WHERE srid = ?",
                                             arguments: [srid]) ?? 0
                guard known == 1 else { throw RegistryError("--srid \(srid) is not an EPSG code SpatiaLite knows") }
                let unit = try String.fetchOne(db, sql: "SELECT SridGetUnit(?)", arguments: [srid]) ?? ""
                guard unit.lowercased().hasPrefix("m") else {
                    throw RegistryError("--srid \(srid) is not in metres (unit: \(unit)); choose a projected CRS such as 4547")
                }
            }
            try Migrations.migrator(srid: srid).migrate(pool)
        } catch {
            try? pool.close()
            caches.freeAll()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        return Registry(path: path, pool: pool, caches: caches, srid: srid, concurrentReads: true)
    }

    /// Opens an existing registry, applying any newer migrations. Never
    /// creates a file. `concurrentReads: false` makes every read use the
    /// pool's single writer connection: right for a one-shot process, which
    /// then opens one connection instead of two.
    public static func open(at path: String, concurrentReads: Bool = true) throws -> Registry {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegistryError("no registry at \(path) (create one with 'landreg init', or pass --db PATH)")
        }
        guard !isDirectory.boolValue else { throw RegistryError("\(path) is a directory, not a registry") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RegistryError("\(path) cannot be read (permission denied)")
        }
        let pool: DatabasePool
        let caches: SpatiaLiteCaches
        do {
            (pool, caches) = try openPool(path)
        } catch let error as DatabaseError {
            throw RegistryError("\(path) is not a landreg registry: \(error.message ?? "\(error.resultCode)")")
        }
        do {
            let (srid, migrated) = try pool.writeWithoutTransaction { db -> (Int?, Bool) in
                guard try db.tableExists("settings") else { return (nil, true) }
                let srid = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'srid'").flatMap(Int.init)
                return (srid, try srid.map { try Migrations.migrator(srid: $0).hasCompletedMigrations(db) } ?? true)
            }
            guard let srid else { throw RegistryError("\(path) is not a landreg registry (no settings table)") }
            if !migrated {
                try Migrations.migrator(srid: srid).migrate(pool)
            }
            return Registry(path: path, pool: pool, caches: caches, srid: srid, concurrentReads: concurrentReads)
        } catch {
            try? pool.close()
            caches.freeAll()
            if let error = error as? DatabaseError {
                throw RegistryError("\(path) is not a landreg registry: \(error.message ?? "\(error.resultCode)")")
            }
            throw error
        }
    }

    private static func openPool(_ path: String) throws -> (DatabasePool, SpatiaLiteCaches) {
        let caches = SpatiaLiteCaches()
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.maximumReaderCount = 4
        config.prepareDatabase { db in
            let cache = caches.make()
            spatialite_init_ex(db.sqliteConnection, cache, 0)
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        }
        do {
            return (try DatabasePool(path: path, configuration: config), caches)
        } catch {
            caches.freeAll()
            throw error
        }
    }

    /// Runs `block` in one immediate write transaction: all or nothing.
    func write<T>(_ block: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try block(db)
                return .commit
            }
            return result!
        }
    }

    /// Runs `block` on a read-only snapshot.
    func read<T>(_ block: (Database) throws -> T) throws -> T {
        guard !concurrentReads else { return try pool.read(block) }
        return try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.deferred) {
                result = try block(db)
                return .commit
            }
            return result!
        }
    }

    // MARK: Settings

    /// All settings as (name, value), sorted by name.
    public func settings() throws -> [(String, String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, value FROM settings ORDER BY name").map { ($0[0], $0[1]) }
        }
    }

    /// A numeric setting, or its default when absent.
    public func setting(_ name: Setting) throws -> Double {
        try read { db in try setting(name, db) }
    }

    func setting(_ name: Setting, _ db: Database) throws -> Double {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = ?", arguments: [name.rawValue])
            .flatMap(Double.init) ?? name.defaultValue
    }

    // MARK: Info

    /// Versions of the libraries behind the registry.
    public func versions() throws -> [(String, String)] {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT spatialite_version(), proj_version(), geos_version(), sqlite_version()")!
            return [("SpatiaLite", row[0] ?? "?"), ("PROJ", row[1] ?? "?"),
                    ("GEOS", GEOSContext.version), ("SQLite", row[3] ?? "?")]
        }
    }

    /// The number of features in each layer.
    public func counts() throws -> [(Layer, Int)] {
        try read { db in
            try Layer.allCases.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.table)") ?? 0) }
        }
    }
}

/// The SpatiaLite connection caches (`spatialite_alloc_connection`), one per
/// connection, freed together once the pool is closed.
final class SpatiaLiteCaches: @unchecked Sendable {
    private let lock = NSLock()
    private var caches: [UnsafeMutableRawPointer] = []

    func make() -> UnsafeMutableRawPointer? {
        guard let cache = spatialite_alloc_connection() else { return nil }
        lock.lock(); defer { lock.unlock() }
        caches.append(cache)
        return cache
    }

    func freeAll() {
        lock.lock(); defer { lock.unlock() }
        for cache in caches { spatialite_cleanup_ex(cache) }
        caches.removeAll()
    }
}

/// Numeric settings of a registry: the rule thresholds.
public enum Setting: String, CaseIterable, Sendable {
    case overlapMinimum = "overlap_min_m2"
    case sequencingDistance = "sequencing_distance_m"
    case concentratedFarmlandDistance = "concentrated_farmland_distance_m"
    case countySeatDistance = "county_seat_distance_m"

    public var defaultValue: Double {
        switch self {
        case .overlapMinimum: return 1
        case .sequencingDistance: return 500
        case .concentratedFarmlandDistance: return 1000
        case .countySeatDistance: return 20000
        }
    }
}

extension Registry {
    /// Changes a numeric setting (a rule threshold); returns the old value.
    /// The change is kept in `settings_log` with who made it and when.
    @discardableResult
    public func setSetting(_ name: String, to text: String, by: String) throws -> Double {
        guard let setting = Setting(rawValue: name) else {
            throw InputError(file: path, property: name,
                             message: "unknown setting; the settings are \(Setting.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw InputError(file: path, property: name, message: "'\(text)' is not a number of metres or square metres ≥ 0")
        }
        return try write { db in
            let old = try self.setting(setting, db)
            try db.execute(sql: """
                INSERT INTO settings (name, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, arguments: [name, formatNumber(value)])
            try db.execute(sql: """
                INSERT INTO settings_log (name, old_value, new_value, changed_by) VALUES (?, ?, ?, ?)
                """, arguments: [name, formatNumber(old), formatNumber(value), by])
            // Settings changes belong to the history of everything, too.
            try db.execute(sql: """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties)
                VALUES ('settings', ?, 'settings', ?, ?, ?, ?)
                """, arguments: [name, todayUTC(), by, "settings set \(name) \(formatNumber(value))",
                                 JSONValue.object([("value", .number(value, formatNumber(value)))]).jsonText])
            return old
        }
    }

    /// One past check run.
    public struct CheckRun: Sendable {
        public let id: Int64
        public let checkedAt: String
        public let checkedBy: String
        public let file: String
        public let proposals: Int, block: Int, condition: Int, warn: Int, clear: Int
    }

    /// The recorded check runs, newest first.
    public func checkRuns(limit: Int = 50) throws -> [CheckRun] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, checked_at, checked_by, file, proposals, block, condition, warn, clear
                FROM check_runs ORDER BY id DESC LIMIT ?
                """, arguments: [limit]).map {
                CheckRun(id: $0[0], checkedAt: $0[1], checkedBy: $0[2], file: $0[3], proposals: $0[4],
                         block: $0[5], condition: $0[6], warn: $0[7], clear: $0[8])
            }
        }
    }

    /// The recorded checks of one proposal id: (run, checked at, verdict, findings JSON).
    public func checks(of proposalID: String) throws -> [(run: Int64, checkedAt: String, verdict: String, findings: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.run_id, r.checked_at, c.verdict, c.findings FROM checks c JOIN check_runs r ON r.id = c.run_id
                WHERE c.proposal_id = ? ORDER BY c.id
                """, arguments: [proposalID]).map { ($0[0], $0[1], $0[2], $0[3]) }
        }
    }
}
