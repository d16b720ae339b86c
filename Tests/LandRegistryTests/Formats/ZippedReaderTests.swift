import XCTest
@testable import LandRegistry
import TestSupport

/// Zipped Shapefiles, as applicants send them: made by Python's zipfile
/// (names in UTF-8, or raw GBK bytes as Chinese Windows writes them), in
/// folders, with the debris of macOS and read-me files around them.
final class ZippedReaderTests: RegistryTestCase {
    /// A Shapefile of three farmland parcels, its parts' paths by extension.
    func shapefile() throws -> [String: String] {
        let features = (0..<3).map { i in
            StoredFeature(layer: .farmland, code: "F\(i)", properties: [("code", .string("F\(i)")), ("class", .string("strict"))],
                          shape: Shape.polygon([(Double(i) * 200, 0), (Double(i) * 200 + 100, 0), (Double(i) * 200 + 100, 100), (Double(i) * 200, 100)]),
                          area: 10_000)
        }
        let files = try ShapefileWriter.write(features.map { ($0, $0.shape) }, layer: .farmland, prj: "", to: path("shp"))
            .filter { !$0.hasSuffix(".prj") }
        try FileManager.default.removeItem(atPath: path("shp/farmland.prj"))
        return Dictionary(uniqueKeysWithValues: files.map { (($0 as NSString).pathExtension, path("shp/" + ($0 as NSString).lastPathComponent)) })
    }

    /// Writes a zip of `entries` (name in the zip → file on disk); `gbk`: names as raw GBK bytes, without the UTF-8 flag.
    func zip(_ entries: [(String, String)], gbk: Bool, deflate: Bool, to name: String) throws -> String {
        let out = path(name)
        let script = """
        import sys, json, zipfile
        out, gbk, deflate, entries = sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1", json.loads(sys.argv[4])
        if gbk:  # the name's GBK bytes as they are, without the UTF-8 flag (zipfile would write UTF-8)
            zipfile.ZipInfo._encodeFilenameFlags = lambda self: (self.filename.encode("cp437"), self.flag_bits)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as z:
            for name, source in entries:
                z.write(source, name.encode("gbk").decode("cp437") if gbk else name)
        """
        let json = String(decoding: try JSONSerialization.data(withJSONObject: entries.map { [$0.0, $0.1] }), as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, out, gbk ? "1" : "0", deflate ? "1" : "0", json]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return out
    }

    func features(_ reader: FeatureReader) throws -> [String] {
        var all: [String] = []
        while let feature = try reader.next() {
            all.append("\(feature.properties.map { "\($0.0)=\($0.1.jsonText)" }) \(feature.shape.map { "\($0.xy)" } ?? "-")")
        }
        return all
    }

    func testAZippedShapefileReadsAsTheShapefile() throws {
        let parts = try shapefile()
        let expected = try features(try openFeatureReader(path: parts["shp"]!))
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = SeededGenerator(seed: seed)
        let stems = ["地块", "plots", "陵川县 申报地块(2023)", "a.b"]
        let folders = ["", "申报/", "x/y/"]
        for round in 0..<16 {
            let stem = stems[Int(rng.next() % UInt64(stems.count))]
            let folder = folders[Int(rng.next() % UInt64(folders.count))]
            let gbk = rng.next() % 2 == 0, deflate = rng.next() % 2 == 0
            var entries = ["shp", "shx", "dbf", "cpg"].compactMap { ext in parts[ext].map { (folder + stem + "." + (rng.next() % 3 == 0 ? ext.uppercased() : ext), $0) } }
            if rng.next() % 2 == 0 { entries.append(("__MACOSX/" + folder + "._" + stem + ".shp", parts["dbf"]!)) }
            if rng.next() % 2 == 0 { entries.append(("说明.pdf", parts["cpg"]!)) }
            entries.shuffle(using: &rng)
            let file = try zip(entries, gbk: gbk, deflate: deflate, to: "z\(round).zip")
            let reader = try openFeatureReader(path: file)
            XCTAssertEqual(try features(reader), expected, "seed \(seed) round \(round): \(entries.map(\.0)) gbk \(gbk)")
            XCTAssertEqual(reader.fileName, file)
        }
    }

    func testZipsThatCannotBeReadSayWhy() throws {
        let parts = try shapefile()
        let junk = try write("PK but not a zip", to: "junk.zip")
        let cases: [(String, String)] = [
            (junk, "not a zip file"),
            (try zip([("a.shp", parts["shp"]!), ("a.dbf", parts["dbf"]!), ("b/c.shp", parts["shp"]!)], gbk: false, deflate: true, to: "two.zip"),
             "the zip holds 2 Shapefiles (a.shp, b/c.shp)"),
            (try zip([("申报/地块.shp", parts["shp"]!), ("申报/地块.shx", parts["shx"]!)], gbk: true, deflate: true, to: "nodbf.zip"),
             "nodbf.zip/申报/地块.shp: the .dbf file beside it is missing"),
            (try zip([("说明.pdf", parts["cpg"]!)], gbk: false, deflate: false, to: "none.zip"), "the zip holds no Shapefile"),
            (try zip([("a.geojson", parts["cpg"]!), ("b.txt", parts["cpg"]!)], gbk: false, deflate: false, to: "many.zip"),
             "the zip holds 2 files to read (a.geojson, b.txt)"),
            (try zip([("a.geojson", try write("{\"type\":", to: "a.geojson"))], gbk: false, deflate: false, to: "badjson.zip"), "badjson.zip/a.geojson"),
        ]
        for (file, fragment) in cases {
            do {
                _ = try features(try openFeatureReader(path: file))
                XCTFail("\(file) was read")
            } catch let error as InputError {
                XCTAssertTrue(error.description.contains(fragment), "\(error.description) lacks '\(fragment)'")
                XCTAssertFalse(error.description.contains("landreg-zip-"), error.description)
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("landreg-zip-") }
        XCTAssertEqual(leftovers, [], "unpacked folders left behind")
    }

    func testOneGeoJSONInAZipIsRead() throws {
        let source = try write(Local.collection([Local.feature(#""id":"P-1","use":"0701""#, Local.polygon(Local.rect(0, 0, 100, 100)))]),
                               to: "p.geojson")
        let file = try zip([("申报/p.geojson", source)], gbk: true, deflate: true, to: "p.zip")
        XCTAssertEqual(try features(try openFeatureReader(path: file)), try features(try openFeatureReader(path: source)))
    }
}
