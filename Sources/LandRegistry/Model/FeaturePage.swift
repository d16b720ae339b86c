/// One page of a layer's features, as a feature service serves them (OGC
/// API – Features `items`): the features that pass the filters and cross
/// the box, as the registry stands now or stood on a date, in code order,
/// from the first code after `after`.
public struct FeaturePageRequest: Sendable {
    public var layer: Layer
    /// Property filters, with the values and meaning of `query --where`.
    public var filters: [PropertyFilter]
    /// Only the features that share a point with this box, given east first
    /// (lon, lat; easting, northing) in `bboxSRID`, and decided there: a
    /// feature is in when its geometry, as served in that CRS, crosses the
    /// box — what a client that drew the box on its map sees.
    public var bbox: Envelope?
    public var bboxSRID: Int
    /// The registry as it stood in the world on this date (YYYY-MM-DD), as
    /// `export --as-of`.
    public var asOf: String?
    /// The last code of the previous page: this page starts after it.
    public var after: String?
    /// How many features at most (1…`FeaturePageRequest.maximumLimit`).
    public var limit: Int
    /// The CRS of the coordinates served.
    public var srid: Int
    /// Positions north first (latitude, longitude; northing, easting), as
    /// EPSG orders the axes of EPSG:4326, 4490 and 4547.
    public var northFirst: Bool
    /// Which properties to serve (nil: all of them).
    public var properties: [String]?
    /// Decimals of the coordinates served.
    public var precision: Int

    public static let maximumLimit = 10_000

    public init(layer: Layer, filters: [PropertyFilter] = [], bbox: Envelope? = nil, bboxSRID: Int = CRS.lonLat, asOf: String? = nil,
                after: String? = nil, limit: Int = 100, srid: Int = CRS.lonLat, northFirst: Bool = false,
                properties: [String]? = nil, precision: Int? = nil) {
        self.layer = layer
        self.filters = filters
        self.bbox = bbox
        self.bboxSRID = bboxSRID
        self.asOf = asOf
        self.after = after
        self.limit = limit
        self.srid = srid
        self.northFirst = northFirst
        self.properties = properties
        // Lon/lat to 7 decimals (1 cm), metres to 3 (1 mm).
        self.precision = precision ?? (CRS.normalised(srid) == CRS.lonLat ? 7 : 3)
    }
}

/// A page of features: GeoJSON Feature objects (each with its code as
/// `id`), how many features match in all, and where the next page starts.
public struct FeaturePage: Sendable {
    /// The features as GeoJSON Feature objects, comma-separated (UTF-8).
    public var features: [UInt8]
    /// How many features this page holds.
    public var numberReturned: Int
    /// How many features match the request in all pages.
    public var numberMatched: Int
    /// The code the next page starts after; nil on the last page.
    public var next: String?

    public init(features: [UInt8], numberReturned: Int, numberMatched: Int, next: String?) {
        self.features = features
        self.numberReturned = numberReturned
        self.numberMatched = numberMatched
        self.next = next
    }
}
