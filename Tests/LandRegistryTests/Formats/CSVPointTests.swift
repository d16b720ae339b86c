import Foundation
import XCTest
@testable import LandRegistry

final class CSVPointTests: RegistryTestCase {
    func testOutfallTableWithBOMAndQuotedCells() throws {
        let registry = try makeRegistry()
        let text = "\u{FEFF}code,type,name,经度,纬度,river\r\n140524-WS-001,sewage_plant,\"陵川县城污水处理厂排污口, 总口\",113.30,35.76,县城河\r\n140524-GY-001,industrial,矿井水排口,113.18,35.69,廖东河\r\n"
        let file = try write(text, to: "outfalls.csv")
        let counts = try registry.importFeatures(into: .outfalls, from: try openFeatureReader(path: file))
        XCTAssertEqual(counts.inserted, 2)
        let first = try XCTUnwrap(try registry.feature(.outfalls, code: "140524-WS-001"))
        XCTAssertEqual(first.properties.first { $0.0 == "name" }?.1, .string("陵川县城污水处理厂排污口, 总口"))
        XCTAssertEqual(first.shape.xy[0], 113.30, accuracy: 1e-7)
        XCTAssertEqual(first.shape.xy[1], 35.76, accuracy: 1e-7)
    }

    func testGBKEnterprisesWithBooleansAndProjectedSections() throws {
        let registry = try makeRegistry()
        let text = "code,name,lon,lat,air_emitting,key_supervised,permit_status\nE1,陵川鑫源冶炼有限公司,113.40,35.82,是,true,valid\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", path("enterprises.csv")]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let reader = try openFeatureReader(path: path("enterprises.csv"), booleans: ["air_emitting", "key_supervised"])
        XCTAssertEqual(try registry.importFeatures(into: .enterprises, from: reader).inserted, 1)
        let e1 = try XCTUnwrap(try registry.feature(.enterprises, code: "E1"))
        XCTAssertEqual(e1.properties.first { $0.0 == "name" }?.1, .string("陵川鑫源冶炼有限公司"))
        XCTAssertEqual(e1.properties.first { $0.0 == "air_emitting" }?.1, .bool(true))

        let sections = try write("code,name,target_class,x,y\nS1,台北村,III,434500,3960000\n", to: "sections.csv")
        let counts = try registry.importFeatures(into: .sections, from: try openFeatureReader(path: sections),
                                                 options: ImportOptions(srid: 4547))
        XCTAssertEqual(counts.inserted, 1)
        assertInputError(["out of longitude/latitude range", "remedy:giveInputCRS"]) {
            _ = try registry.importFeatures(into: .sections, from: try openFeatureReader(path: sections), options: ImportOptions(mode: .upsert))
        }
    }

    func testBadRowsNameTheirLine() throws {
        let registry = try makeRegistry()
        let file = try write("code,type,lon,lat\nA,other,113.1,35.7\nB,other,113.x,35.7\n", to: "bad.csv")
        assertInputError(["bad.csv:3", "feature 2", "not numbers"]) {
            _ = try registry.importFeatures(into: .outfalls, from: try openFeatureReader(path: file))
        }
        let short = try write("code,type,lon,lat\nA,other,113.1\n", to: "short.csv")
        assertInputError(["short.csv:2", "3 cells where the header has 4"]) {
            _ = try registry.importFeatures(into: .outfalls, from: try openFeatureReader(path: short))
        }
        let noCoordinates = try write("code,type\nA,other\n", to: "none.csv")
        assertInputError(["no coordinate columns"]) { _ = try openFeatureReader(path: noCoordinates) }
        XCTAssertEqual(try registry.counts().first { $0.0 == .outfalls }?.1, 0)
    }
}
