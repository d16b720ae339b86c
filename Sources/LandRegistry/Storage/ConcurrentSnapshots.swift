import CSpatiaLite
import SpatiaLiteLoader
import Foundation
import GRDB

extension Store {
    /// Runs `work(i, snapshot)` on `count` threads at once, each on a
    /// read-only connection of its own — and every one of them on the same
    /// state of the registry: the snapshots are taken while this
    /// connection holds the write lock, so nothing can commit in between.
    /// `meanwhile` runs on the calling thread once all snapshots are taken;
    /// the call returns when `meanwhile` and every worker have. A worker's
    /// error goes to `failed` at once (to stop the others), and the first
    /// error of a worker or of `meanwhile` is rethrown.
    ///
    /// Returns false, having run nothing, when the write lock cannot be had
    /// within a quarter of a second (another process is writing — a long
    /// import —, or the file is read-only): the caller then works on one
    /// snapshot of its own, which needs no lock and waits for nobody.
    func concurrentSnapshots(_ count: Int, work: @escaping @Sendable (Int, Snapshot) throws -> Void,
                             failed: @escaping @Sendable (any Error) -> Void, meanwhile: () throws -> Void) throws -> Bool {
        let caches = SpatiaLiteCaches()
        defer { caches.freeAll() }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(TimeInterval(Store.busyTimeout))
        // A small page cache per worker (the file's pages are in the kernel's cache): 32 MB each cost a
        // check of 10,000 proposals on 1,000,000 parcels a fifth of its time zeroing new memory.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -4096") }
        let queues = try (0..<count).map { _ in try DatabaseQueue(path: path, configuration: config) }
        defer { for queue in queues { try? queue.close() } }
        let srid = self.srid
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let failures = FailureBox()
        // Hold the write lock while the workers take their snapshots.
        let locked = try database.writeWithoutTransaction { db -> Bool in
            guard try Store.lockAtOnce(db) else { return false }
            defer { try? db.execute(sql: "ROLLBACK") }
            for (index, queue) in queues.enumerated() {
                finished.enter()
                let thread = Thread {
                    defer { finished.leave() }
                    do {
                        try queue.read { db in
                            // The first read fixes the snapshot.
                            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM settings")
                            started.signal()
                            var spatialReady = false
                            try work(index, Snapshot(db, srid: srid, spatial: {
                                // SpatiaLite's functions only if a geometry needs converting.
                                guard !spatialReady else { return }
                                try Store.requireSpatiaLite()
                                landreg_spatialite_init_ex(db.sqliteConnection, caches.make(), 0); spatialReady = true
                            }))
                        }
                    } catch {
                        failures.add(error)
                        failed(error)
                        started.signal()
                    }
                }
                thread.stackSize = 4 << 20
                thread.start()
            }
            for _ in queues { started.wait() }
            return true
        }
        guard locked else { return false }
        do {
            try meanwhile()
        } catch {
            failures.add(error)
        }
        finished.wait()
        if let error = failures.first { throw error }
        return true
    }

    /// `BEGIN IMMEDIATE` if the write lock is free within 250 ms; false if
    /// it is not, or the file cannot be written.
    private static func lockAtOnce(_ db: Database) throws -> Bool {
        try db.execute(sql: "PRAGMA busy_timeout = 250")
        defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Store.busyTimeout * 1000)") }  // the connection's own
        do {
            try db.execute(sql: "BEGIN IMMEDIATE")
            return true
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_READONLY].contains(error.resultCode) {
            return false
        }
    }
}

/// The first error of several threads.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func add(_ error: any Error) {
        lock.lock(); defer { lock.unlock() }
        errors.append(error)
    }

    var first: (any Error)? {
        lock.lock(); defer { lock.unlock() }
        return errors.first
    }
}
