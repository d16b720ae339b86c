import Foundation
import XCTest

/// The README's library example is the outside package that Tools/check-example
/// builds and runs, word for word.
final class ReadmeTests: XCTestCase {
    func testUsingTheLibraryExampleIsTheExamplePackage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try String(contentsOf: root.appendingPathComponent("Examples/UsingLandRegistry/Sources/UsingLandRegistry/main.swift"),
                                 encoding: .utf8)
        guard let section = readme.range(of: "## Using the library"),
              let start = readme.range(of: "```swift\n", range: section.upperBound..<readme.endIndex),
              let end = readme.range(of: "```", range: start.upperBound..<readme.endIndex) else {
            return XCTFail("the README has no Swift example under '## Using the library'")
        }
        XCTAssertEqual(String(readme[start.upperBound..<end.lowerBound]), example)
        XCTAssertFalse(example.contains("@testable"), "the example must use the public API only")
    }
}
