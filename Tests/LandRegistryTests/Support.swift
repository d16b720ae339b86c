import Foundation
import XCTest
@testable import LandRegistry

/// A fresh temporary folder per test, removed afterwards.
class RegistryTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A new empty registry in the test's folder.
    func makeRegistry(srid: Int = 4547) throws -> Registry {
        try Registry.create(at: path("registry-\(UUID().uuidString.prefix(8)).sqlite"), srid: srid)
    }

    /// Writes text to a file in the test's folder and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let file = path(name)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Imports GeoJSON text into a layer.
    @discardableResult
    func load(_ registry: Registry, _ layer: Layer, _ geojson: String, mode: ImportMode = .insert, srid: Int? = nil,
              makeValid: Bool = false, note: String? = nil, dryRun: Bool = false) throws -> ImportCounts {
        try registry.importFeatures(into: layer, from: GeoJSONReader(text: geojson, name: "\(layer.rawValue).geojson"),
                                    options: ImportOptions(mode: mode, srid: srid, makeValid: makeValid, note: note, dryRun: dryRun))
    }

    /// Asserts that `body` throws an `InputError` whose one-line text
    /// contains every fragment; "remedy:NAME" matches the error's remedy.
    func assertInputError(_ fragments: [String], file: StaticString = #filePath, line: UInt = #line,
                          _ body: () throws -> Void) {
        assertError(InputError.self, fragments, file: file, line: line, body)
    }

    /// Asserts that `body` throws a library error of type `kind` whose
    /// one-line text (`localizedDescription`, as LocalizedError gives it)
    /// contains every fragment; "remedy:NAME" matches the error's remedy.
    func assertError<E: LandRegistryError>(_ kind: E.Type, _ fragments: [String], file: StaticString = #filePath,
                                           line: UInt = #line, _ body: () throws -> Void) {
        do {
            try body()
            XCTFail("expected an error containing \(fragments)", file: file, line: line)
        } catch let error as E {
            let text = error.localizedDescription + (error.remedy.map { " remedy:\($0)" } ?? "")
            XCTAssertEqual(error.localizedDescription, error.description, file: file, line: line)
            XCTAssertFalse(text.contains("\n"), "error is not one line: \(text)", file: file, line: line)
            XCTAssertFalse(text.contains(" --"), "a library error names a CLI flag: \(text)", file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(text.contains(fragment), "'\(text)' lacks '\(fragment)'", file: file, line: line)
            }
        } catch {
            XCTFail("expected \(E.self), got \(type(of: error)): \(error)", file: file, line: line)
        }
    }
}

/// Runs one of the shapely oracles (`Tools/crosscheck/…`) with `arguments`;
/// skips the test when python3 with shapely is missing (fails instead with
/// LANDREG_REQUIRE_SHAPELY=1).
func runOracle(_ script: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tools/crosscheck/\(script)").path] + arguments
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if ProcessInfo.processInfo.environment["LANDREG_REQUIRE_SHAPELY"] == "1" { XCTFail(message) }
        throw XCTSkip("the oracle needs python3 with shapely: \(message)")
    }
}

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bundled sample data.
let sampleData = repositoryRoot.appendingPathComponent("Data/lingchuan")

/// Local planar helpers for fixtures: metres east/north of a point near the
/// Lingchuan county seat, turned into lon/lat (same approximation as the
/// sample generator).
enum Local {
    static let lon0 = 113.275, lat0 = 35.774
    static let mPerDegLat = 110950.0
    static let mPerDegLon = 111320.0 * cos(35.774 * .pi / 180)

    static func lonlat(_ x: Double, _ y: Double) -> String {
        let lon = lon0 + x / mPerDegLon, lat = lat0 + y / mPerDegLat
        return "[\(String(format: "%.9f", lon)),\(String(format: "%.9f", lat))]"
    }

    /// A closed ring through the points (counter-clockwise if given so).
    static func ring(_ points: [(Double, Double)]) -> String {
        "[" + (points + [points[0]]).map { lonlat($0.0, $0.1) }.joined(separator: ",") + "]"
    }

    static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [(Double, Double)] {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    }

    static func polygon(_ rings: [(Double, Double)]...) -> String {
        "{\"type\":\"Polygon\",\"coordinates\":[" + rings.map(ring).joined(separator: ",") + "]}"
    }

    static func point(_ x: Double, _ y: Double) -> String {
        "{\"type\":\"Point\",\"coordinates\":\(lonlat(x, y))}"
    }

    static func feature(_ properties: String, _ geometry: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(geometry)}"
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
    }
}

/// Fixtures in the registry's own CRS (EPSG:4547), so distances and areas
/// are exact: metres east/north of a point near the county seat.
enum Projected {
    static let e0 = 434_500.0, n0 = 3_960_000.0

    static func xy(_ x: Double, _ y: Double) -> String { "[\(e0 + x),\(n0 + y)]" }

    static func ring(_ points: [(Double, Double)]) -> String {
        "[" + (points + [points[0]]).map { xy($0.0, $0.1) }.joined(separator: ",") + "]"
    }

    static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [(Double, Double)] {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    }

    static func polygon(_ rings: [(Double, Double)]...) -> String {
        "{\"type\":\"Polygon\",\"coordinates\":[" + rings.map(ring).joined(separator: ",") + "]}"
    }

    static func multiPolygon(_ polygons: [[(Double, Double)]]...) -> String {
        "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.map { "[" + $0.map(ring).joined(separator: ",") + "]" }.joined(separator: ",") + "]}"
    }

    static func point(_ x: Double, _ y: Double) -> String { "{\"type\":\"Point\",\"coordinates\":\(xy(x, y))}" }

    /// A FeatureCollection with the legacy crs member ogr2ogr writes.
    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":[\n"
            + features.joined(separator: ",\n") + "\n]}"
    }
}
