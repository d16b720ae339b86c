import GRDB
import XCTest
@testable import LandRegistry

final class ExportTests: RegistryTestCase {
    func export(_ registry: Registry, _ options: ExportOptions) throws -> String {
        let file = path("out-\(UUID().uuidString.prefix(6)).geojson")
        try registry.exportGeoJSON(options, to: OutputSink(path: file))
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    /// Thousands of features go through the export's workers in ranges of
    /// codes and come out whole, in order, each once — byte for byte as the
    /// export that reads them all on one thread writes them, with filters,
    /// several layers, areas, and ranges that the filter empties.
    func testALargeExportKeepsEveryFeatureInOrder() throws {
        let registry = try makeRegistry()
        let classes = ["priority", "priority", "safe_use", "strict"]
        let parcels = (0..<1800).map { k -> String in
            let x = Double(k % 60) * 100, y = Double(k / 60) * 100
            let properties = "\"code\":\"FL-\(String(format: "%05d", k))\",\"class\":\"\(classes[k / 50 % 4])\",\"town\":\"潞城镇 \\\"\(k % 7)\\\"\""
            return Local.feature(properties, Local.polygon(Local.rect(x, y, x + 80, y + 80)))
        }
        try load(registry, .farmland, Local.collection(parcels.shuffled()))
        let sink = OutputSink.memory()
        XCTAssertEqual(try registry.exportGeoJSON(ExportOptions(layers: [.farmland]), to: sink), 1800)
        guard case .object(let members)? = try? JSONValue.parse(sink.text),
              case .array(let features)? = members.first(where: { $0.0 == "features" })?.1 else { return XCTFail("not a FeatureCollection") }
        XCTAssertEqual(features.compactMap { $0["properties"]?["code"]?.stringValue }, (0..<1800).map { "FL-\(String(format: "%05d", $0))" })
        XCTAssertTrue(features.allSatisfy { $0["geometry"]?["type"]?.stringValue == "Polygon" })
        XCTAssertEqual(features.first?["properties"]?["town"]?.stringValue, "潞城镇 \"0\"")

        try load(registry, .riskPlots, Local.collection([Local.feature("\"code\":\"R1\",\"stage\":\"listed\"", Local.polygon(Local.rect(0, 0, 50, 50)))]))
        for (layers, filters, withArea) in [([Layer.farmland], [PropertyFilter](), false),
                                            ([.riskPlots, .farmland, .rivers], [], true),
                                            ([.farmland], [PropertyFilter(property: "class", values: ["strict"])], true)] {
            var serial = ExportOptions(layers: layers, filters: filters, withArea: withArea)
            serial.sharedFrom = .max
            var shared = serial
            (shared.sharedFrom, shared.rangeRows) = (1, 7)
            var counted: [Int] = []
            let one = OutputSink.memory(), many = OutputSink.memory()
            let written = try registry.exportGeoJSON(serial, to: one)
            XCTAssertEqual(try registry.exportGeoJSON(shared, to: many, progress: { counted.append($0) }), written)
            XCTAssertEqual(many.text, one.text, "\(layers) \(filters)")
            XCTAssertEqual(counted, written >= 10_000 ? [10_000] : [])
            XCTAssertNoThrow(try JSONValue.parse(many.text))
        }
        // Another process writing (its lock held): the export reads on one snapshot, not after waiting for it.
        let other = try DatabaseQueue(path: registry.path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            var shared = ExportOptions(layers: [.farmland])
            (shared.sharedFrom, shared.rangeRows) = (1, 7)
            let started = Date(), again = OutputSink.memory()
            XCTAssertEqual(try registry.exportGeoJSON(shared, to: again), 1800)
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "waited for the writer")
            XCTAssertEqual(again.text, sink.text)
        }
        try other.close()
    }

    /// The export writes text columns' bytes as they are when they are
    /// UTF-8, and as `String` repairs them (U+FFFD) when another program
    /// stored bytes that are not: the file stays valid JSON.
    func testTextThatIsNotUTF8ExportsRepaired() throws {
        let registry = try makeRegistry()
        try load(registry, .farmland, Local.collection([
            Local.feature("\"code\":\"F1\",\"class\":\"priority\",\"town\":\"潞城镇\"", Local.polygon(Local.rect(0, 0, 50, 50)))]))
        let queue = try DatabaseQueue(path: registry.path)
        try queue.write { db in try db.execute(sql: "UPDATE farmland SET town = CAST(X'E6BD9EFF41E9' AS TEXT)") }
        try queue.close()
        let text = try export(registry, ExportOptions(layers: [.farmland]))
        let collection = try JSONValue.parse(text)
        guard case .array(let features)? = collection["features"] else { return XCTFail(text) }
        XCTAssertEqual(features.first?["properties"]?["town"]?.stringValue, String(decoding: [0xE6, 0xBD, 0x9E, 0xFF, 0x41, 0xE9], as: UTF8.self))
        XCTAssertEqual(features.first?["properties"]?["town"]?.stringValue, "潞\u{FFFD}A\u{FFFD}")
    }

    /// `isValidUTF8` agrees with Swift's own validation on well-formed and
    /// broken sequences (overlong, surrogate, too large, cut short, stray).
    func testUTF8IsValidatedAsSwiftValidatesIt() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x41], [0x22], [0xC3, 0xA9], [0xE6, 0xBD, 0x9E], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
                                 [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF],
                                 [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
                                 [0xF8], [0xFF], [0xC3], [0xE6, 0xBD], [0xF0, 0x9F, 0x98]]
        for round in 0..<20_000 {
            var bytes = (0..<Int.random(in: 0...5, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            if round % 4 == 0 { bytes = (0..<Int.random(in: 1...6, using: &generator)).map { _ in UInt8.random(in: 0x7E...0xFF, using: &generator) } }
            let valid = bytes.withUnsafeBufferPointer { JSONValue.isValidUTF8($0) }
            XCTAssertEqual(valid, String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
        }
    }

    func testExportIsRFC7946() throws {
        let registry = try makeRegistry()
        // Clockwise exterior, counter-clockwise hole, in lon/lat.
        let polygon = """
            {"type":"Feature","properties":{"code":"A","stage":"listed","note":"x"},"geometry":{"type":"Polygon","coordinates":[
            [[113.27,35.77],[113.27,35.78],[113.28,35.78],[113.28,35.77],[113.27,35.77]],
            [[113.272,35.772],[113.274,35.772],[113.274,35.774],[113.272,35.774],[113.272,35.772]]]}}
            """
        try load(registry, .riskPlots, polygon)
        let text = try export(registry, ExportOptions(layers: [.riskPlots]))
        XCTAssertFalse(text.contains("\"crs\""))
        let collection = try JSONValue.parse(text)
        guard case .array(let features)? = collection["features"], let feature = features.first else { return XCTFail() }
        XCTAssertEqual(feature["properties"], try JSONValue.parse(#"{"code":"A","stage":"listed","note":"x"}"#))
        let reader = GeoJSONReader(text: text)
        let shape = try XCTUnwrap(try reader.next()?.shape)
        XCTAssertGreaterThan(shape.signedArea2(ring: shape.ringRanges[0]), 0, "exterior counter-clockwise")
        XCTAssertLessThan(shape.signedArea2(ring: shape.ringRanges[1]), 0, "hole clockwise")
        XCTAssertEqual(shape.xy.count, 20)
    }

    func testCoordinatesAreRoundedCorrectlyAndRoundTrip() throws {
        let registry = try makeRegistry()
        let original = """
            {"type":"Feature","properties":{"code":"A","stage":"clean"},"geometry":{"type":"Polygon","coordinates":[
            [[113.3999997,35.7700001],[113.4100003,35.7700001],[113.4100003,35.7812345],[113.3999997,35.7812345],[113.3999997,35.7700001]]]}}
            """
        try load(registry, .riskPlots, original)
        let text = try export(registry, ExportOptions(layers: [.riskPlots]))
        XCTAssertTrue(text.contains("113.3999997"), text)
        XCTAssertTrue(text.contains("35.7812345"), text)
        XCTAssertFalse(text.contains("113.4,"), "ogr2ogr-style lossy rounding")
        // export → import → export gives the same file.
        let second = try makeRegistry()
        try load(second, .riskPlots, text)
        XCTAssertEqual(try export(second, ExportOptions(layers: [.riskPlots])), text)
        let coarse = try export(registry, ExportOptions(layers: [.riskPlots], precision: 3))
        XCTAssertTrue(coarse.contains("[113.4,35.77]"), coarse)
    }

    func testSeveralLayersCarryTheirLayerAndFiltersSelect() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([
            Projected.polygon(Projected.rect(0, 0, 10, 10)).withProperties(#""code":"A","stage":"listed","toxic_history":true"#),
            Projected.polygon(Projected.rect(20, 0, 30, 10)).withProperties(#""code":"B","stage":"clean","sector":"化工""#),
        ]))
        try load(registry, .sections, Projected.collection([Projected.point(5, 5).withProperties(#""code":"S","name":"台北村","target_class":"III""#)]))
        let all = try JSONValue.parse(try export(registry, ExportOptions(layers: [.riskPlots, .sections])))
        guard case .array(let features)? = all["features"] else { return XCTFail() }
        XCTAssertEqual(features.compactMap { $0["properties"]?["layer"]?.stringValue }, ["risk-plots", "risk-plots", "sections"])
        let listed = try export(registry, ExportOptions(layers: [.riskPlots], filters: [PropertyFilter(parsing: "stage=listed,remediating")!]))
        XCTAssertTrue(listed.contains("\"A\"") && !listed.contains("\"B\""))
        let byExtra = try export(registry, ExportOptions(layers: [.riskPlots], filters: [PropertyFilter(parsing: "sector=化工")!]))
        XCTAssertTrue(byExtra.contains("\"B\"") && !byExtra.contains("\"A\""))
        let toxic = try export(registry, ExportOptions(layers: [.riskPlots], filters: [PropertyFilter(parsing: "toxic_history=true")!]))
        XCTAssertTrue(toxic.contains("\"A\"") && !toxic.contains("\"B\""))
        let withArea = try JSONValue.parse(try export(registry, ExportOptions(layers: [.riskPlots], withArea: true)))
        guard case .array(let plots)? = withArea["features"] else { return XCTFail() }
        XCTAssertEqual(plots.first?["properties"]?["area_m2"], .number(100, "100"))
        XCTAssertEqual(plots.first?["properties"]?["area_mu"], .number(0.15, "0.15"), "100 m² in mu")
    }

    func testProjectedGeoJSONKeepsTheRegistrysCRSAndReadsBack() throws {
        let registry = try makeRegistry()
        try load(registry, .riskPlots, Projected.collection([Projected.polygon(Projected.rect(0, 0, 10, 10)).withProperties(#""code":"A","stage":"listed""#)]))
        var options = ExportOptions(layers: [.riskPlots], precision: 3)
        options.projected = true
        let sink = OutputSink.memory()
        try registry.exportGeoJSON(options, to: sink)
        XCTAssertTrue(sink.text.contains(#""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}}"#))
        XCTAssertTrue(sink.text.contains("[434500,3960000]"), sink.text)
        let again = try makeRegistry()
        XCTAssertEqual(try load(again, .riskPlots, sink.text).inserted, 1)
        XCTAssertEqual(try again.feature(.riskPlots, code: "A")?.area ?? 0, 100, accuracy: 1e-6)
    }

    func testOneFilePerLayerAndShapefilesOfAFilteredPast() throws {
        let registry = try makeRegistry()
        let square = Projected.polygon(Projected.rect(0, 0, 10, 10))
        try registry.importFeatures(into: .riskPlots, from: GeoJSONReader(text: Projected.collection([
            square.withProperties(#""code":"A","stage":"contaminated","stage_date":"2023-01-01""#),
            square.withProperties(#""code":"B","stage":"suspected""#),
        ])), options: ImportOptions(effectiveDate: "2023-01-01"))
        try registry.changeStage(code: "A", to: .listed, date: "2023-06-01", by: "王")
        let files = try registry.exportGeoJSONFiles(ExportOptions(layers: [.riskPlots, .farmland]), to: path("split"))
        XCTAssertEqual(files, ["risk-plots.geojson", "farmland.geojson"])
        XCTAssertTrue(try String(contentsOfFile: path("split/risk-plots.geojson"), encoding: .utf8).contains("\"A\""))
        // As of 2023-03-01 only A was contaminated; now it is listed.
        let listedThen = try registry.exportShapefiles([.riskPlots], to: path("then"), filters: [PropertyFilter(property: "stage", values: ["contaminated"])],
                                                       asOf: "2023-03-01")
        XCTAssertTrue(listedThen.contains("risk-plots.dbf"))
        let reader = try ShapefileReader(path: path("then/risk-plots.shp"))
        var codes: [String] = []
        while let feature = try reader.next() { codes.append(feature.code ?? "") }
        XCTAssertEqual(codes, ["A"])
    }

    func testCoordinatesAreWrittenAsPrintfWouldRoundThem() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 113.3999997, 35.00000005, -0.00000004, -0.00000005, 1e-9, 179.99999999, -180]
        for _ in 0..<5000 { values.append(Double.random(in: -180...180, using: &generator)) }
        for precision in [0, 3, 7, 9] {
            // A small first buffer: the writer grows it many times on the way.
            var features = GeoJSONFeatures(precision: precision, capacity: 16)
            features.geometry(Shape(type: .multiPoint, xy: values.flatMap { [$0, $0] }))
            let text = String(decoding: features.bytes, as: UTF8.self)
            let written = text.components(separatedBy: "[[")[1].components(separatedBy: "]]")[0]
                .components(separatedBy: "],[").map { $0.components(separatedBy: ",")[0] }
            XCTAssertEqual(written.count, values.count)
            for (value, text) in zip(values, written) {
                var expected = String(format: "%.\(precision)f", value)
                if precision > 0 {
                    while expected.hasSuffix("0") { expected.removeLast() }
                    if expected.hasSuffix(".") { expected.removeLast() }
                }
                if expected == "-0" { expected = "0" }
                XCTAssertEqual(text, expected, "\(value) at precision \(precision)")
            }
        }
    }
}
