import Foundation
import XCTest

/// Progress lines: on a terminal's standard error, never in redirected output.
final class ProgressTests: CLITestCase {
    func testProgressOnlyOnATerminal() throws {
        let db = try sampleRegistry()
        // 600 proposals: the sample's fifteen, renamed forty times.
        let text = try String(contentsOf: Self.sample.appendingPathComponent("proposals.geojson"), encoding: .utf8)
        let body = text[text.range(of: "[")!.upperBound..<text.range(of: "]}", options: .backwards)!.lowerBound]
        let copies = (0..<40).map { body.replacingOccurrences(of: "\"id\":\"P-", with: "\"id\":\"R\($0)-P-") }
        let file = path("plan.geojson")
        try ("{\"type\":\"FeatureCollection\",\"features\":[" + copies.joined(separator: ",") + "]}").write(toFile: file, atomically: true, encoding: .utf8)
        let piped = try run(["check", file, "--format", "json", "--out", path("a.json"), "--no-record", "--lang", "zh", "--db", db])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("\r"), "no progress in redirected output: \(piped.stderr)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) to make a terminal") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", "\(Self.binary.path) check \(file) --format json --out \(path("b.json")) --no-record --lang zh --db \(db)", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let seen = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(seen.contains("\r已审查 500 宗"), seen)
        XCTAssertEqual(try String(contentsOfFile: path("a.json"), encoding: .utf8).count,
                       try String(contentsOfFile: path("b.json"), encoding: .utf8).count, "the report is the same")
    }
}
