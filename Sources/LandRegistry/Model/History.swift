/// One recorded change of a feature.
public struct HistoryEntry: Sendable {
    public let id: Int64
    public let action: ChangeKind
    public let recordedAt: String
    public let effectiveDate: String
    public let recordedBy: String
    public let command: String
    public let doc: String?
    public let note: String?
    /// The properties after the change (nil for a deletion).
    public let after: [(String, JSONValue)]?
    /// The properties before it (nil for the first record).
    public let before: [(String, JSONValue)]?
    public let geometryChanged: Bool

    /// Inserted without any date: known since the beginning (contract §8).
    public var isSinceTheBeginning: Bool { effectiveDate == ChangeStamp.beginning }
}

/// Who made a change, how, and when it takes effect in the world: what every
/// history row records beside the feature's new state.
struct ChangeStamp {
    /// The effective date of a feature inserted without any date: known
    /// since the beginning, so every `as of` view includes it (contract §8).
    static let beginning = "0001-01-01"

    /// Why a change dated `date` is refused after one effective on `latest`
    /// (README, "One history, whatever the order").
    static func outOfOrder(_ date: String, after latest: String) -> Phrase {
        "\(date) is before the feature's latest recorded change (\(latest)): changes are entered in date order"
    }

    var effective: String
    var by: String
    var command: String
    var doc: String? = nil
    var note: String? = nil
}
