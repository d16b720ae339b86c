import CSpatiaLite
import SpatiaLiteLoader
import Foundation
import GRDB

/// The database of a registry (the public `Registry` holds one): one
/// SpatiaLite database file, opened through GRDB —
/// a `DatabasePool` (WAL, concurrent readers) or, for a one-shot process, a
/// `DatabaseQueue` (one connection) — with SpatiaLite brought into every
/// connection in `Configuration.prepareDatabase`.
///
/// Concurrency: one `Registry` per file per process; writes are GRDB's
/// `write {}` (an IMMEDIATE transaction: all or nothing), reads its
/// `read {}` (a snapshot).
final class Store: @unchecked Sendable {
    let path: String
    /// The registry's projected CRS (EPSG code).
    let srid: Int
    let database: any DatabaseWriter
    private let caches: SpatiaLiteCaches
    private var closed = false
    /// Whether SpatiaLite is brought into the connection only when needed
    /// (one connection, a one-shot process), and whether it has been.
    private let lazySpatial: Bool
    /// Whether the registry has one connection (the CLI's), not a pool.
    var isSingleConnection: Bool { lazySpatial }
    private let spatialLock = NSLock()
    private var spatialReady = false

    private init(path: String, database: any DatabaseWriter, caches: SpatiaLiteCaches, srid: Int, lazySpatial: Bool = false) {
        self.path = path
        self.database = database
        self.caches = caches
        self.srid = srid
        self.lazySpatial = lazySpatial
    }

    /// Whether SpatiaLite is in the connection(s) yet.
    var isSpatialLoaded: Bool { !lazySpatial || spatialLock.withLock { spatialReady } }

    /// Brings SpatiaLite into a lazily opened registry's connection, once.
    func ensureSpatial(_ db: Database) throws {
        guard lazySpatial else { return }
        spatialLock.lock(); defer { spatialLock.unlock() }
        guard !spatialReady else { return }
        try Store.requireSpatiaLite()
        landreg_spatialite_init_ex(db.sqliteConnection, caches.make(), 0)
        spatialReady = true
    }

    /// Throws, saying why, when libspatialite cannot be loaded (it is loaded on first need).
    static func requireSpatiaLite() throws {
        guard let problem = landreg_spatialite_problem() else { return }
        throw RegistryError("SpatiaLite cannot be loaded (\(String(cString: problem))): install libspatialite (Debian: libspatialite7)")
    }

    deinit { try? close() }

    /// Closes every connection, then frees the SpatiaLite caches
    /// (`spatialite_cleanup_ex` must follow `sqlite3_close`).
    func close() throws {
        guard !closed else { return }
        closed = true
        try database.close()
        caches.freeAll()
    }

    /// Each connection's page cache (KiB).
    static let pageCacheKiB = 65536

    /// For a program that uses SQLite through landreg alone (the CLI), called
    /// first thing: turns SQLite's memory statistics off, so that its
    /// allocations take no process-wide lock (a large import took an
    /// eighth longer with it). Once SQLite is in use it changes nothing.
    static func prepareProcess() {
        _ = landreg_sqlite3_memstatus_off()
    }

    /// Creates a new, empty registry (all layers, indexes and settings) in
    /// the projected CRS `srid`.
    static func create(at path: String, srid: Int) throws -> Store {
        if FileManager.default.fileExists(atPath: path) {
            throw RegistryError("\(path) already exists; remove it first or choose another path", remedy: .chooseAnotherPath)
        }
        guard !CRS.isGeographic(srid) else {
            throw InvalidArgument(.registryCRS, "EPSG:\(srid) is geographic; a registry needs a projected CRS in metres (e.g. 4547)")
        }
        let (pool, caches) = try openDatabase(path, single: false)
        do {
            try pool.writeWithoutTransaction { db in
                // InitSpatialMetaData(1) opens its own transaction.
                let ok = try Int.fetchOne(db, sql: "SELECT InitSpatialMetaData(1)") ?? 0
                guard ok == 1 else { throw RegistryError("SpatiaLite could not initialise \(path)") }
                try checkRegistryCRS(db, srid)
            }
            try Migrations.migrator(srid: srid).migrate(pool)
        } catch {
            try? pool.close()
            caches.freeAll()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        return Store(path: path, database: pool, caches: caches, srid: srid)
    }

    private static func checkRegistryCRS(_ db: Database, _ srid: Int) throws {
        let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM spatial_ref_sys WHERE srid = ?", arguments: [srid]) ?? 0
        guard known == 1 else { throw InvalidArgument(.registryCRS, "EPSG:\(srid) is not an EPSG code SpatiaLite knows") }
        let unit = try String.fetchOne(db, sql: "SELECT SridGetUnit(?)", arguments: [srid]) ?? ""
        guard unit.lowercased().hasPrefix("m") else {
            throw InvalidArgument(.registryCRS, "EPSG:\(srid) is not in metres (unit: \(unit)); choose a projected CRS such as 4547")
        }
    }

    /// Opens an existing registry, applying any newer migrations. Never
    /// creates a file. `concurrentReads: false` opens one connection (a
    /// GRDB `DatabaseQueue`): right for a one-shot process such as the CLI.
    static func open(at path: String, concurrentReads: Bool) throws -> Store {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegistryError("no registry at \(path)", remedy: .createRegistry)
        }
        guard !isDirectory.boolValue else { throw RegistryError("\(path) is a directory, not a registry") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RegistryError("\(path) cannot be read (permission denied)")
        }
        let database: any DatabaseWriter
        let caches: SpatiaLiteCaches
        do {
            (database, caches) = try openDatabase(path, single: !concurrentReads)
        } catch let error as DatabaseError {
            throw RegistryError("\(path) is not a landreg registry: \(error.message ?? "\(error.resultCode)")")
        }
        do {
            let srid = try database.read { db -> Int? in
                guard try db.tableExists("settings") else { return nil }
                return try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'srid'").flatMap(Int.init)
            }
            guard let srid else { throw RegistryError("\(path) is not a landreg registry (no settings table)") }
            let registry = Store(path: path, database: database, caches: caches, srid: srid, lazySpatial: !concurrentReads)
            let migrator = Migrations.migrator(srid: srid)
            if try !database.read(migrator.hasCompletedMigrations) {
                try database.writeWithoutTransaction { try registry.ensureSpatial($0) }
                try migrator.migrate(database)
            }
            return registry
        } catch {
            try? database.close()
            caches.freeAll()
            if let error = error as? DatabaseError {
                throw RegistryError("\(path) is not a landreg registry: \(error.message ?? "\(error.resultCode)")")
            }
            throw error
        }
    }

    /// How long a connection waits for another's lock, in seconds.
    static let busyTimeout = 30

    private static func openDatabase(_ path: String, single: Bool) throws -> (any DatabaseWriter, SpatiaLiteCaches) {
        // Connections that take SpatiaLite at once need it loadable (a one-shot process loads it when it needs it).
        if !single { try requireSpatiaLite() }
        let caches = SpatiaLiteCaches()
        var config = Configuration()
        config.busyMode = .timeout(TimeInterval(busyTimeout))
        config.maximumReaderCount = 4
        config.prepareDatabase { db in
            // One connection of a one-shot process gets SpatiaLite when it first needs it (`ensureSpatial`).
            if !single { landreg_spatialite_init_ex(db.sqliteConnection, caches.make(), 0) }
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(Store.pageCacheKiB)")
        }
        do {
            if single { return (try DatabaseQueue(path: path, configuration: config), caches) }
            return (try DatabasePool(path: path, configuration: config), caches)
        } catch {
            caches.freeAll()
            throw error
        }
    }

    /// One write transaction (GRDB's `write`, IMMEDIATE): all or nothing.
    /// It marks itself as landreg's (`landreg_writer`), so that the triggers
    /// that record outside edits leave its changes to landreg's own history rows.
    /// `spatial: false` leaves a lazily opened connection without SpatiaLite
    /// (about 7 ms to bring in) for a block that calls `ensureSpatial` itself
    /// if it comes to need it.
    func write<T>(spatial: Bool = true, _ block: (Database) throws -> T) throws -> T {
        try database.write { db in
            if spatial { try ensureSpatial(db) }
            try db.execute(sql: "UPDATE landreg_writer SET active = 1")
            let result = try block(db)
            try db.execute(sql: "UPDATE landreg_writer SET active = 0")
            return result
        }
    }

    /// One read-only snapshot (GRDB's `read`).
    func read<T>(_ block: (Database) throws -> T) throws -> T {
        try database.read { db in
            try ensureSpatial(db)
            return try block(db)
        }
    }
}

/// The SpatiaLite connection caches (`spatialite_alloc_connection`), one per
/// connection, freed together once the connections are closed.
final class SpatiaLiteCaches: @unchecked Sendable {
    private let lock = NSLock()
    private var caches: [UnsafeMutableRawPointer] = []

    func make() -> UnsafeMutableRawPointer? {
        guard let cache = landreg_spatialite_alloc_connection() else { return nil }
        lock.lock(); defer { lock.unlock() }
        caches.append(cache)
        return cache
    }

    func freeAll() {
        lock.lock(); defer { lock.unlock() }
        for cache in caches { landreg_spatialite_cleanup_ex(cache) }
        caches.removeAll()
    }
}
