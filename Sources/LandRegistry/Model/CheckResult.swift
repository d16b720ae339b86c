/// One rule met by one registry feature.
public struct Finding: Sendable {
    public let rule: Rule
    public let layer: Layer
    public let code: String
    /// The feature's name, or what people call it (磨河泉 二级保护区).
    public let name: Phrase?
    /// Area of the intersection in m² (0 for distance-only findings and points).
    public let overlapM2: Double
    /// Shortest distance in m (0 for overlaps).
    public let distanceM: Double
    /// The feature's geometry in the registry's CRS, when the check keeps
    /// geometry for maps (`CheckOptions.context`).
    public var shape: Shape?
    public var severity: Severity { rule.severity }
}

/// The check of one proposal.
public struct CheckResult: Sendable {
    public let proposal: Proposal
    public let findings: [Finding]
    /// The proposal's geometry in the registry's CRS.
    public let shape: Shape
    /// Its area in m² (0 for points and lines).
    public let areaM2: Double
    /// Features within `CheckOptions.context` metres, when asked for.
    public var context: [MapFeature] = []
    /// The most severe finding's severity, or clear.
    public var verdict: Verdict { Verdict(findings.map(\.severity).max()) }
}

/// Counts of verdicts over a batch.
public struct CheckSummary: Sendable {
    public var proposals = 0
    public var block = 0
    public var condition = 0
    public var warn = 0
    public var clear = 0

    mutating func add(_ verdict: Verdict) {
        proposals += 1
        switch verdict {
        case .block: block += 1
        case .condition: condition += 1
        case .warn: warn += 1
        case .clear: clear += 1
        }
    }
}

/// One past check run (`checks`).
public struct CheckRun: Sendable {
    public let id: Int64
    /// The day the check was made: its own date when entered later (`check --date`), else the day recorded.
    public let date: String
    public let checkedAt: String
    public let checkedBy: String
    public let file: String
    public let proposals: Int, block: Int, condition: Int, warn: Int, clear: Int
}

/// One recorded check of a proposal (`checks PROPOSAL-ID`).
public struct RecordedCheck: Sendable {
    public let run: Int64
    /// The day it was made.
    public let date: String
    public let checkedAt: String
    public let verdict: Verdict
    /// The findings as recorded: a JSON array (rule, severity, layer, code, overlap_m2, distance_m).
    public let findings: String
}
