import Foundation
@_exported import TestSupport
import XCTest

/// Runs the built `landreg` binary and checks stdout, stderr and exit status.
class CLITestCase: TemporaryFolderTestCase {
    static let binary: URL = {
        // The test bundle sits beside the products in .build/<config>/.
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("landreg").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("landreg")
    }()

    static let sample = sampleData

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["LANDREG_DB"] = nil
        env["LANG"] = "C"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func sampleRegistry() throws -> String {
        let db = path("lingchuan.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        for layer in ["admin", "rivers", "sections", "water-zones", "outfalls", "enterprises", "risk-plots", "farmland", "basic-farmland"] {
            let result = try run(["import", layer, Self.sample.appendingPathComponent("\(layer).geojson").path, "--db", db])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        return db
    }
}
