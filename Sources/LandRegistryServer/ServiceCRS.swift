import Foundation
import LandRegistry

/// A CRS the service answers in (OGC API – Features Part 2, CRS by
/// reference): CRS84 (lon, lat: the default), EPSG:4326 and EPSG:4490
/// (lat, lon, as EPSG orders their axes) and the registry's own projected
/// CRS (northing, easting for the CGCS2000 Gauss-Kruger CRSs).
struct ServiceCRS: Equatable, Sendable {
    /// The EPSG code coordinates are computed in (CRS84 is CGCS2000 lon/lat here, contract §2).
    let srid: Int
    /// Whether positions are written north first.
    let northFirst: Bool
    /// The CRS's URI.
    let uri: String

    static let crs84 = ServiceCRS(srid: CRS.lonLat, northFirst: false, uri: "http://www.opengis.net/def/crs/OGC/1.3/CRS84")

    static func epsg(_ code: Int) -> ServiceCRS {
        // Geographic CRSs and the Gauss-Kruger ones are north first by EPSG's definition.
        ServiceCRS(srid: code, northFirst: code == 4326 || code == 4490 || CRS.gaussKruger(code) != nil,
                   uri: "http://www.opengis.net/def/crs/EPSG/0/\(code)")
    }

    /// The CRS a page's coordinates are in, as `Content-Crs` names it.
    static func served(_ request: FeaturePageRequest) -> ServiceCRS {
        request.srid == CRS.lonLat && !request.northFirst ? .crs84 : .epsg(request.srid)
    }

    /// The CRSs a registry in `registrySRID` is served in, CRS84 first.
    static func offered(registrySRID: Int) -> [ServiceCRS] {
        [.crs84, .epsg(4326), .epsg(4490)] + ([4326, 4490].contains(registrySRID) ? [] : [.epsg(registrySRID)])
    }

    /// The offered CRS a URI names (also its other spellings: `EPSG:4547`,
    /// `urn:ogc:def:crs:EPSG::4547`, `OGC:CRS84`, https), nil for any other.
    static func named(_ text: String, registrySRID: Int) -> ServiceCRS? {
        let offered = offered(registrySRID: registrySRID)
        let plain = text.trimmingCharacters(in: .whitespaces)
        if let crs = offered.first(where: { $0.uri == plain || $0.uri == plain.replacingOccurrences(of: "https://", with: "http://") }) {
            return crs
        }
        let upper = plain.uppercased()
        if ["CRS84", "OGC:CRS84", "URN:OGC:DEF:CRS:OGC:1.3:CRS84", "URN:OGC:DEF:CRS:OGC::CRS84"].contains(upper) { return .crs84 }
        for prefix in ["EPSG:", "URN:OGC:DEF:CRS:EPSG::", "URN:OGC:DEF:CRS:EPSG:0:"] where upper.hasPrefix(prefix) {
            guard let code = Int(upper.dropFirst(prefix.count)) else { return nil }
            return offered.first { $0.srid == code && $0 != .crs84 }
        }
        return nil
    }
}
