/// A property filter: features whose `property` has one of `values`.
public struct PropertyFilter: Sendable {
    public var property: String
    public var values: [String]

    public init(property: String, values: [String]) {
        self.property = property
        self.values = values
    }

    /// The values as the registry stores them in `layer`: an enumeration's
    /// Chinese words (严格管控类) as its contract values (strict), a
    /// boolean's 是/否 as true/false; anything else as given.
    public func storedValues(in layer: Layer) -> [String] {
        guard let kind = layer.kind(of: property) else { return values }
        switch kind {
        case .enumeration(let allowed, let context): return values.map { Layer.enumerationValue($0, in: allowed, context: context) ?? $0 }
        case .bool: return values.map { YesNo.read($0).map { $0 ? "true" : "false" } ?? $0 }
        default: return values
        }
    }

    /// Whether a file's feature passes the filter: its value is one of the
    /// values (a land-use code also when it lies in one: `use=07` holds
    /// for 070101; a boolean as true/false, 是/否).
    public func holds(for properties: [(String, JSONValue)]) -> Bool {
        guard let value = properties.first(where: { $0.0 == property })?.1 else { return false }
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(_, let s): text = s
        case .bool(let b): text = b ? "true" : "false"
        default: return false
        }
        return values.contains { wanted in
            if wanted == text { return true }
            if property == "use" { return text.hasPrefix(wanted) }
            if case .bool(let b) = value, let flag = YesNo.read(wanted) { return flag == b }
            return false
        }
    }

    /// Parses `PROPERTY=VALUE[,VALUE…]`, or throws an `InvalidArgument`
    /// that says what is wrong with it (no `=`, no value, a second
    /// `PROPERTY=` inside the values).
    public static func parse(_ text: String) throws -> PropertyFilter {
        guard let eq = text.firstIndex(of: "=") else {
            throw InvalidArgument(.filter(text), "is not PROPERTY=VALUE[,VALUE…]")
        }
        guard let filter = PropertyFilter(parsing: text) else {
            throw InvalidArgument(.filter(text), "gives no property or no value")
        }
        if let second = filter.values.first(where: { $0.contains("=") }) {
            throw InvalidArgument(.filter(text), "'\(second)' is a second condition: give each property its own filter (AND), values of one property after one '=' (OR)")
        }
        _ = eq
        return filter
    }

    /// Parses `PROPERTY=VALUE[,VALUE…]`.
    public init?(parsing text: String) {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let property = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let values = text[text.index(after: eq)...].split(separator: ",").map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        guard !property.isEmpty, !values.isEmpty else { return nil }
        self.init(property: property, values: values)
    }

}

public struct ExportOptions: Sendable {
    public var layers: [Layer]
    public var precision: Int
    public var filters: [PropertyFilter]
    /// Adds the computed `area_m2` to polygon features.
    public var withArea: Bool
    /// The registry as it stood in the world on this date (YYYY-MM-DD),
    /// from the history's effective dates; nil for now.
    public var asOf: String?
    /// Keep the registry's projected CRS (CGCS2000 Gauss-Krüger, metres) with
    /// the legacy `crs` member, for systems that want projected coordinates;
    /// not RFC 7946, which is lon/lat.
    public var projected = false
    /// From how many rows (the layers' largest row ids) a GeoJSON export is
    /// shared out among workers, and how many rows each of their ranges
    /// holds (tests make both small).
    var sharedFrom = 16_384
    var rangeRows = 1024

    public init(layers: [Layer] = Layer.allCases, precision: Int = 7, filters: [PropertyFilter] = [], withArea: Bool = false,
                asOf: String? = nil) {
        self.layers = layers
        self.precision = precision
        self.filters = filters
        self.withArea = withArea
        self.asOf = asOf
    }
}

/// What a check's answers rest on beyond the rules: where the registry knows
/// anything (its counties and the margin beyond them) and the settings that
/// differ from their defaults. Every check report states them.
public struct CheckConditions: Sendable {
    /// The codes of the registry's counties (admin `county`); empty: the
    /// registry cannot tell a proposal outside the county from one inside.
    public let counties: [String]
    public let coverageMargin: Double
    /// Settings whose value differs from the default: (setting, value).
    public let changedSettings: [(Setting, Double)]
    /// The rule table's layers that hold no feature the rules test (no
    /// risk-plot, no basic farmland, no county seat …): their rules can
    /// never be met, so a clear says nothing about them.
    public let emptyLayers: [Layer]

    public init(counties: [String], coverageMargin: Double, changedSettings: [(Setting, Double)], emptyLayers: [Layer] = []) {
        self.counties = counties
        self.coverageMargin = coverageMargin
        self.changedSettings = changedSettings
        self.emptyLayers = emptyLayers
    }

    /// The conditions as sentences, in `language`: what a reader must know.
    public func notes(_ language: ReportLanguage) -> [String] {
        var notes: [String] = []
        if counties.isEmpty {
            notes.append(Phrase("the registry has no county boundary (admin kind county): a proposal outside the county cannot be told from one inside, and may be reported clear").text(language))
        }
        for layer in emptyLayers {
            let rules = RuleTable.rules.filter { $0.layer == layer }.map(\.id)
            notes.append(Phrase("layer \(term: layer) holds nothing the rules test, so \(rules.joined(separator: ", ")) cannot be met: a clear says nothing of them").text(language))
        }
        for (setting, value) in changedSettings {
            notes.append(Phrase("setting \(setting.rawValue) is \(formatDecimal(value)) (default \(formatDecimal(setting.defaultValue)))").text(language))
        }
        return notes
    }
}

/// What a report says about the registry it was made from, so that it can
/// be traced later: the file, its CRS, its layers' counts, the libraries.
public struct RegistryDescription: Sendable {
    public let path: String
    public let srid: Int
    public let counts: [(Layer, Int)]
    public let versions: [(String, String)]

    public init(path: String, srid: Int, counts: [(Layer, Int)], versions: [(String, String)]) {
        self.path = path
        self.srid = srid
        self.counts = counts
        self.versions = versions
    }
}
