import Foundation
import LandRegistry
import XCTest

/// Every message landreg prints has both languages: the English written in
/// the code, the Chinese in `Catalogue.zh`. The test reads the sources, finds
/// every string literal written where a `Phrase` is expected (the messages
/// of errors, warnings, summary lines, table headers, and everything a
/// function returning a `Phrase` returns), and checks each has its entry;
/// and that the catalogue holds nothing the code no longer says.
final class MessageCatalogueTests: XCTestCase {
    /// The library's sources (the CLI's words are the CLI's: `CLIWordsTests`).
    static let sources = repositoryRoot.appendingPathComponent("Sources/LandRegistry")

    func testEveryMessageHasItsChinese() throws {
        let found = try MessageScan.keys(under: Self.sources)
        XCTAssertGreaterThan(found.count, 250, "the scan finds the messages")
        let missing = found.filter { $0.key.contains(where: \.isLetter) && Catalogue.zh[$0.key] == nil }.map { "\($0.value): \"\($0.key)\"" }.sorted()
        XCTAssert(missing.isEmpty, "messages without Chinese (\(missing.count)):\n" + missing.joined(separator: "\n"))
        let unused = Catalogue.zh.keys.filter { found[$0] == nil }.sorted()
        XCTAssert(unused.isEmpty, "catalogue entries no code says:\n" + unused.joined(separator: "\n"))
    }

    func testEveryEntryIsChineseWithTheSameValues() {
        for (key, zh) in Catalogue.zh {
            XCTAssertTrue(!key.contains(where: \.isLetter) || zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "no Chinese for \"\(key)\": \"\(zh)\"")
            let slots = key.components(separatedBy: "{}").count - 1
            let sequential = zh.components(separatedBy: "{}").count - 1
            let numbered = Set((1...max(slots, 1)).filter { zh.contains("{\($0)}") })
            XCTAssertTrue(sequential == slots || (sequential == 0 && numbered.count == slots),
                          "\"\(key)\" has \(slots) values, its Chinese \"\(zh)\" takes others")
        }
        // PM10 and PM2.5 are what Chinese writes too (GB 3095-2012).
        for (term, zh) in Terms.zh where !["PM10", "PM2.5"].contains(zh) {
            XCTAssertTrue(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "no Chinese for the term \(term)")
        }
    }

    func testAPhraseIsRenderedInEitherLanguage() throws {
        let error = InputError(file: "a.geojson", feature: 3, code: "P-1", property: "use", message: "missing")
        XCTAssertEqual(error.text(.en), "a.geojson: feature 3 (code P-1): property 'use': missing")
        XCTAssertEqual(error.text(.zh), "a.geojson：第 3 个要素（编码 P-1）：属性“use”：缺少")
        let nested: Phrase = "code already in layer \(term: Layer.farmland)"
        XCTAssertEqual(nested.text(.zh), "编码已在耕地图层中")
        XCTAssertFalse(nested.text(.zh).contains("already"), nested.text(.zh))
        XCTAssertTrue(nested.text(.zh).contains("耕地"), nested.text(.zh))
    }
}
