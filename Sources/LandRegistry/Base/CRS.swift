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
        switch srid {
        case 4491...4501:
            let zone = 13 + srid - 4491
            return (zone * 6 - 3, zone * 1_000_000 + 500_000)
        case 4502...4512: return (75 + (srid - 4502) * 6, 500_000)
        case 4513...4533:
            let zone = 25 + srid - 4513
            return (zone * 3, zone * 1_000_000 + 500_000)
        case 4534...4554: return (75 + (srid - 4534) * 3, 500_000)
        default: return nil
        }
    }

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
