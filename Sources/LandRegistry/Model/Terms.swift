/// The contract's enumerations as `Term`s: each names its context in the
/// one terms table (`Terms.zh`), where its Chinese is. The types declared
/// elsewhere (`Layer`, `Stage` …) conform here, so that every word people
/// read is found from this one file.

extension Terms {
    /// Every termed type: what `TermsTests` and `Tools/check-layers` check
    /// is complete in the terms table.
    public static let types: [any Term.Type] = [
        Layer.self, Subject.self, Stage.self, FarmlandClass.self, ZoneLevel.self, SourceType.self, OutfallType.self,
        AdminKind.self, PermitStatus.self, WaterBody.self, WaterClass.self, ProposalAction.self, Severity.self, Verdict.self,
        LegalBasis.Source.Kind.self, RemedyMeasure.self, RemedyEvent.Event.self, MonitoringParameter.self, MonitoringKind.self,
        ChangeKind.self, AuditCheck.self, ReviewEvent.self, OutfallConcern.self, Supervision.self, Meets.self, YesNo.self,
        JSONType.self, GeometryType.self,
    ]
}

extension Layer: Term { public static let context = "layer" }
extension Stage: Term { public static let context = "stage" }
extension FarmlandClass: Term { public static let context = "class" }
extension ZoneLevel: Term { public static let context = "level" }
extension ProposalAction: Term { public static let context = "action" }
extension Severity: Term { public static let context = "severity" }
extension RemedyMeasure: Term { public static let context = "measure" }
extension RemedyEvent.Event: Term { public static let context = "remedy_event" }
extension MonitoringParameter: Term { public static let context = "parameter" }
extension MonitoringKind: Term { public static let context = "monitoring" }
extension LegalBasis.Source.Kind: Term { public static let context = "source" }
extension GeometryType: Term { public static let context = "geometry" }
extension WaterClass: Term {
    public static let context = "water_class"
    public var name: String { description }
}

/// What the audit checks: first what other programs can write
/// (`invalid-geometry` … `illegal-stage-change`), then the data's sense.
public enum AuditCheck: String, Term {
    case invalidGeometry = "invalid-geometry"
    case wrongGeometryType = "wrong-geometry-type"
    case unknownValue = "unknown-value"
    case illegalStageChange = "illegal-stage-change"
    case townMismatch = "town-mismatch"
    case outsideCounty = "outside-county"
    case farmlandOverlap = "farmland-overlap"
    case riskPlotOverlap = "risk-plot-overlap"
    case riskPlotDuplicate = "risk-plot-duplicate"
    case noStageDate = "no-stage-date"
    case outfallOffRiver = "outfall-off-river"
    case sectionOffRiver = "section-off-river"
    public static let context = "audit"
}

/// What a message is about, where it is not a layer's feature.
public enum Subject: String, Term {
    case proposal, section, outfall
    public static let context = "subject"
}

/// The source a drinking-water protection zone protects.
public enum SourceType: String, Term {
    case river, reservoir, groundwater
    public static let context = "source_type"
}

/// An outfall's type (contract §3).
public enum OutfallType: String, Term {
    case industrial
    case sewagePlant = "sewage_plant"
    case agricultural, other
    public static let context = "type"
}

/// The status of an enterprise's discharge permit.
public enum PermitStatus: String, Term {
    case valid, cancelled, revoked
    public static let context = "permit_status"
    /// The statuses that vacate an enterprise's site (soil plan task 6).
    public var vacates: Bool { self != .valid }
}

/// What an admin area is.
public enum AdminKind: String, Term {
    case county
    case countySeat = "county_seat"
    case town
    public static let context = "kind"
}

/// A section's water body: a river, or a lake or reservoir (GB 3838's own limits of TP).
public enum WaterBody: String, Term {
    case river, lake
    public static let context = "water_body"
}

/// A proposal's verdict: its most severe finding, or clear.
public enum Verdict: String, Term, Comparable {
    case clear, warn, condition, block
    public static let context = "verdict"

    public init(_ severity: Severity?) { self = severity.map { Verdict(rawValue: $0.rawValue)! } ?? .clear }
    /// The severity that decided it (nil when clear).
    public var severity: Severity? { Severity(rawValue: rawValue) }
    public static func < (a: Verdict, b: Verdict) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// The kind of a change in a feature's history.
public enum ChangeKind: String, Term {
    case insert, update, delete, stage, reclass
    public static let context = "change"
}

/// A boolean property's value.
public enum YesNo: String, Term {
    case `true`, `false`
    public static let context = "bool"
    public init(_ value: Bool) { self = value ? .true : .false }
}

/// A value's JSON type, as messages name it.
public enum JSONType: String, Term {
    case null
    case boolean = "a boolean"
    case number = "a number"
    case string = "a string"
    case array = "an array"
    case object = "an object"
    public static let context = "json"
}

extension JSONValue {
    /// The value's JSON type, for messages.
    var jsonType: JSONType {
        switch self {
        case .null: return .null
        case .bool: return .boolean
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }
}

extension YesNo {
    /// A boolean as people write it: true/false, 1/0, yes/no, 是/否 (nil otherwise).
    public static func read(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "yes", "是", "y", "t": return true
        case "false", "0", "no", "否", "n", "f": return false
        default: return nil
        }
    }
}

extension Terms {
    /// The value among `allowed` (names of `context`) that a Chinese word
    /// stands for, by the terms table (nil when none).
    public static func value(_ word: String, in allowed: [String], context: String) -> String? {
        guard let name = name(of: word.trimmingCharacters(in: .whitespaces), in: context), allowed.contains(name) else { return nil }
        return name
    }
}

extension Layer {
    /// A property's value as people read it: an enumerated property's value
    /// as its term, a boolean as 是/否 in Chinese, a layer's name as its
    /// term; anything else, and everything in English, as it is.
    public static func valueText(_ text: String, property: String, _ language: ReportLanguage) -> String {
        guard let context = valueContexts[property], Terms.zh["\(context).\(text)"] != nil else { return text }
        return Terms.text("\(context).\(text)", language)
    }

    /// The context of each property whose values are terms.
    private static let valueContexts: [String: String] = {
        var contexts = ["layer": Layer.context]
        let specs = allCases.flatMap(\.properties) + optionalEnumerations.values.flatMap { $0.map { PropertySpec($0.key, $0.value) } }
        for spec in specs {
            switch spec.kind {
            case .enumeration(_, let context): contexts[spec.name] = context
            case .bool: contexts[spec.name] = YesNo.context
            default: break
            }
        }
        return contexts
    }()
}
