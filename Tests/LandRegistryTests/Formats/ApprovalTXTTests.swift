import Foundation
import XCTest
@testable import LandRegistry

/// The land-approval coordinate files (界址点坐标 TXT) of the domain notes §3.
final class ApprovalTXTTests: RegistryTestCase {
    static let header = """
        [属性描述]
        格式版本号=1.01
        数据产生单位=陵川县自然资源局
        坐标系=2000国家大地坐标系
        几度分带=3
        投影类型=高斯克吕格
        计量单位=米
        带号=38
        转换参数=,,,,,,
        [地块坐标]

        """
    static let example = header + """
        10,0.7600,LC-2024-001,示例地块一,面,,城镇住宅用地,0701,@
        J1,1,3960350.000,38434500.000
        J2,1,3960350.000,38434600.000
        J3,1,3960270.000,38434600.000
        J4,1,3960270.000,38434500.000
        J1,1,3960350.000,38434500.000
        J5,2,3960320.000,38434530.000
        J6,2,3960300.000,38434530.000
        J7,2,3960300.000,38434550.000
        J8,2,3960320.000,38434550.000
        J5,2,3960320.000,38434530.000

        """

    func read(_ text: String, gbk: Bool = false) throws -> (ApprovalTXTReader, [InputFeature]) {
        var bytes = Array(text.utf8)
        if gbk { bytes = try XCTUnwrap(iconvEncodeGBK(text)) }
        let reader = try ApprovalTXTReader(bytes: bytes, name: "plot.txt")
        var features: [InputFeature] = []
        while let f = try reader.next() { features.append(f) }
        return (reader, features)
    }

    func iconvEncodeGBK(_ text: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    func testTheWorkedExampleInGBKAndUTF8() throws {
        for gbk in [false, true] {
            let (reader, features) = try read(Self.example, gbk: gbk)
            XCTAssertEqual(reader.declaredSRID, 4526, "zone 38 with the prefix")
            XCTAssertEqual(reader.warnings, [], "0.80 ha less the 400 m² hole matches the declared 0.76 ha")
            let plot = try XCTUnwrap(features.first)
            XCTAssertEqual(plot.property("code"), .string("LC-2024-001"))
            XCTAssertEqual(plot.property("name"), .string("示例地块一"))
            XCTAssertEqual(plot.property("use"), .string("0701"))
            XCTAssertEqual(plot.shape?.ringEnds, [5, 10])
            // J1 in lon/lat (EPSG:4526 → CGCS2000).
            var j1 = Shape(type: .point, xy: Array(plot.shape!.xy[0..<2]))
            try Transformer(from: 4526, to: CRS.lonLat).transform(&j1)
            XCTAssertEqual(j1.xy[0], 113.27564, accuracy: 1e-4)
            XCTAssertEqual(j1.xy[1], 35.77077, accuracy: 1e-4)
        }
        // Imported into the registry, it has the declared area and keeps its hole.
        let registry = try makeRegistry()
        let file = path("plot.txt")
        try Self.example.write(toFile: file, atomically: true, encoding: .utf8)
        var results: [CheckResult] = []
        try registry.check(try openFeatureReader(path: file), options: CheckOptions(record: false)) { results.append($0) }
        XCTAssertEqual(results.first?.areaM2 ?? 0, 7600, accuracy: 0.01)
        XCTAssertEqual(results.first?.proposal.use, "0701")
    }

    func testSeveralPlotsPartsVariantsAndTheAreaWarning() throws {
        let text = Self.header.replacingOccurrences(of: "\n", with: "\r\n") + """
            5,0.0100,A-1,甲,面,,,0103,@\r
            1,1,3960000,434000\r
            2,1,3960000,434100\r
            3,1,3960100,434100\r
            4,1,3960100,434000\r
            1,1,3960000,434000\r
            5,0.0100,A-1,甲,面,,,0103,@\r
            1,1,3961000,434000\r
            2,1,3961000,434100\r
            3,1,3961100,434100\r
            1,1,3961000,434000\r
            4,1.0000,B-2,乙,面,,,0804,@\r
            1,1,3962000,434000\r
            2,1,3962000,434100\r
            3,1,3962100,434100\r
            1,1,3962000,434000\r
            \r

            """
        let (reader, features) = try read(text)
        XCTAssertEqual(reader.declaredSRID, 4547, "no zone prefix: CM 114E from 带号 38")
        XCTAssertEqual(features.map { $0.code }, ["A-1", "B-2"])
        XCTAssertEqual(features[0].shape?.type, .multiPolygon)
        XCTAssertEqual(features[0].shape?.polygonEnds, [1, 2])
        XCTAssertEqual(reader.warnings.count, 2, "A-1 is 1.5 ha, B-2 0.5 ha: both differ from what they declare")
        XCTAssertTrue(reader.warnings[0].description.contains("plot A-1"), reader.warnings[0].description)
    }

    func testMalformedFilesGetLineNumbers() throws {
        func error(_ body: String) -> String {
            do { _ = try read(Self.header + body); return "no error" } catch { return "\(error)" }
        }
        let lines = Self.header.split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertTrue(error("4,0.01,A,甲,面,,,0103,@\nJ1,1,3960000,38434000\nJ2,1,3960000,38434100\nJ3,1,3960100,38434100\nJ4,1,3960100,38434000\n")
            .contains("plot.txt:\(lines + 1): ring 1 of plot A is not closed"))
        XCTAssertTrue(error("4,0.01,A,甲,面,,,0103,@\nJ1,1,3960000\n").contains("plot.txt:\(lines + 1): a boundary point needs 4 fields"))
        XCTAssertTrue(error("4,0.01,A,甲,面,,,0103,@\nJ1,1,3960000,3843x4000\n").contains("plot.txt:\(lines + 1): coordinate"))
        XCTAssertTrue(error("4,0.01,A,甲,面,,,0103,@\nJ1,1,3960000,39434000\nJ2,1,3960000,39434100\nJ3,1,3960100,39434100\nJ1,1,3960000,39434000\n")
            .contains("zone number 39 contradicts 带号=38"))
        XCTAssertTrue(error("J1,1,3960000,38434000\n").contains("before any plot header"))
    }
}
