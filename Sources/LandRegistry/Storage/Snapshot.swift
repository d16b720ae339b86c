import GRDB

/// One read-only snapshot of the registry, for an operation that asks many
/// questions of the same state (the check of one proposal, a review). The
/// questions are its methods, in the storage files; the operation never sees
/// the database connection.
final class Snapshot {
    let db: Database
    let srid: Int

    init(_ db: Database, srid: Int) {
        self.db = db
        self.srid = srid
    }
}

extension Registry {
    /// Runs `body` on one read-only snapshot.
    func snapshot<T>(_ body: (Snapshot) throws -> T) throws -> T {
        try read { db in try body(Snapshot(db, srid: srid)) }
    }
}
