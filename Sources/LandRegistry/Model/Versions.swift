/// The version an edit expects a feature to be at: the id of its latest
/// history row (an HTTP `ETag`), or nil for a feature that must not exist yet.
public struct ExpectedVersion: Sendable, Equatable {
    public var code: String
    public var version: Int64?

    public init(code: String, version: Int64?) {
        self.code = code
        self.version = version
    }
}

/// An edit refused because the feature changed since its writer read it
/// (or exists, or no longer exists): nothing was written.
public struct VersionConflict: LandRegistryError {
    public let layer: Layer
    public let code: String
    public let expected: Int64?
    public let actual: Int64?

    public func text(_ language: ReportLanguage, with words: [String: String]) -> String {
        let message: Phrase
        switch (expected, actual) {
        case (nil, _?): message = "\(term: layer) has a feature '\(code)' already"
        case (_?, nil): message = "\(term: layer) has no feature '\(code)' now"
        default: message = "feature '\(code)' of \(term: layer) changed since version \(String(expected ?? 0)): it is at version \(String(actual ?? 0)) now"
        }
        return message.text(language, with: words)
    }
}
