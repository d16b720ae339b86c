// The features of landreg, one type for each thing a feature is used as
// (the rows of the registry's tables, `StorableRow` and the history's rows,
// stay inside Storage):
//
// - `InputFeature`: read from a file (GeoJSON, Shapefile, TXT, CSV), its
//   properties as the file gives them, its geometry in the file's CRS.
// - `StoredFeature`: a registry feature as a user sees it (`features`,
//   `feature`): its properties as imported, its geometry in lon/lat.
// - `FeatureState`: a registry feature now or as it stood on a date, as an
//   operation reads it (the review, the water report): properties and WKB
//   in the registry's CRS.
// - `CandidateFeature`: a registry feature as a rule sees it (the check's
//   candidates): its contract properties as text.
// - `SideFeature`: a feature of either side of a query or the audit, with
//   its GEOS geometry, its box and whether it is an area.
// - `MapFeature`: a feature drawn on a report's map — around a checked
//   proposal, flagged by the review, an admin area outlined.

/// One feature read from an input file, before validation.
public struct InputFeature: Sendable {
    /// 1-based position in the file.
    public var number: Int
    public var properties: [(String, JSONValue)]
    public var shape: Shape?
    public var id: JSONValue?

    public init(number: Int, properties: [(String, JSONValue)], shape: Shape?, id: JSONValue? = nil) {
        self.number = number
        self.properties = properties
        self.shape = shape
        self.id = id
    }

    public func property(_ name: String) -> JSONValue? {
        properties.first { $0.0 == name }?.1
    }

    /// The feature's `code` when it is a string, for error messages.
    public var code: String? {
        switch property("code") {
        case .string(let text)?: return text
        case .number(_, let text)?: return text
        default: return nil
        }
    }
}

/// One stored feature as a user sees it: properties as imported, geometry
/// in lon/lat.
public struct StoredFeature: Sendable {
    public var layer: Layer
    public var code: String
    /// Contract properties then extra ones, in order.
    public var properties: [(String, JSONValue)]
    /// Geometry in CGCS2000 lon/lat.
    public var shape: Shape
    /// Area in the registry's CRS (m²), 0 for points and lines.
    public var area: Double
}

/// A feature's state at a date, from the history.
struct FeatureState {
    let code: String
    let properties: [(String, JSONValue)]
    let wkb: [UInt8]

    subscript(_ name: String) -> String? {
        switch properties.first(where: { $0.0 == name })?.1 {
        case .string(let s)?: return s
        case .bool(let b)?: return b ? "true" : "false"
        case .number(_, let t)?: return t
        default: return nil
        }
    }
}

/// A registry feature as a rule sees it: its code, name and contract
/// properties as text ("1"/"0" for booleans).
public struct CandidateFeature {
    public let layer: Layer
    public let code: String
    public let name: String?
    /// The layer's contract properties in its order (`Layer.properties`);
    /// booleans as "1" and "0".
    let values: [String?]

    init(layer: Layer, code: String, name: String?, values: [String?]) {
        self.layer = layer
        self.code = code
        self.name = name
        self.values = values
    }

    public subscript(_ property: String) -> String? {
        guard let index = layer.properties.firstIndex(where: { $0.name == property }), index < values.count else { return nil }
        return values[index]
    }

    func flag(_ property: String) -> Bool { self[property] == "1" }

    /// The feature as people know it when it has no `name`: a water zone by
    /// its source and level (磨河泉 二级保护区), a parcel by its class.
    var knownAs: Phrase? {
        if let name { return Phrase(verbatim: name) }
        switch layer {
        case .waterZones:
            let source = self["source"] ?? ""
            switch self["level"] {
            case "first": return "\(source) first-level protection zone"
            case "second": return "\(source) second-level protection zone"
            case "quasi": return "\(source) quasi-protection zone"
            default: return self["source"].map(Phrase.init(verbatim:))
            }
        case .farmland:
            switch self["class"] {
            case "priority": return "priority-protection farmland"
            case "safe_use": return "safe-use farmland"
            case "strict": return "strict-control farmland"
            default: return nil
            }
        case .basicFarmland:
            return self["concentrated"] == "1" ? "concentrated permanent basic farmland" : "permanent basic farmland"
        default:
            return nil
        }
    }
}

// One feature of a query's side, as the query measures it.
struct SideFeature {
    let code: String
    let properties: [(String, JSONValue)]
    let geometry: Geometry
    let bounds: Envelope
    let areal: Bool
}

/// A feature drawn on a report's map: what lies around a checked proposal
/// (`CheckResult.context`), what the quarterly review flags
/// (`QuarterlyReview.flagged`), an admin area it outlines
/// (`QuarterlyReview.areas`). In the registry's CRS.
public struct MapFeature: Sendable {
    /// The layer's name (`proposals` for a proposal the review flags).
    public let layer: String
    public let code: String
    /// Its name, or what people call it (磨河泉 二级保护区), when it has one.
    public let name: Phrase?
    public let shape: Shape
    /// What the map draws it by: a plot's stage, a parcel's class, a zone's
    /// level, an admin area's kind.
    public var kind: String? = nil
    /// How far it lies from the proposal whose map shows it (m).
    public var distanceM: Double = 0
    /// The review's table that flags it.
    public var table: String = ""

    /// The registry layer it belongs to (nil for a proposal).
    public var registryLayer: Layer? { Layer(rawValue: layer) }
}
