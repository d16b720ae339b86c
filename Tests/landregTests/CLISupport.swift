import Foundation
@_exported import TestSupport
@testable import LandRegistry
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
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Output {
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
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A land-approval coordinate file (UTF-8, zone-38 eastings) of one square
    /// plot of `side` metres centred on a lon/lat, with a declared area.
    func approvalTXT(lon: Double, lat: Double, side: Double, use: String, declaredHa: String, zone: Int = 38,
                     words: String = "工业用地") throws -> String {
        var centre = Shape(type: .point, xy: [lon, lat])
        try Transformer(from: 4490, to: 4526).transform(&centre)
        let (e, n) = (centre.xy[0], centre.xy[1])
        let h = side / 2
        let corners = [(n - h, e - h), (n - h, e + h), (n + h, e + h), (n + h, e - h), (n - h, e - h)]
        var text = "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=\(zone)\n[地块坐标]\n"
        text += "5,\(declaredHa),LC-2024-007,工业用地,面,,\(words),\(use),,@\n"
        for (k, corner) in corners.enumerated() {
            // The easting's first two digits are the zone (a mistyped zone moves the plot 300 km).
            let easting = corner.1 + Double(zone - 38) * 1_000_000
            text += "J\(k == 4 ? 1 : k + 1),1,\(String(format: "%.3f", corner.0)),\(String(format: "%.3f", easting))\n"
        }
        let file = path("plot.txt")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
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

    /// The sample registry with the sample's water and air monitoring.
    func monitoredRegistry() throws -> String {
        let db = try sampleRegistry()
        for file in ["monitoring-2023.csv", "air-2023.csv", "air-targets-2023.csv"] {
            let result = try run(["monitor", "import", Self.sample.appendingPathComponent(file).path, "--db", db])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        return db
    }
}
