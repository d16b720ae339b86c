/// What the registry holds, read as it is now: features, histories, the
/// recorded checks, the settings and the registry's own description.
extension Registry {
    /// A layer's features now, filtered by properties.
    public func features(_ layer: Layer, filters: [PropertyFilter] = []) throws -> [StoredFeature] {
        try store.features(layer, filters: filters)
    }

    /// One feature by code, or nil.
    public func feature(_ layer: Layer, code: String) throws -> StoredFeature? { try store.feature(layer, code: code) }

    /// Every recorded change of one feature, oldest first.
    public func history(_ layer: Layer, code: String) throws -> [HistoryEntry] { try store.history(layer, code: code) }

    /// The earliest effective date the history knows (nil for an empty registry).
    public func earliestKnownDate() throws -> String? { try store.earliestKnownDate() }

    /// The recorded check runs, newest first.
    public func checkRuns(limit: Int = 50) throws -> [CheckRun] { try store.checkRuns(limit: limit) }

    /// The recorded checks of one proposal id, oldest first.
    public func checks(of proposalID: String) throws -> [RecordedCheck] { try store.checks(of: proposalID) }

    /// Every setting by name, as stored (the rule thresholds, the CRS, the schema version).
    public func settings() throws -> [(String, String)] { try store.settings() }

    /// A numeric setting, or its default.
    public func setting(_ name: Setting) throws -> Double { try store.setting(name) }

    /// The versions of landreg's libraries (SQLite, SpatiaLite, GEOS, PROJ) as the registry runs them.
    public func versions() throws -> [(String, String)] { try store.versions() }

    /// Each layer's feature count.
    public func counts() throws -> [(Layer, Int)] { try store.counts() }

    /// What a check's report must say about the registry it was made on:
    /// its counties, the coverage margin, the settings changed from their
    /// defaults, the rule layers that hold nothing a rule tests.
    public func checkConditions() throws -> CheckConditions { try store.checkConditions() }

    /// The registry as reports describe it: path, CRS, counts, versions.
    public func describe() throws -> RegistryDescription { try store.describe() }
}
