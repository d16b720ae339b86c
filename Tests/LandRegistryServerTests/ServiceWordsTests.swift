import Foundation
import LandRegistry
import TestSupport
import XCTest
@testable import LandRegistryServer

/// The service's own words live in the server (`ServiceWords`): every
/// message and page word it writes has its Chinese there or in the
/// library's catalogue, every entry is still said, each with its values.
final class ServiceWordsTests: XCTestCase {
    func testEveryServiceMessageHasItsChineseAndEveryEntryIsSaid() throws {
        try assertFrontEndWords(ServiceWords.zh, library: Catalogue.zh, under: "Sources/LandRegistryServer", atLeast: 30)
    }
}
