import Foundation
import XCTest

/// A killed import leaves the registry as it was; readers running beside a
/// writer never see "database is locked" or a half-applied import.
final class RobustnessTests: CLITestCase {
    /// A farmland layer of `count` parcels whose `crop` is `crop` everywhere.
    func farmland(_ count: Int, crop: String, to name: String) throws -> String {
        var text = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        for i in 0..<count {
            let x = 113.0 + Double(i % 300) * 0.0015, y = 35.6 + Double(i / 300) * 0.0012
            if i > 0 { text += ",\n" }
            text += "{\"type\":\"Feature\",\"properties\":{\"code\":\"F\(i)\",\"class\":\"priority\",\"crop\":\"\(crop)\"},"
            text += "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(x),\(y)],[\(x + 0.001),\(y)],[\(x + 0.001),\(y + 0.001)],[\(x),\(y + 0.001)],[\(x),\(y)]]]}}"
        }
        text += "\n]}\n"
        let file = path(name)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A geometry another program stored compressed (SpatiaLite's
    /// `CompressGeometry`) exports as it is: the export reads plain blobs
    /// itself and has SpatiaLite convert the others.
    func testACompressedGeometryExportsLikeThePlainOne() throws {
        let db = path("compressed.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        XCTAssertEqual(try run(["import", "farmland", Self.sample.appendingPathComponent("farmland.geojson").path, "--db", db]).status, 0)
        let before = try run(["export", "farmland", "--db", db]).stdout
        let type = try sqlite(db, ".load mod_spatialite", "UPDATE farmland SET geom = CompressGeometry(geom) WHERE code = 'FL-0001'",
                              "SELECT hex(substr(geom, 40, 4)) FROM farmland WHERE code = 'FL-0001'")
        guard type == "43420F00" else { throw XCTSkip("sqlite3 cannot load mod_spatialite here (\(type))") }
        let after = try run(["export", "farmland", "--db", db])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(after.stdout, before)
    }

    func testKillDuringImportLeavesTheRegistryAsItWas() throws {
        let db = path("kill.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        let small = try farmland(10, crop: "before", to: "small.geojson")
        XCTAssertEqual(try run(["import", "farmland", small, "--db", db]).status, 0)
        let big = try farmland(150_000, crop: "after", to: "big.geojson")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["import", "farmland", big, "--mode", "upsert", "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.6)
        XCTAssertTrue(process.isRunning, "the import should still be running when killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(try sqlite(db, "PRAGMA integrity_check"), "ok")
        XCTAssertEqual(try sqlite(db, "SELECT count(*) || ' ' || group_concat(DISTINCT crop) FROM farmland"), "10 before")
        let list = try run(["list", "farmland", "--db", db])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("10 features"))
        XCTAssertEqual(try sqlite(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'farmland'"), "11",
                       "SpatiaLite's 8 triggers and landreg's 3 (outside edits) are back")
        XCTAssertEqual(try sqlite(db, "SELECT rtreecheck('idx_farmland_geom')"), "ok")
    }

    func testReadersBesideAWriterNeverSeeALockOrAHalfImport() throws {
        let db = path("busy.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        let a = try farmland(3000, crop: "A", to: "a.geojson")
        let b = try farmland(3000, crop: "B", to: "b.geojson")
        XCTAssertEqual(try run(["import", "farmland", a, "--db", db]).status, 0)
        // Four shell loops as separate processes for four seconds: one
        // upserts A and B in turn, three read (export, list, check).
        let landreg = Self.binary.path
        let proposal = path("p.geojson")
        try #"{"type":"Feature","properties":{"id":"x","use":"0103","food_crops":true},"geometry":{"type":"Point","coordinates":[113.05,35.62]}}"#
            .write(toFile: proposal, atomically: true, encoding: .utf8)
        let script = """
            end=$((SECONDS + 4)); n=0
            case "$1" in
            write) while [ $SECONDS -lt $end ]; do
                     for f in "\(b)" "\(a)"; do "\(landreg)" import farmland "$f" --mode upsert --db "\(db)" >/dev/null 2>>"$2.err" || echo "import failed" >>"$2.err"; n=$((n+1)); done
                   done ;;
            export) while [ $SECONDS -lt $end ]; do
                     "\(landreg)" export farmland --db "\(db)" > "$2.out" 2>>"$2.err" || echo "export failed" >>"$2.err"
                     a=$(grep -c '"crop":"A"' "$2.out"); b=$(grep -c '"crop":"B"' "$2.out")
                     if [ "$a" -gt 0 ] && [ "$b" -gt 0 ]; then echo "half-applied: $a A and $b B" >>"$2.err"; fi
                     n=$((n+1)); done ;;
            list) while [ $SECONDS -lt $end ]; do "\(landreg)" list farmland --db "\(db)" >/dev/null 2>>"$2.err" || echo "list failed" >>"$2.err"; n=$((n+1)); done ;;
            check) while [ $SECONDS -lt $end ]; do "\(landreg)" check "\(proposal)" --db "\(db)" >/dev/null 2>>"$2.err" || echo "check failed" >>"$2.err"; n=$((n+1)); done ;;
            esac
            echo $n > "$2.count"
            """
        let scriptFile = path("loop.sh")
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
        let roles = ["write", "export", "list", "check"]
        let processes = try roles.map { role -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [scriptFile, role, path(role)]
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        var counts: [String: Int] = [:]
        for role in roles {
            let errors = (try? String(contentsOfFile: path(role) + ".err", encoding: .utf8)) ?? ""
            XCTAssertEqual(errors, "", role)
            XCTAssertFalse(errors.contains("locked"), role)
            counts[role] = Int(((try? String(contentsOfFile: path(role) + ".count", encoding: .utf8)) ?? "0")
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        let writes = counts["write"] ?? 0
        let reads = (counts["export"] ?? 0) + (counts["list"] ?? 0) + (counts["check"] ?? 0)
        XCTAssertGreaterThan(writes, 2)
        XCTAssertGreaterThan(reads, 6)
    }
}

final class OutputPathTests: CLITestCase {
    /// `--out` naming a pipe or device (`/dev/null`, a FIFO) writes into it;
    /// the file was written under a temporary name and renamed over it, which
    /// as root turned /dev/null into a regular file. A symbolic link is
    /// followed: the file it names is replaced, the link stays.
    /// A one-character `--out` (Foundation's deletingLastPathComponent trapped
    /// on it: the process died of SIGILL) is a file in the current folder;
    /// `--out -` is standard output, as in other command-line tools.
    func testAOneCharacterOutIsAFileAndADashIsStandardOutput() throws {
        let db = path("short.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        XCTAssertEqual(try run(["import", "admin", Self.sample.appendingPathComponent("admin.geojson").path, "--db", db]).status, 0)
        // `run` starts landreg in the test's folder: `x` and `-` are relative to it.
        let file = try run(["export", "admin", "--out", "x", "--db", db])
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertTrue(try String(contentsOfFile: path("x"), encoding: .utf8).hasPrefix("{\"type\":\"FeatureCollection\""))
        let dash = try run(["export", "admin", "--out", "-", "--db", db])
        XCTAssertEqual(dash.status, 0, dash.stderr)
        XCTAssertTrue(dash.stdout.hasPrefix("{\"type\":\"FeatureCollection\""), dash.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("-")))
    }

    func testOutWritesIntoAFIFOAndThroughALink() throws {
        let db = path("out.sqlite")
        XCTAssertEqual(try run(["init", "--db", db]).status, 0)
        XCTAssertEqual(try run(["import", "admin", Self.sample.appendingPathComponent("admin.geojson").path, "--db", db]).status, 0)
        let fifo = path("out.fifo")
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        // Open both ways so that landreg's open does not wait for a reader.
        let fd = open(fifo, O_RDWR | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let result = try run(["export", "admin", "--out", fifo, "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(fd, &bytes, bytes.count)
        XCTAssertGreaterThan(count, 0)
        XCTAssertTrue(String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self).hasPrefix("{\"type\":\"FeatureCollection\""))

        let target = path("real.geojson"), link = path("link.geojson")
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink(target, link), 0)
        XCTAssertEqual(try run(["export", "admin", "--out", link, "--db", db]).status, 0)
        XCTAssertEqual(lstat(link, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "the link was replaced")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{\"type\":\"FeatureCollection\""))
    }
}
