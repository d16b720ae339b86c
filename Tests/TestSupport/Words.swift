import Foundation
import XCTest

/// A front end's own words (the CLI's, the server's) checked against its
/// sources: every message and help text the sources under `folder` write
/// has its Chinese in `words` or in the library's catalogue (`library`),
/// every entry of `words` is still said and is not the library's too, and
/// each takes the values its English takes.
public func assertFrontEndWords(_ words: [String: String], library: [String: String], under folder: String, atLeast: Int,
                                file: StaticString = #filePath, line: UInt = #line) throws {
    let found = try MessageScan.keys(under: repositoryRoot.appendingPathComponent(folder))
    XCTAssertGreaterThan(found.count, atLeast, "the scan finds the messages of \(folder)", file: file, line: line)
    let missing = found.filter { $0.key.contains(where: \.isLetter) && words[$0.key] == nil && library[$0.key] == nil }
        .map { "\($0.value): \"\($0.key)\"" }.sorted()
    XCTAssert(missing.isEmpty, "messages without Chinese (\(missing.count)):\n" + missing.joined(separator: "\n"), file: file, line: line)
    let unused = words.keys.filter { found[$0] == nil }.sorted()
    XCTAssert(unused.isEmpty, "entries no code says:\n" + unused.joined(separator: "\n"), file: file, line: line)
    let twice = words.keys.filter { library[$0] != nil }.sorted()
    XCTAssert(twice.isEmpty, "entries in both catalogues:\n" + twice.joined(separator: "\n"), file: file, line: line)
    for (key, zh) in words {
        XCTAssertTrue(!key.contains(where: \.isLetter) || zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                      "no Chinese for \"\(key)\"", file: file, line: line)
        let slots = key.components(separatedBy: "{}").count - 1
        let sequential = zh.components(separatedBy: "{}").count - 1
        let numbered = Set((1...max(slots, 1)).filter { zh.contains("{\($0)}") })
        XCTAssertTrue(sequential == slots || (sequential == 0 && numbered.count == slots), "\"\(key)\" and \"\(zh)\" take other values",
                      file: file, line: line)
    }
}
