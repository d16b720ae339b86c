/// Coordinate reference systems landreg knows by name.
public enum CRS {
    /// CGCS2000 geographic: how lon/lat input is read (RFC 7946 WGS 84 is
    /// treated as the same, as the contract says).
    public static let lonLat = 4490
    /// CGCS2000 / 3-degree Gauss-Kruger CM 114E: the default registry CRS.
    public static let defaultRegistry = 4547

    /// The CRS input coordinates are read in: RFC 7946's WGS 84 lon/lat
    /// (EPSG:4326) is read as CGCS2000 lon/lat (contract §2).
    public static func normalised(_ srid: Int) -> Int { srid == 4326 ? lonLat : srid }

    /// The CGCS2000 Gauss-Kruger projections, EPSG:4491–4554 (transverse
    /// Mercator on GRS 80, scale 1): 6° zones 13–23 with the zone in front of
    /// the easting (4491–4501) and without (4502–4512, central meridian
    /// 75°E…135°E), 3° zones 25–45 with it (4513–4533) and without
    /// (4534–4554). Nil for any other CRS.
    public static func gaussKruger(_ srid: Int) -> (centralMeridian: Int, falseEasting: Int)? {
        guard let (family, zone) = gaussKrugerZone(srid) else { return nil }
        return (centralMeridian(zone, width: family.width), (family.prefixed ? zone * 1_000_000 : 0) + 500_000)
    }

    /// The one table of the CGCS2000 Gauss-Kruger EPSG codes: four families,
    /// each the zones from `firstZone` on, in order, from EPSG `first`.
    private static let gaussKrugerFamilies: [(first: Int, width: Int, firstZone: Int, zones: Int, prefixed: Bool)] = [
        (4491, 6, 13, 11, true), (4502, 6, 13, 11, false), (4513, 3, 25, 21, true), (4534, 3, 25, 21, false),
    ]

    /// The family (zone width, whether the zone is in front of the easting) and the zone of a Gauss-Kruger SRID.
    static func gaussKrugerZone(_ srid: Int) -> (family: (width: Int, prefixed: Bool), zone: Int)? {
        guard let f = gaussKrugerFamilies.first(where: { (0..<$0.zones).contains(srid - $0.first) }) else { return nil }
        return ((f.width, f.prefixed), f.firstZone + srid - f.first)
    }

    /// The zones of a width that China uses (13–23 for 6°, 25–45 for 3°).
    public static func gaussKrugerZones(width: Int) -> ClosedRange<Int>? {
        gaussKrugerFamilies.first { $0.width == width }.map { $0.firstZone...($0.firstZone + $0.zones - 1) }
    }

    /// The SRID of a zone of a width, with or without the zone in front of the easting (nil outside China).
    public static func gaussKruger(width: Int, zone: Int, prefixed: Bool) -> Int? {
        guard let f = gaussKrugerFamilies.first(where: { $0.width == width && $0.prefixed == prefixed }),
              (0..<f.zones).contains(zone - f.firstZone) else { return nil }
        return f.first + zone - f.firstZone
    }

    /// The SRID of the zone with this central meridian and false easting (a
    /// `.prj` names them), nil when none has both.
    public static func gaussKruger(centralMeridian meridian: Int, falseEasting: Double) -> Int? {
        let prefix = Int((falseEasting - 500_000) / 1_000_000 + 0.5)
        for width in [3, 6] {
            if prefix == 0 {
                // Without the zone in front, a 3° meridian (every multiple of 3) is read as a 3° zone.
                guard let zones = gaussKrugerZones(width: width),
                      let zone = zones.first(where: { centralMeridian($0, width: width) == meridian }) else { continue }
                return gaussKruger(width: width, zone: zone, prefixed: false)
            } else if centralMeridian(prefix, width: width) == meridian, let srid = gaussKruger(width: width, zone: prefix, prefixed: true) {
                return srid
            }
        }
        return nil
    }

    /// A zone's central meridian (°E): 3° zone n at 3n, 6° zone n at 6n − 3.
    private static func centralMeridian(_ zone: Int, width: Int) -> Int { width == 6 ? zone * 6 - 3 : zone * 3 }

    /// Where EPSG says a CRS is meant to be used (degrees), for CGCS2000
    /// lon/lat and its Gauss-Kruger zones, as PROJ's database gives it (a
    /// test compares every one); nil for other CRSs, which PROJ is asked about.
    public static func knownAreaOfUse(_ srid: Int) -> (west: Double, south: Double, east: Double, north: Double)? {
        let area: [Double]
        if srid == lonLat {
            area = [73.62, 16.7, 134.77, 53.56]
        } else if let (family, zone) = gaussKrugerZone(srid) {
            area = family.width == 6 ? sixDegreeAreas[zone - 13] : threeDegreeAreas[zone - 25]
        } else {
            return nil
        }
        return (area[0], area[1], area[2], area[3])
    }

    /// West, south, east, north of the 6° zones 13–23 (EPSG:4502–4512).
    private static let sixDegreeAreas: [[Double]] = [
        [73.62, 35.42, 78.01, 41.07], [77.98, 29.16, 84.0, 47.23], [84.0, 27.32, 90.0, 49.18],
        [90.0, 27.71, 96.01, 47.9], [96.0, 21.13, 102.01, 43.18], [102.0, 17.75, 108.0, 42.47],
        [108.0, 16.7, 114.0, 45.11], [114.0, 19.02, 120.0, 51.52], [120.0, 24.64, 126.0, 53.56],
        [126.0, 29.7, 132.0, 52.79], [132.0, 45.02, 134.77, 48.4],
    ]

    /// West, south, east, north of the 3° zones 25–45 (EPSG:4534–4554).
    private static let threeDegreeAreas: [[Double]] = [
        [73.62, 35.81, 76.5, 40.65], [76.5, 31.03, 79.5, 41.83], [79.5, 29.95, 82.51, 45.88],
        [82.5, 28.26, 85.5, 47.23], [85.5, 27.8, 88.5, 49.18], [88.49, 27.32, 91.51, 48.42],
        [91.5, 27.71, 94.5, 45.13], [94.5, 28.23, 97.51, 44.5], [97.5, 21.43, 100.5, 42.76],
        [100.5, 21.13, 103.5, 42.69], [103.5, 22.5, 106.51, 42.21], [106.5, 18.19, 109.51, 42.47],
        [109.5, 18.11, 112.5, 45.11], [112.5, 21.52, 115.5, 45.45], [115.5, 22.6, 118.5, 49.88],
        [118.5, 24.43, 121.5, 53.33], [121.5, 28.22, 124.5, 53.56], [124.5, 40.19, 127.5, 53.2],
        [127.5, 41.37, 130.5, 50.25], [130.5, 42.42, 133.5, 48.88], [133.5, 45.85, 134.77, 48.4],
    ]

    /// Geographic CRSs whose coordinates are longitude, latitude in degrees.
    public static func isGeographic(_ srid: Int) -> Bool {
        srid == 4326 || srid == 4490 || srid == 4214 || srid == 4610
    }

    /// The SRID behind a CRS name such as `urn:ogc:def:crs:EPSG::4547`,
    /// `EPSG:4547` or `urn:ogc:def:crs:OGC:1.3:CRS84`.
    static func srid(fromName name: String, file: String) throws -> Int {
        let upper = name.uppercased()
        if upper.hasSuffix("CRS84") || upper.hasSuffix("CRS:84") { return 4326 }
        if upper.contains("EPSG"), let last = upper.split(separator: ":").last, let code = Int(last) {
            return code
        }
        throw InputError(file: file, message: "the CRS \"\(name)\" is not understood; give its EPSG code", remedy: .giveInputCRS)
    }
}
