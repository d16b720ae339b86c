import XCTest
@testable import LandRegistry

final class ExportTests: RegistryTestCase {
    func export(_ registry: Registry, _ options: ExportOptions) throws -> String {
        let file = path("out-\(UUID().uuidString.prefix(6)).geojson")
        try registry.exportGeoJSON(options, to: OutputSink(path: file))
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    /// Thousands of features go through the export's workers in chunks and
    /// come out whole, in order, each once.
    func testALargeExportKeepsEveryFeatureInOrder() throws {
        let registry = try makeRegistry()
        let parcels = (0..<1800).map { k -> String in
            let x = Double(k % 60) * 100, y = Double(k / 60) * 100
            return Local.feature("\"code\":\"FL-\(String(format: "%05d", k))\",\"class\":\"priority\"", Local.polygon(Local.rect(x, y, x + 80, y + 80)))
        }
        try load(registry, .farmland, Local.collection(parcels.shuffled()))
        let sink = OutputSink.memory()
        XCTAssertEqual(try registry.exportGeoJSON(ExportOptions(layers: [.farmland]), to: sink), 1800)
        guard case .object(let members)? = try? JSONValue.parse(sink.text),
              case .array(let features)? = members.first(where: { $0.0 == "features" })?.1 else { return XCTFail("not a FeatureCollection") }
        XCTAssertEqual(features.compactMap { $0["properties"]?["code"]?.stringValue }, (0..<1800).map { "FL-\(String(format: "%05d", $0))" })
        XCTAssertTrue(features.allSatisfy { $0["geometry"]?["type"]?.stringValue == "Polygon" })
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
            let file = path("numbers-\(precision).json")
            let sink = try OutputSink(path: file)
            var writer = GeoJSONWriter(sink: sink, precision: precision)
            writer.geometry(Shape(type: .multiPoint, xy: values.flatMap { [$0, $0] }))
            try sink.finish()
            let text = try String(contentsOfFile: file, encoding: .utf8)
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
