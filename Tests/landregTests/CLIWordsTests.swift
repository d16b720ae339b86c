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
        try assertFrontEndWords(CLIWords.zh, library: Catalogue.zh, under: "Sources/landreg", atLeast: 200)
    }
}
