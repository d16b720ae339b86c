import Foundation

/// GeoJSON fixtures drawn in metres east/north of a point near the
/// Lingchuan county seat, written in one CRS by `xy`.
public protocol Drawing {
    /// A position, `[x,y]` in the drawing's CRS.
    static func xy(_ x: Double, _ y: Double) -> String
    /// The FeatureCollection's `crs` member (with its comma), or "".
    static var crsMember: String { get }
}

extension Drawing {
    /// A closed ring through the points (counter-clockwise if given so).
    public static func ring(_ points: [(Double, Double)]) -> String {
        "[" + (points + [points[0]]).map { xy($0.0, $0.1) }.joined(separator: ",") + "]"
    }

    public static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [(Double, Double)] {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    }

    public static func polygon(_ rings: [(Double, Double)]...) -> String {
        "{\"type\":\"Polygon\",\"coordinates\":[" + rings.map(ring).joined(separator: ",") + "]}"
    }

    public static func multiPolygon(_ polygons: [[(Double, Double)]]...) -> String {
        "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.map { "[" + $0.map(ring).joined(separator: ",") + "]" }.joined(separator: ",") + "]}"
    }

    public static func point(_ x: Double, _ y: Double) -> String { "{\"type\":\"Point\",\"coordinates\":\(xy(x, y))}" }

    public static func feature(_ properties: String, _ geometry: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(geometry)}"
    }

    public static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\(crsMember)\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
    }
}

/// In CGCS2000 lon/lat (the same approximation as the sample generator).
public enum Local: Drawing {
    public static let lon0 = 113.275, lat0 = 35.774
    public static let mPerDegLat = 110950.0
    public static let mPerDegLon = 111320.0 * cos(35.774 * .pi / 180)
    public static let crsMember = ""

    public static func xy(_ x: Double, _ y: Double) -> String {
        let lon = lon0 + x / mPerDegLon, lat = lat0 + y / mPerDegLat
        return "[\(String(format: "%.9f", lon)),\(String(format: "%.9f", lat))]"
    }

    /// The same position as `xy`.
    public static func lonlat(_ x: Double, _ y: Double) -> String { xy(x, y) }
}

/// In the registry's own CRS (EPSG:4547), so distances and areas are exact;
/// the collection carries the legacy `crs` member ogr2ogr writes.
public enum Projected: Drawing {
    public static let e0 = 434_500.0, n0 = 3_960_000.0
    public static let crsMember = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},"

    public static func xy(_ x: Double, _ y: Double) -> String { "[\(e0 + x),\(n0 + y)]" }
}

extension String {
    /// A geometry (GeoJSON text) as a Feature with these properties (`"code":"A", …`).
    /// Wraps a geometry in a Feature with the given properties text.
    public func withProperties(_ properties: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(self)}"
    }
}
