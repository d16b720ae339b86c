import XCTest
@testable import LandRegistry

/// The Gauss-Kruger zone numbering has one home (`CRS`): every reader of a
/// zone (a TXT's 带号, a `.prj`'s meridian and false easting) and every
/// writer of a projection (the known pipelines, which `GeometryTests`
/// compares with PROJ's definitions of EPSG:4491–4554) agree with it.
final class CRSTests: XCTestCase {
    func testEveryZoneRoundTripsThroughEachWayOfNamingIt() throws {
        for srid in 4491...4554 {
            let (meridian, falseEasting) = try XCTUnwrap(CRS.gaussKruger(srid), "EPSG:\(srid)")
            let (family, zone) = try XCTUnwrap(CRS.gaussKrugerZone(srid))
            XCTAssertEqual(CRS.gaussKruger(width: family.width, zone: zone, prefixed: family.prefixed), srid)
            XCTAssertEqual(falseEasting, family.prefixed ? zone * 1_000_000 + 500_000 : 500_000, "EPSG:\(srid)")
            // A .prj names the same projection: a 6° zone without its number in front has a 3° zone's parameters.
            let read = try XCTUnwrap(CRS.gaussKruger(centralMeridian: meridian, falseEasting: Double(falseEasting)))
            XCTAssertEqual(CRS.gaussKruger(read)!.centralMeridian, meridian)
            XCTAssertEqual(CRS.gaussKruger(read)!.falseEasting, falseEasting)
            XCTAssertNotNil(CRS.knownAreaOfUse(srid))
        }
        XCTAssertNil(CRS.gaussKruger(4490))
        XCTAssertNil(CRS.gaussKruger(4555))
        XCTAssertNil(CRS.gaussKruger(width: 3, zone: 46, prefixed: true))
        XCTAssertNil(CRS.gaussKruger(width: 6, zone: 12, prefixed: false))
        XCTAssertEqual(CRS.gaussKrugerZones(width: 3), 25...45)
        XCTAssertEqual(CRS.gaussKrugerZones(width: 6), 13...23)
        XCTAssertNil(CRS.gaussKruger(centralMeridian: 114, falseEasting: 39_500_000), "zone 39's meridian is 117°E")
    }
}
