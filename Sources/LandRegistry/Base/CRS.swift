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
