/// An overlay question between a layer and another layer or a file
/// (contract §9): the features of `layer` that pass `filters`, each with
/// the features of `other` it relates to.
public struct Query: Sendable {
    /// How the features of the two sides relate.
    public enum Relation: Sendable, Equatable {
        /// The intersection's area is above the overlap minimum (a point: it intersects).
        case overlapping
        /// The shortest distance is at most this many metres.
        case within(Double)
        /// The nearest feature of the other side, for every feature.
        case nearest
    }

    /// The other side: a registry layer, or features read from a file.
    public enum Other: Sendable {
        case layer(Layer)
        /// A file, read as `import` reads it: its path, format and reader options.
        case file(path: String, format: String?, mapping: FieldMapping, encoding: String?, srid: Int?)

        public var name: String {
            switch self {
            case .layer(let layer): return layer.rawValue
            case .file(let path, _, _, _, _): return path
            }
        }
    }

    public var layer: Layer
    public var filters: [PropertyFilter]
    public var relation: Relation?
    public var other: Other?
    public var otherFilters: [PropertyFilter]
    /// The registry as it stood in the world on this date (YYYY-MM-DD).
    public var asOf: String?
    /// `town` (the admin town holding the largest part of each feature) or a property.
    public var sumBy: String?

    public init(layer: Layer, filters: [PropertyFilter] = [], relation: Relation? = nil, other: Other? = nil,
                otherFilters: [PropertyFilter] = [], asOf: String? = nil, sumBy: String? = nil) {
        self.layer = layer
        self.filters = filters
        self.relation = relation
        self.other = other
        self.otherFilters = otherFilters
        self.asOf = asOf
        self.sumBy = sumBy
    }
}

/// One (feature, other feature) pair of a query's answer.
public struct QueryRow: Sendable {
    public let code: String
    /// Nil when the query has no relation (every feature of the layer).
    public let otherCode: String?
    /// The area of the pair's intersection, m² (0 for points and lines).
    public let overlapM2: Double
    /// The shortest distance, m (0 when they touch or overlap).
    public let distanceM: Double
    /// The feature's properties.
    public let properties: [(String, JSONValue)]
}

/// A matched feature of the layer, each once, for totals and GeoJSON.
public struct QueryMatch: Sendable {
    public let code: String
    public let properties: [(String, JSONValue)]
    /// In the registry's CRS.
    public let shape: Shape
    public let areaM2: Double
    /// The area of the union of its overlaps with the other side, m².
    public let overlapM2: Double
    /// The other side's codes it matched, in order.
    public let matches: [String]
    /// Its group for `sumBy` (nil without one).
    public var group: String?
    /// A point's longitude and latitude (CGCS2000), for tables people open in Excel.
    public var lonLat: (lon: Double, lat: Double)?
}

/// Totals over the matched features.
public struct QueryTotals: Sendable, Equatable {
    public var features = 0
    public var areaM2 = 0.0
    public var overlapM2 = 0.0

    public init() {}

    mutating func add(_ match: QueryMatch) {
        features += 1
        areaM2 += match.areaM2
        overlapM2 += match.overlapM2
    }
}

/// The answer to a `Query`.
public struct QueryResult: Sendable {
    public let query: Query
    public var rows: [QueryRow]
    public var matches: [QueryMatch]
    public var totals: QueryTotals
    /// Per `sumBy` key, in key order.
    public var groups: [(key: String, totals: QueryTotals)]
}
