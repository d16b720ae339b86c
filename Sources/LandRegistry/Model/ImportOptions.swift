import Foundation

/// How an import treats features already in the layer.
public enum ImportMode: String, CaseIterable, Sendable {
    /// Add features; a code already in the layer is an error.
    case insert
    /// Update features by code, add new ones.
    case upsert
    /// Make the layer exactly the file: upsert, then delete codes not in it.
    case replace
}

public struct ImportOptions: Sendable {
    public var mode: ImportMode
    /// The CRS of the input, overriding what the file declares.
    public var srid: Int?
    /// Repair invalid geometries with GEOS instead of rejecting them.
    public var makeValid: Bool
    /// The date the changes take effect in the world (YYYY-MM-DD) for
    /// features without their own `stage_date` / `permit_date`; default today.
    public var effectiveDate: String?
    /// Who imports, for the history.
    public var by: String
    /// The command, for the history.
    public var command: String
    /// Why features are removed (`replace`): needed to remove a risk-plot on
    /// the risk list or unresolved; recorded on each deletion.
    public var note: String?
    /// Do everything but keep nothing: the counts (and the codes `replace`
    /// would delete) of an import that is then rolled back.
    public var dryRun: Bool
    /// Write only if this feature is still at this version (an HTTP edit's `If-Match`), in the same transaction.
    public var expectedVersion: ExpectedVersion?

    public init(mode: ImportMode = .insert, srid: Int? = nil, makeValid: Bool = false, effectiveDate: String? = nil,
                by: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown", command: String = "import",
                note: String? = nil, dryRun: Bool = false) {
        self.mode = mode
        self.srid = srid
        self.makeValid = makeValid
        self.effectiveDate = effectiveDate
        self.by = by
        self.command = command
        self.note = note
        self.dryRun = dryRun
    }
}

/// What an import did.
public struct ImportCounts: Equatable, Sendable {
    public var read = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var deleted = 0
    /// The codes `replace` deleted (or, in a dry run, would delete).
    public var deletedCodes: [String] = []
    /// Features whose geometry `--make-valid` repaired, with GEOS's reason.
    public var repaired: [(code: String, reason: Phrase)] = []

    public static func == (a: ImportCounts, b: ImportCounts) -> Bool {
        a.read == b.read && a.inserted == b.inserted && a.updated == b.updated
            && a.unchanged == b.unchanged && a.deleted == b.deleted && a.repaired.count == b.repaired.count
    }
}
