/// A landreg registry: the library's front door. Everything a program does
/// with a registry — import, check, query, review, export, record — is a
/// method of this class, declared in the files of Operations named for
/// what they do (`Registry+Import.swift`, `Registry+Check.swift` …);
/// Storage, below it, is internal.
///
/// ## Connections, snapshots, SpatiaLite
///
/// - One `Registry` per file per process. `open(at:)` opens a GRDB
///   `DatabasePool` (WAL: one writer, up to four concurrent readers, each a
///   consistent snapshot) — right for a long-lived program (a server);
///   `open(at:concurrentReads: false)` opens one connection (a
///   `DatabaseQueue`) — right for a one-shot process (the CLI).
/// - Every write is one IMMEDIATE transaction: all or nothing. An import,
///   a stage change, a setting are each one; a failed one leaves the
///   registry exactly as it was. Writes mark themselves as landreg's, so
///   the triggers that record other programs' edits leave them alone.
/// - Every read is one snapshot (`snapshot {}` inside the library): an
///   operation that asks many questions (a check, a review) asks them of
///   one state. A batch check and a large export read on several snapshots
///   at once (`concurrentSnapshots`), all taken at the same moment; when
///   another process writes meanwhile, they fall back to one.
/// - SpatiaLite is loaded into each pooled connection when it opens. A
///   one-shot process's single connection loads it only when a question
///   needs its SQL functions (about 7 ms): a check of one proposal asks
///   its R*Tree questions in plain SQL (`plainSnapshot`) and never does.
/// - `close()` closes the connections, then frees SpatiaLite's caches.
///
/// Thread safety: the methods may be called from any thread; GRDB
/// serializes the writes and hands each read its own connection.
public final class Registry: @unchecked Sendable {
    /// The database below (Storage).
    let store: Store
    /// How many features match a page's filters, by registry version (`Registry+Pages`).
    let pageCounts = PageCounts()

    /// The registry file.
    public var path: String { store.path }
    /// The registry's projected CRS (EPSG code).
    public var srid: Int { store.srid }

    private init(_ store: Store) { self.store = store }

    /// Creates a new, empty registry (all layers, indexes and settings) in
    /// the projected CRS `srid`; refuses a path that exists.
    public static func create(at path: String, srid: Int = CRS.defaultRegistry) throws -> Registry {
        Registry(try Store.create(at: path, srid: srid))
    }

    /// Opens an existing registry, applying any newer migrations. Never
    /// creates a file. `concurrentReads: false` opens one connection.
    public static func open(at path: String, concurrentReads: Bool = true) throws -> Registry {
        Registry(try Store.open(at: path, concurrentReads: concurrentReads))
    }

    /// Closes every connection, then frees the SpatiaLite caches.
    public func close() throws { try store.close() }

    /// For a program that uses SQLite through landreg alone (the CLI), called
    /// first thing: turns SQLite's memory statistics off (no process-wide
    /// lock on its allocations).
    public static func prepareProcess() { Store.prepareProcess() }

    /// Runs `body` on one read-only snapshot (SpatiaLite's functions available).
    func snapshot<T>(_ body: (Snapshot) throws -> T) throws -> T { try store.snapshot(body) }

    /// A snapshot for questions of plain SQL: a one-shot process that asks
    /// only these never loads SpatiaLite.
    func plainSnapshot<T>(_ body: (Snapshot) throws -> T) throws -> T { try store.plainSnapshot(body) }

    /// Whether the registry has one connection (a one-shot process's), not a pool.
    var isSingleConnection: Bool { store.isSingleConnection }
}
