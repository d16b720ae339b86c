import Foundation
import LandRegistry
import TestSupport
import XCTest
@testable import landreg

/// The CLI's own words live in the CLI (`CLIWords`): every message and help
/// text its sources write has its Chinese there or in the library's
/// catalogue, every entry there is still said, and each takes the values
/// its English takes.
final class CLIWordsTests: XCTestCase {
    func testEveryCLIMessageHasItsChineseAndEveryEntryIsSaid() throws {
        let found = try MessageScan.keys(under: repositoryRoot.appendingPathComponent("Sources/landreg"))
        XCTAssertGreaterThan(found.count, 200, "the scan finds the CLI's messages and help texts")
        let missing = found.filter { $0.key.contains(where: \.isLetter) && CLIWords.zh[$0.key] == nil && Catalogue.zh[$0.key] == nil }
            .map { "\($0.value): \"\($0.key)\"" }.sorted()
        XCTAssert(missing.isEmpty, "CLI messages without Chinese (\(missing.count)):\n" + missing.joined(separator: "\n"))
        let unused = CLIWords.zh.keys.filter { found[$0] == nil }.sorted()
        XCTAssert(unused.isEmpty, "CLI entries no code says:\n" + unused.joined(separator: "\n"))
        let twice = CLIWords.zh.keys.filter { Catalogue.zh[$0] != nil }.sorted()
        XCTAssert(twice.isEmpty, "entries in both catalogues:\n" + twice.joined(separator: "\n"))
        for (key, zh) in CLIWords.zh {
            XCTAssertTrue(!key.contains(where: \.isLetter) || zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "no Chinese for \"\(key)\"")
            let slots = key.components(separatedBy: "{}").count - 1
            let sequential = zh.components(separatedBy: "{}").count - 1
            let numbered = Set((1...max(slots, 1)).filter { zh.contains("{\($0)}") })
            XCTAssertTrue(sequential == slots || (sequential == 0 && numbered.count == slots), "\"\(key)\" and \"\(zh)\" take other values")
        }
    }
}
