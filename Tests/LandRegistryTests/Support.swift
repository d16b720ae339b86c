import Foundation
@_exported import TestSupport
import XCTest
@testable import LandRegistry

/// A test of the library, in a fresh temporary folder: registries made and
/// loaded there, errors asserted as one line.
class RegistryTestCase: TemporaryFolderTestCase {
    /// A new empty registry in the test's folder.
    func makeRegistry(srid: Int = 4547) throws -> Registry {
        try Registry.create(at: path("registry-\(UUID().uuidString.prefix(8)).sqlite"), srid: srid)
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
