import Foundation
import XCTest

/// Runs one of the shapely oracles (`Tools/crosscheck/…`) with `arguments`;
/// skips the test when python3 with shapely is missing (fails instead with
/// LANDREG_REQUIRE_SHAPELY=1).
public func runOracle(_ script: String, _ arguments: [String]) throws {
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

/// What a GDAL tool (`ogrinfo`, `ogr2ogr`) prints, checking it succeeds;
/// nil when GDAL is not installed (a failure with LANDREG_REQUIRE_GDAL=1).
@discardableResult
public func gdal(_ name: String, _ arguments: [String]) throws -> String? {
    let candidates = ["/usr/bin/\(name)", "/usr/local/bin/\(name)"]
    guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        if ProcessInfo.processInfo.environment["LANDREG_REQUIRE_GDAL"] == "1" { XCTFail("\(name) is not installed") }
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self)
    XCTAssertEqual(process.terminationStatus, 0, "\(name) \(arguments): \(output)")
    return output
}

/// ogrinfo's output; nil when GDAL is not installed.
public func ogrinfo(_ arguments: [String]) throws -> String? { try gdal("ogrinfo", arguments) }

/// What the sqlite3 shell prints for `commands` (SQL or dot-commands) on `db`.
public func sqlite(_ db: String, _ commands: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", db] + commands
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
