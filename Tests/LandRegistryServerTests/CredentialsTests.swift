import Foundation
import XCTest
@testable import LandRegistryServer

/// What the service remembers of credentials: a session ends when it
/// expires or is ended, never before; failed sign-ins make the next ones
/// wait, doubling, and a success forgets them.
final class CredentialsTests: XCTestCase {
    func testASessionEndsWhenItExpires() throws {
        let credentials = Credentials(sessionLength: .milliseconds(300))
        let session = credentials.newSession(for: "wang")
        XCTAssertEqual(credentials.session(session.id)?.account, "wang")
        XCTAssertNil(credentials.session(String(repeating: "0", count: 64)), "a forged session id")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertNil(credentials.session(session.id), "an expired session still signs in")
        let other = credentials.newSession(for: "li")
        credentials.endSession(other.id)
        XCTAssertNil(credentials.session(other.id))
        XCTAssertNotEqual(session.csrf, other.csrf)
    }

    func testFailedSignInsWaitLongerEachTime() {
        let credentials = Credentials()
        for _ in 0..<Credentials.freeFailures { XCTAssertEqual(credentials.wait("account wang"), 0); credentials.failed(["account wang"]) }
        var waits: [Int] = []
        for _ in 0..<4 {
            waits.append(credentials.wait("account wang"))
            credentials.failed(["account wang"])
        }
        XCTAssertEqual(waits, [1, 2, 4, 8], "seconds to wait after 5, 6, 7, 8 failures")
        XCTAssertEqual(credentials.wait("account li"), 0, "another account waits for wang's failures")
        credentials.succeeded(["account wang"])
        XCTAssertEqual(credentials.wait("account wang"), 0)
    }
}
