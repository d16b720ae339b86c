import XCTest
@testable import LandRegistry

final class ShapefileTests: XCTestCase {
    func testProjectionFilesMapToEPSG() throws {
        let gk38 = #"PROJCS["CGCS2000_3_Degree_GK_Zone_38",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",38500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]"#
        XCTAssertEqual(try ShapefileReader.srid(fromWKT: gk38, file: "p.prj"), 4526)
        let cm114 = gk38.replacingOccurrences(of: "38500000.0", with: "500000.0").replacingOccurrences(of: "Zone_38", with: "CM_114E")
        XCTAssertEqual(try ShapefileReader.srid(fromWKT: cm114, file: "p.prj"), 4547)
        let six = gk38.replacingOccurrences(of: "38500000.0", with: "19500000.0").replacingOccurrences(of: "114.0", with: "111.0")
        XCTAssertEqual(try ShapefileReader.srid(fromWKT: six, file: "p.prj"), 4497)
        XCTAssertEqual(try ShapefileReader.srid(fromWKT: #"GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]"#, file: "p.prj"), 4490)
        XCTAssertThrowsError(try ShapefileReader.srid(fromWKT: #"PROJCS["Xian_1980_3_Degree_GK_Zone_38",GEOGCS["GCS_Xian_1980"]]"#, file: "p.prj"))
    }

    func testFieldNamesMapToProperties() {
        XCTAssertEqual(ShapefileFields.property(for: "toxic_hist"), "toxic_history")
        XCTAssertEqual(ShapefileFields.property(for: "DKBM"), "code")
        XCTAssertEqual(ShapefileFields.property(for: "地块名称"), "name")
        XCTAssertEqual(ShapefileFields.property(for: "其他"), "其他")
    }
}
