import Foundation
import XCTest
@testable import LandRegistry

final class GeoJSONReaderTests: XCTestCase {
    func readAll(_ text: String) throws -> [InputFeature] {
        let reader = GeoJSONReader(text: text, name: "t.geojson")
        var features: [InputFeature] = []
        while let feature = try reader.next() { features.append(feature) }
        return features
    }

    func error(_ text: String) -> String {
        do {
            _ = try readAll(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testFeatureCollectionKeepsPropertyOrderAndNumberText() throws {
        let features = try readAll("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"z":1.50,"a":"甲","n":null,"o":{"k":[true,false]}},
            "geometry":{"coordinates":[[[0,0],[1,0],[1,1],[0,0]]],"type":"Polygon"}}]}
            """)
        XCTAssertEqual(features.count, 1)
        XCTAssertEqual(features[0].properties.map(\.0), ["z", "a", "n", "o"])
        XCTAssertEqual(JSONValue.object(features[0].properties).jsonText, #"{"z":1.50,"a":"甲","n":null,"o":{"k":[true,false]}}"#)
        XCTAssertEqual(features[0].shape?.type, .polygon)
        XCTAssertEqual(features[0].shape?.ringEnds, [4])
    }

    /// GDAL writes white space everywhere, inside positions too.
    func testWhiteSpaceInsideCoordinates() throws {
        let features = try readAll("""
            { "type": "FeatureCollection", "features": [
            { "type": "Feature", "properties": { "code": "A" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ 113.0, 35.5 ] ,
              [ 113.1 , 35.5 ], [\t113.1,\n35.6 ], [ 113.0, 35.5 ] ] ] } }
            ] }
            """)
        XCTAssertEqual(features.first?.shape?.xy, [113.0, 35.5, 113.1, 35.5, 113.1, 35.6, 113.0, 35.5])
    }

    func testSingleFeatureAndBareGeometry() throws {
        let feature = try readAll(#"{"type":"Feature","geometry":{"type":"Point","coordinates":[113.2,35.7,900]},"properties":{"code":"X"}}"#)
        XCTAssertEqual(feature.first?.shape?.xy, [113.2, 35.7])
        let bare = try readAll(#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]],[[5.1,5.1],[5.2,5.1],[5.2,5.2],[5.1,5.1]]]]}"#)
        XCTAssertEqual(bare.first?.shape?.polygonEnds, [1, 3])
        XCTAssertEqual(bare.first?.shape?.ringEnds, [4, 8, 12])
    }

    func testLegacyCRSMemberIsRead() throws {
        let reader = GeoJSONReader(text: #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},"features":[]}"#)
        XCTAssertNil(try reader.next())
        XCTAssertEqual(reader.declaredSRID, 4547)
        let crs84 = GeoJSONReader(text: #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[]}"#)
        XCTAssertNil(try crs84.next())
        XCTAssertEqual(crs84.declaredSRID, 4326)
    }

    func testSyntaxErrorsNameTheLineAndFeature() {
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}},\n{\"type\":\"Feature\",\"properties\":{\"a\":tru},\"geometry\":null}]}"
        let message = error(text)
        XCTAssertTrue(message.contains("t.geojson:3"), message)
        XCTAssertTrue(message.contains("feature 2"), message)
        XCTAssertTrue(message.contains("invalid literal"), message)
    }

    func testHostileNestingGivesAnErrorNotACrash() {
        let deep = "{\"type\":\"Feature\",\"properties\":{\"x\":" + String(repeating: "[", count: 10_000)
            + String(repeating: "]", count: 10_000) + "},\"geometry\":null}"
        XCTAssertTrue(error(deep).contains("nested deeper"), error(deep))
        let deepCoordinates = "{\"type\":\"Point\",\"coordinates\":" + String(repeating: "[", count: 10_000) + "1,2" + String(repeating: "]", count: 10_000) + "}"
        XCTAssertTrue(error(deepCoordinates).contains("nested deeper"), error(deepCoordinates))
    }

    func testHugeStringIsRead() throws {
        let big = String(repeating: "陵", count: 400_000)
        let features = try readAll("{\"type\":\"Feature\",\"properties\":{\"note\":\"\(big)\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}")
        XCTAssertEqual(features.first?.property("note")?.stringValue?.count, 400_000)
    }

    func testMalformedInputs() {
        XCTAssertTrue(error("").contains("empty"))
        XCTAssertTrue(error("[1,2]").contains("not GeoJSON"))
        XCTAssertTrue(error(#"{"type":"Feature","properties":{}}"#).contains("no \"geometry\""))
        XCTAssertTrue(error(#"{"type":"Polygon","coordinates":[[0,0],[1,1]]}"#).contains("nest 3 level(s) deep, found 2"))
        XCTAssertTrue(error(#"{"type":"Point","coordinates":[1]}"#).contains("at least two numbers"))
        XCTAssertTrue(error(#"{"type":"Point","coordinates":[1e999,1]}"#).contains("out of range"))
        XCTAssertTrue(error(#"{"type":"GeometryCollection","geometries":[]}"#).contains("GeometryCollection"))
        XCTAssertTrue(error(#"{"type":"FeatureCollection","features":[]} x"#).contains("after the end"))
        XCTAssertTrue(error(#"{"type":"Point","coordinates":[1,2] "#).contains("unexpected end"))
        XCTAssertTrue(error(#"{"type":"Feature","properties":{"a":"\ud800"},"geometry":null}"#).contains("surrogate"))
        XCTAssertTrue(error(#"{"type":"Point","coordinates":[01,2]}"#).contains("invalid number"))
    }

    func testEscapesRoundTrip() throws {
        let value = try JSONValue.parse(#"{"s":"a\"b\\c\n\u00e9\ud83d\ude00\t"}"#)
        XCTAssertEqual(value["s"]?.stringValue, "a\"b\\c\né😀\t")
        XCTAssertEqual(try JSONValue.parse(value.jsonText), value)
    }

    func testFastNumberPathMatchesStrtodBitForBit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let integer = UInt64.random(in: 0...999, using: &generator)
            let fraction = UInt64.random(in: 0...99_999_999_999, using: &generator)
            let decimals = Int.random(in: 0...12, using: &generator)
            var text = "\(Bool.random() ? "-" : "")\(integer)"
            if decimals > 0 {
                let digits = String(String(fraction).prefix(decimals))
                text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
            }
            let expected = strtod(text, nil)
            if let fast = JSONParser.fastDouble(Array(text.utf8)) {
                XCTAssertEqual(fast.bitPattern, expected.bitPattern, text)
            }
            let parsed = try? JSONValue.parse(text)
            if case .number(let value, let raw)? = parsed {
                XCTAssertEqual(value.bitPattern, expected.bitPattern, text)
                XCTAssertEqual(raw, text)
            } else {
                XCTFail(text)
            }
        }
        XCTAssertNil(JSONParser.fastDouble(Array("1e5".utf8)))
        XCTAssertNil(JSONParser.fastDouble(Array("12345678901234567890".utf8)))
    }

    /// Coordinates are read in place from the file's buffer when they can
    /// be: numbers of every form (exponents, 15 and more digits, leading
    /// zeros, `-0`, malformed), with white space around them, read through
    /// buffers of 1 to 40 bytes (a number cut by the buffer's end) and
    /// whole: the same positions bit for bit, or the same error.
    func testCoordinatesReadInPlaceAsWhole() throws {
        var g = SystemRandomNumberGenerator()
        let forms = ["0", "-0", "7", "-12.5", "113.0000639", "35.5503672", "500000.123456789", "1e5", "1E-2", "2.5e+3",
                     "1234567890123456", "0.00000000000000000000001", "123456789012345.6", "00", "01.5", "1.", ".5", "-",
                     "--1", "1.2.3", "+1", "1e", "1e999", "3.14159265358979"]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-numbers-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: file) }
        /// The positions' bits, or the error.
        func read(_ source: ByteSource) -> (bits: [UInt64]?, error: String?) {
            do {
                return (try GeoJSONReader(source: source).next()?.shape?.xy.map(\.bitPattern), nil)
            } catch {
                return (nil, "\(error)")
            }
        }
        var fast = 0
        for _ in 0..<3_000 {
            let tokens = (0..<(2 * Int.random(in: 1...3, using: &g))).map { _ -> String in
                if Int.random(in: 0..<3, using: &g) == 0 { return forms.randomElement(using: &g)! }
                return String(format: "%.\(Int.random(in: 0...9, using: &g))f", Double.random(in: -1000...1000, using: &g))
            }
            let space = { [" ", "", "\n", "\t "].randomElement(using: &g)! }
            let positions = stride(from: 0, to: tokens.count, by: 2).map { "[\(space())\(tokens[$0])\(space()),\(space())\(tokens[$0 + 1])\(space())]" }
            let text = #"{"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":["# + positions.joined(separator: ",") + "]}}"
            try text.write(to: file, atomically: true, encoding: .utf8)
            let whole = read(ByteSource(bytes: Array(text.utf8), name: file.path))
            let small = read(ByteSource(path: file.path, bufferSize: Int.random(in: 1...40, using: &g))!)
            XCTAssertEqual(whole.bits, small.bits, text)
            XCTAssertEqual(whole.error, small.error, text)
            // And as JSON values read them (strtod): the same numbers.
            let expected = tokens.map { token -> UInt64? in
                guard case .number(let value, _)? = try? JSONValue.parse(token) else { return nil }
                return value.bitPattern
            }
            if expected.allSatisfy({ $0 != nil }) {
                XCTAssertEqual(whole.bits, expected.map { $0! }, text)
                fast += 1
            } else {
                XCTAssertNotNil(whole.error, text)
            }
        }
        XCTAssertGreaterThan(fast, 1_000)
    }

    func testAFolderIsNotAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-\(UUID().uuidString).geojson")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try GeoJSONReader(path: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("is a folder, not a file"), "\(error)")
        }
    }

    func testAnErrorStaysOnOneLineWhateverTheFileHolds() {
        for bytes in [[0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0x0D]] as [[UInt8]] {
            let text = #"{"type":"Feature","properties":{"code":"a\"# + String(decoding: bytes, as: UTF8.self) + #""},"geometry":null}"#
            XCTAssertThrowsError(try GeoJSONReader(text: text).next()) { error in
                let line = "\(error)"
                XCTAssertEqual(line.split(whereSeparator: \.isNewline).count, 1, line)
            }
        }
    }
}
