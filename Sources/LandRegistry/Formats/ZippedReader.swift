import Foundation
import ZIPFoundation

/// A `.zip` as an applicant sends it: a Shapefile (its `.shp` with the
/// `.shx`, `.dbf`, `.prj`, `.cpg` of the same name, in any folder of the
/// zip), or else one GeoJSON, coordinate TXT or CSV file. The files are
/// unpacked into a private temporary folder, read by their own reader, and
/// named in messages as `plots.zip/地块.dbf`. Entry names in GBK (zips made
/// on Chinese Windows) are read as such.
final class ZippedReader: FeatureReader {
    private let base: FeatureReader
    private let folder: URL
    /// Unpacked path → the name inside the zip, for messages.
    private let names: [String: String]
    let fileName: String

    /// The most a zip may unpack to (a zip bomb is refused before it is unpacked).
    static let largestUnpacked: UInt64 = 2 << 30
    static let readable = ["geojson", "json", "txt", "csv", "tsv"]

    init(path: String, booleans: Set<String>, mapping: FieldMapping, encoding: String?) throws {
        fileName = path
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: .isoLatin1)
        } catch {
            throw InputError(file: path, message: FileManager.default.isReadableFile(atPath: path)
                ? "not a zip file, or a damaged one" : "cannot open the file for reading")
        }
        let entries = archive.filter { $0.type == .file }.map { (entry: $0, name: ZippedReader.name(of: $0)) }
        let (chosen, main) = try ZippedReader.choose(entries.map(\.name), zip: path)
        let total = entries.filter { chosen.contains($0.name) }.reduce(UInt64(0)) { $0 + $1.entry.uncompressedSize }
        guard total <= ZippedReader.largestUnpacked else {
            throw InputError(file: path, message: "the zip unpacks to more than \(ZippedReader.largestUnpacked >> 30) GB")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var names: [String: String] = [:]
        var mainPath = ""
        do {
            for (entry, name) in entries where chosen.contains(name) {
                // Unpacked under names of its own: an entry's path never decides where a file is written.
                let ext = (name as NSString).pathExtension.lowercased()
                let target = folder.appendingPathComponent("unpacked." + ext)
                _ = try archive.extract(entry, to: target)
                names[target.path] = (path as NSString).lastPathComponent + "/" + name
                if name == main { mainPath = target.path }
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw InputError(file: path, message: "the zip is damaged: its files cannot be unpacked")
        }
        self.names = names
        do {
            base = try openFeatureReader(path: mainPath, booleans: booleans, mapping: mapping, encoding: encoding)
        } catch var error as InputError {
            try? FileManager.default.removeItem(at: folder)
            error.file = names[error.file] ?? path
            throw error
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var declaredSRID: Int? { base.declaredSRID }
    var warnings: [Phrase] { base.warnings }
    var fieldNames: Set<String>? { base.fieldNames }

    func next() throws -> InputFeature? {
        do {
            return try base.next()
        } catch var error as InputError {
            error.file = names[error.file] ?? fileName
            throw error
        }
    }

    /// An entry's name: its bytes as UTF-8 when they are, else GBK. (ZIPFoundation hands a name
    /// without the UTF-8 flag over as code page 437 — on Linux even when asked for Latin-1 — and
    /// keeps its bytes to itself: they are had back from that with iconv.)
    private static func name(of entry: Entry) -> String {
        let text = entry.path(using: .isoLatin1)
        let bytes = text.unicodeScalars.allSatisfy({ $0.value < 0x80 }) ? Array(text.utf8)
            : text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) ? text.unicodeScalars.map { UInt8($0.value) }
            : iconvConvert(Array(text.utf8), from: "UTF-8", to: "IBM437")
        return bytes.flatMap { decodeChineseText($0) } ?? text
    }

    /// Which entries to unpack, and the one to read: the Shapefile's parts, or the one other readable file.
    private static func choose(_ names: [String], zip: String) throws -> (Set<String>, String) {
        func ext(_ name: String) -> String { (name as NSString).pathExtension.lowercased() }
        func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }
        let visible = names.filter { !$0.hasPrefix("__MACOSX/") && !($0 as NSString).lastPathComponent.hasPrefix(".") }
        let shapefiles = visible.filter { ext($0) == "shp" }
        if shapefiles.count > 1 {
            throw InputError(file: zip, message: "the zip holds \(shapefiles.count) Shapefiles (\(shapefiles.sorted().joined(separator: ", "))): send one")
        }
        if let shp = shapefiles.first {
            let parts = visible.filter { stem($0) == stem(shp) && ["shp", "shx", "dbf", "prj", "cpg"].contains(ext($0)) }
            return (Set(parts), shp)
        }
        let others = visible.filter { readable.contains(ext($0)) }
        guard others.count == 1, let only = others.first else {
            throw InputError(file: zip, message: others.isEmpty
                ? "the zip holds no Shapefile (.shp with its .dbf), GeoJSON, coordinate TXT or CSV"
                : "the zip holds \(others.count) files to read (\(others.sorted().joined(separator: ", "))): send one")
        }
        return ([only], only)
    }
}
