import Foundation
import XCTest

/// A fresh temporary folder per test, removed afterwards: the base of the
/// library's tests (`RegistryTestCase`) and the CLI's (`CLITestCase`).
open class TemporaryFolderTestCase: XCTestCase {
    public var directory: URL!

    open override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    open override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A path in the test's folder.
    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes text to a file in the test's folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let file = path(name)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// The repository's root folder.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bundled sample data.
public let sampleData = repositoryRoot.appendingPathComponent("Data/lingchuan")

/// A test's fixture file (`Tests/Fixtures/NAME`).
public func fixture(_ name: String) -> URL { repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)") }
