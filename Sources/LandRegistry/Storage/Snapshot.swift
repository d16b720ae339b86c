import GRDB

/// One read-only snapshot of the registry, for an operation that asks many
/// questions of the same state (the check of one proposal, a review). The
/// questions are its methods, in the storage files; the operation never sees
/// the database connection.
final class Snapshot {
    let db: Database
    let srid: Int
    /// Brings SpatiaLite's SQL functions into the connection if they are not yet.
    let spatial: () throws -> Void
    /// The candidate lookups prepared on this snapshot, by layer and concerns.
    var lookups: [LookupKey: CandidateLookup] = [:]
    /// How often each layer was asked for candidates, and the layers read
    /// into memory (nil: too large) — see `ResidentLayer`.
    var lookupsAsked: [Layer: Int] = [:]
    var residents: [Layer: ResidentLayer?] = [:]

    /// What a prepared candidate lookup is for.
    struct LookupKey: Hashable {
        let layer: Layer
        let concerns: [Concern]
    }

    init(_ db: Database, srid: Int, spatial: @escaping () throws -> Void = {}) {
        self.db = db
        self.srid = srid
        self.spatial = spatial
    }
}

extension Store {
    /// Runs `body` on one read-only snapshot (SpatiaLite's functions available).
    func snapshot<T>(_ body: (Snapshot) throws -> T) throws -> T {
        try read { db in try body(Snapshot(db, srid: srid)) }
    }

    /// A snapshot for questions of plain SQL (the check's R*Tree lookups):
    /// a one-shot process that asks only these never loads SpatiaLite's
    /// functions into its connection.
    func plainSnapshot<T>(_ body: (Snapshot) throws -> T) throws -> T {
        try database.read { db in try body(Snapshot(db, srid: srid, spatial: { try self.ensureSpatial(db) })) }
    }
}
