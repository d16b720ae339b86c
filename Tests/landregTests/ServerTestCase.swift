import Foundation
import XCTest
import LandRegistry

/// A test case with `landreg serve` on a port the system chooses, stopped
/// after each test, and the clients the tests speak to it with.
class ServerTestCase: CLITestCase {
    var server: Process?
    var base = ""

    override func tearDownWithError() throws {
        if let server, server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
        try super.tearDownWithError()
    }

    /// Starts the server on a port the system chooses; returns its URL.
    @discardableResult
    func serve(_ db: String, _ arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--db", db, "--port", "0", "--lang", "en"] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        server = process
        var seen = ""
        let reader = err.fileHandleForReading
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let data = reader.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let match = seen.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
                base = String(seen[match])
                // The access log goes on: drain it so that the server never blocks on a full pipe.
                reader.readabilityHandler = { _ = $0.availableData }
                return base
            }
        }
        XCTFail("the server did not say where it listens: \(seen)")
        return ""
    }

    struct Answer { var status: Int; var headers: [String: String]; var body: String }

    /// A GET through curl: status, headers (lower-case names) and body.
    func get(_ path: String, _ headers: [String] = [], method: String = "GET", body file: String? = nil, data: String? = nil) throws -> Answer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-sS", "-D", "-", "--max-time", "30"] + (method == "HEAD" ? ["-I"] : ["-X", method])
        arguments += headers.flatMap { ["-H", $0] }
        if let file { arguments += ["--data-binary", "@" + file] }
        if let data { arguments += ["--data-binary", data] }
        process.arguments = arguments + [base + path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return Answer(status: 0, headers: [:], body: text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: fields, body: String(text[split.upperBound...]))
    }

    func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A script of Tools/crosscheck run against the server: what it printed
    /// and its status; skipped when its Python modules are missing (a
    /// failure under LANDREG_REQUIRE_SHAPELY=1).
    func crosscheck(_ script: String, _ arguments: [String]) throws -> (status: Int32, said: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tools/crosscheck/\(script)").path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if said.contains("ModuleNotFoundError") {
            if ProcessInfo.processInfo.environment["LANDREG_REQUIRE_SHAPELY"] == "1" { XCTFail(said) }
            throw XCTSkip("\(script) needs python3 with shapely: \(said)")
        }
        return (process.terminationStatus, said)
    }

    /// A form POSTed to /check through curl (`-F` fields).
    func post(form: [String], headers: [String] = [], to target: String = "/check") throws -> Answer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "-D", "-", "--max-time", "60"] + form.flatMap { ["-F", $0] } + headers.flatMap { ["-H", $0] } + [base + target]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let split = text.range(of: "\r\n\r\n") else { return Answer(status: 0, headers: [:], body: text) }
        let status = Int(text[..<split.lowerBound].split(separator: " ").dropFirst().first ?? "") ?? 0
        return Answer(status: status, headers: [:], body: String(text[split.upperBound...]))
    }

    /// `text` written in GBK, as Chinese Windows writes it.
    func gbk(_ utf8: String, to name: String) throws -> String {
        let out = path(name)
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GBK", utf8, "-o", out]
        try iconv.run()
        iconv.waitUntilExit()
        XCTAssertEqual(iconv.terminationStatus, 0)
        return out
    }
}
