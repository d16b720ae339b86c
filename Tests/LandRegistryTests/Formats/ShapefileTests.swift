import XCTest
@testable import LandRegistry

final class ShapefileTests: RegistryTestCase {
    /// One polygon written by landreg, then its `.shp` or `.dbf` bytes changed by `patch`.
    func patchedShapefile(_ ext: String, _ patch: (inout [UInt8]) -> Void) throws -> String {
        let feature = StoredFeature(layer: .farmland, code: "F1", properties: [("code", .string("F1")), ("class", .string("strict"))],
                                    shape: Shape.polygon([(0, 0), (100, 0), (100, 100), (0, 100)]), area: 10_000)
        _ = try ShapefileWriter.write([(feature, feature.shape)], layer: .farmland, prj: "", to: path("shp"))
        try FileManager.default.removeItem(atPath: path("shp/farmland.prj"))
        let file = path("shp/farmland.\(ext)")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        patch(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return path("shp/farmland.shp")
    }

    func testHeadersThatLieAreBadInputNotACrash() throws {
        let cases: [(String, String, (inout [UInt8]) -> Void)] = [
            // The polygon's first part offset (record 1 at byte 100: 8 header, 4 type, 32 box, 4 parts, 4 points, then offsets).
            ("shp", "part offsets are out of order", { $0[100 + 8 + 44] = 0xFF; $0[100 + 8 + 45] = 0xFF; $0[100 + 8 + 46] = 0xFF; $0[100 + 8 + 47] = 0xFF }),
            ("shp", "truncated", { $0[100 + 8 + 36] = 0xFF; $0[100 + 8 + 37] = 0xFF; $0[100 + 8 + 38] = 0xFF; $0[100 + 8 + 39] = 0x7F }),
            // The .dbf's header length pointing past the file, and a field wider than a record.
            ("dbf", "fewer records than the .shp", { $0[8] = 0xFF; $0[9] = 0xFF }),
            ("dbf", "more bytes than a record has", { $0[32 + 16] = 0xFF }),
        ]
        for (ext, fragment, patch) in cases {
            let file = try patchedShapefile(ext, patch)
            do {
                let reader = try ShapefileReader(path: file)
                while try reader.next() != nil {}
                XCTFail("\(ext) case '\(fragment)' was read without a word")
            } catch let error as InputError {
                XCTAssertTrue(error.description.contains(fragment), error.description)
            }
        }
    }

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
