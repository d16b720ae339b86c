import Foundation
import TestSupport
import XCTest
@testable import LandRegistry

/// The feature service's pages (`Registry.featurePage`): paged through at
/// random sizes, every box gives exactly the features shapely finds in the
/// layer as a client receives it (the lon/lat export), each once, in code
/// order, as the export writes it; the count is exact on every page.
final class FeaturePageTests: RegistryTestCase {
    /// A layer of random parcels (squares, slivers, triangles, holes), codes
    /// whose byte order is not their character order, and its export.
    private func county(_ generator: inout SeededGenerator) throws -> (Registry, [String: JSONValue]) {
        let registry = try makeRegistry()
        var parcels: [String] = []
        for k in 0..<300 {
            let x = Double.random(in: 0..<6000, using: &generator), y = Double.random(in: 0..<6000, using: &generator)
            let w = [2.0, 30, 200, 900].randomElement(using: &generator)!, h = w * Double.random(in: 0.05...1, using: &generator)
            let geometry: String
            switch k % 4 {
            case 0: geometry = Projected.polygon([(x, y), (x + w, y), (x, y + h)])
            case 1: geometry = Projected.polygon(Projected.rect(x, y, x + w, y + h),
                                                 Projected.rect(x + w / 4, y + h / 4, x + w / 2, y + h / 2).reversed())
            default: geometry = Projected.polygon(Projected.rect(x, y, x + w, y + h))
            }
            let code = ["F-\(k)", "f-\(k)", "Ⅲ-\(k)", "F_\(k)"][k % 4]
            parcels.append(Projected.feature("\"code\":\"\(code)\",\"class\":\"\(["priority", "strict"][k % 2])\"", geometry))
        }
        try registry.importFeatures(into: .farmland, from: GeoJSONReader(text: Projected.collection(parcels), name: "farmland.geojson"),
                                    options: ImportOptions(effectiveDate: "2023-01-01"))
        let sink = OutputSink.memory()
        try registry.exportGeoJSON(ExportOptions(layers: [.farmland]), to: sink)
        guard case .object(let members)? = try? JSONValue.parse(sink.text),
              case .array(let features)? = members.first(where: { $0.0 == "features" })?.1 else { throw XCTSkip("no export") }
        var byCode: [String: JSONValue] = [:]
        for feature in features { byCode[feature["properties"]?["code"]?.stringValue ?? ""] = feature }
        return (registry, byCode)
    }

    /// Every page of a request, at random sizes: the codes in order, and each page's count.
    private func pages(_ registry: Registry, _ request: FeaturePageRequest, _ generator: inout SeededGenerator,
                       check: (JSONValue) -> Void = { _ in }) throws -> (codes: [String], matched: Set<Int>) {
        var request = request
        var codes: [String] = [], matched = Set<Int>()
        for _ in 0..<1000 {
            request.limit = Int.random(in: 1...40, using: &generator)
            let page = try registry.featurePage(request)
            matched.insert(page.numberMatched)
            guard case .array(let features)? = try? JSONValue.parse("[" + String(decoding: page.features, as: UTF8.self) + "]") else {
                XCTFail("page is not JSON")
                break
            }
            XCTAssertEqual(features.count, page.numberReturned)
            XCTAssertLessThanOrEqual(features.count, request.limit)
            features.forEach(check)
            codes += features.compactMap { $0["id"]?.stringValue }
            guard let next = page.next else { break }
            XCTAssertEqual(next, codes.last)
            request.after = next
        }
        return (codes, matched)
    }

    func testBoxesGiveWhatShapelyFindsInWhatTheClientReceives() throws {
        var generator = SeededGenerator(seed: 22)
        let (registry, exported) = try county(&generator)
        let export = try write(#"{"type":"FeatureCollection","features":["# + exported.values.map(\.jsonText).joined(separator: ",") + "]}",
                               to: "export.geojson")
        // Lon/lat of served vertices: boxes with an edge on one touch it.
        let vertices = exported.values.compactMap { $0["geometry"]?["coordinates"]?[0]?[0] }
            .compactMap { v -> (Double, Double)? in v[0]?.doubleValue.flatMap { x in v[1]?.doubleValue.map { (x, $0) } } }
        var boxes: [[Double]] = []
        for k in 0..<120 {
            let (lon, lat) = vertices.randomElement(using: &generator)!
            let size = [0.00001, 0.0005, 0.005, 0.05][k % 4] * Double.random(in: 0.2...1, using: &generator)
            switch k % 3 {
            case 0: boxes.append([lon, lat, lon + size, lat + size])          // a corner on a vertex
            case 1: boxes.append([lon - size, lat - size / 2, lon, lat])      // the opposite corner
            default: boxes.append([lon - size, lat - size, lon + size * 0.7, lat + size * 1.3])
            }
        }
        boxes.append([100, 20, 130, 50])  // the whole county
        let boxFile = try write(JSONValue.array(boxes.map { .array($0.map { .number($0, formatNumber($0)) }) }).jsonText, to: "boxes.json")
        try runOracle("bbox.py", [export, boxFile, path("expected.json")])
        guard case .array(let expected) = try JSONValue.parse(String(contentsOfFile: path("expected.json"), encoding: .utf8)) else {
            return XCTFail("no oracle answer")
        }
        for (box, wanted) in zip(boxes, expected) {
            let codes = wanted.arrayValue?.compactMap(\.stringValue) ?? []
            let request = FeaturePageRequest(layer: .farmland, bbox: Envelope(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3]))
            let got = try pages(registry, request, &generator) { feature in
                // Each feature as the export writes it, with its code as id.
                let code = feature["id"]?.stringValue ?? ""
                XCTAssertEqual(feature["geometry"], exported[code]?["geometry"], code)
                XCTAssertEqual(feature["properties"], exported[code]?["properties"], code)
            }
            XCTAssertEqual(got.codes, codes, "bbox \(box)")
            XCTAssertEqual(got.matched, [codes.count], "bbox \(box)")
        }
    }

    func testPagesAsOfADateWithFiltersInAnotherCRS() throws {
        var generator = SeededGenerator(seed: 7)
        let (registry, exported) = try county(&generator)
        let strict = exported.filter { $0.value["properties"]?["class"]?.stringValue == "strict" }.keys
        try registry.delete(.farmland, codes: Array(strict.sorted().prefix(10)), date: "2024-01-01", by: "test", note: "test")
        let all = exported.keys.sorted { codeOrder($0, $1) }
        // Now: the deleted are gone; as of 2023: they were there.
        let now = try pages(registry, FeaturePageRequest(layer: .farmland, filters: [PropertyFilter(property: "class", values: ["严格管控类"])]),
                            &generator)
        let deleted = Set(strict.sorted().prefix(10))
        XCTAssertEqual(now.codes, all.filter { strict.contains($0) && !deleted.contains($0) })
        XCTAssertEqual(now.matched, [strict.count - 10])
        let then = try pages(registry, FeaturePageRequest(layer: .farmland, filters: [PropertyFilter(property: "class", values: ["strict"])],
                                                          asOf: "2023/6/1"), &generator)
        XCTAssertEqual(then.codes, all.filter { strict.contains($0) })
        XCTAssertEqual(then.matched, [strict.count])
        // In EPSG:4547, northing first, only the code: the registry's own coordinates, axes swapped.
        func corner(_ northFirst: Bool) throws -> (JSONValue, Double, Double) {
            let page = try registry.featurePage(FeaturePageRequest(layer: .farmland, limit: 1, srid: 4547, northFirst: northFirst, properties: ["code"]))
            let served = try JSONValue.parse(String(decoding: page.features, as: UTF8.self))
            let corner = try XCTUnwrap(served["geometry"]?["coordinates"]?[0]?[0])
            return (served["properties"] ?? .null, corner[0]?.doubleValue ?? 0, corner[1]?.doubleValue ?? 0)
        }
        let (properties, north, east) = try corner(true)
        XCTAssertEqual(properties, .object([("code", .string(all[0]))]))
        XCTAssertEqual(try corner(false).1, east)
        XCTAssertEqual(try corner(false).2, north)
        XCTAssertTrue((Projected.e0...(Projected.e0 + 7000)).contains(east) && (Projected.n0...(Projected.n0 + 7000)).contains(north), "\(north), \(east)")
    }

    func testRequestsThatCannotBeAnsweredAreRefused() throws {
        var generator = SeededGenerator(seed: 1)
        let (registry, _) = try county(&generator)
        assertError(InvalidArgument.self, ["page size", "10001"]) {
            _ = try registry.featurePage(FeaturePageRequest(layer: .farmland, limit: 10_001))
        }
        assertError(InvalidArgument.self, ["as-of date", "'yesterday'"]) {
            _ = try registry.featurePage(FeaturePageRequest(layer: .farmland, asOf: "yesterday"))
        }
        assertError(InvalidArgument.self, ["'strick'", "did you mean 'strict'"]) {
            _ = try registry.featurePage(FeaturePageRequest(layer: .farmland, filters: [PropertyFilter(property: "class", values: ["strick"])]))
        }
    }
}

private extension JSONValue {
    subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }
    var doubleValue: Double? { if case .number(let value, _) = self { return value }; return nil }
    var arrayValue: [JSONValue]? { if case .array(let items) = self { return items }; return nil }
}
