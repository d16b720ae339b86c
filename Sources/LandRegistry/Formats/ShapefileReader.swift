import Foundation

/// Reads an ESRI Shapefile (`.shp` with `.shx`, `.dbf`, optional `.prj` and
/// `.cpg`) as features, without GDAL: geometry from `.shp` (outer rings
/// clockwise, holes counter-clockwise, as the format has it), attributes
/// from `.dbf` decoded with the `.cpg` encoding, else `--encoding`, else
/// UTF-8 when valid and GBK/GB18030 otherwise; the CRS from `.prj`.
/// Field names map to the contract's properties by `mapping`, then by the
/// defaults of `ShapefileFields`.
public final class ShapefileReader: FeatureReader {
    /// The `.dbf`'s fields, as the properties they give.
    public var fieldNames: Set<String>? { Set(fields.map(\.name)) }
    public let fileName: String
    @exclusivity(unchecked) public private(set) var declaredSRID: Int?
    @exclusivity(unchecked) public private(set) var encoding: String
    private let shp: [UInt8]
    private let dbf: [UInt8]
    @exclusivity(unchecked) private var fields: [(name: String, type: UInt8, offset: Int, length: Int)] = []
    @exclusivity(unchecked) private var recordCount = 0
    @exclusivity(unchecked) private var dbfHeaderLength = 0
    @exclusivity(unchecked) private var dbfRecordLength = 0
    @exclusivity(unchecked) private var shpOffset = 100
    @exclusivity(unchecked) private var number = 0
    private let booleans: Set<String>

    /// - Parameters:
    ///   - mapping: which field gives which property (`--map code=DKBM`); one field may give several.
    ///   - booleans: properties to read as true/false from text fields.
    public init(path: String, mapping: FieldMapping = FieldMapping(), encoding: String? = nil, booleans: Set<String> = []) throws {
        fileName = path
        self.booleans = booleans
        let base = (path as NSString).deletingPathExtension
        func sibling(_ ext: String) -> String? {
            for candidate in [base + "." + ext, base + "." + ext.uppercased()] where FileManager.default.fileExists(atPath: candidate) {
                return candidate
            }
            return nil
        }
        guard let shpData = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot open the file for reading")
        }
        guard let dbfPath = sibling("dbf"), let dbfData = FileManager.default.contents(atPath: dbfPath) else {
            throw InputError(file: path, message: "the .dbf file beside it is missing (a Shapefile is .shp, .shx and .dbf)")
        }
        shp = [UInt8](shpData)
        dbf = [UInt8](dbfData)
        guard shp.count >= 100, ShapefileReader.int32BE(shp, 0) == 9994 else {
            throw InputError(file: path, message: "not a Shapefile (bad .shp header)")
        }
        guard dbf.count >= 32 else { throw InputError(file: dbfPath, message: "not a dBase file (too short)") }
        recordCount = Int(ShapefileReader.uint32LE(dbf, 4))
        dbfHeaderLength = Int(UInt16(dbf[8]) | UInt16(dbf[9]) << 8)
        dbfRecordLength = Int(UInt16(dbf[10]) | UInt16(dbf[11]) << 8)
        // Encoding: .cpg, else the option, else detected from the text fields.
        var chosen = encoding
        if chosen == nil, let cpg = sibling("cpg"), let text = try? String(contentsOfFile: cpg, encoding: .utf8) {
            chosen = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var offset = 1
        var descriptor = 32
        var rawNames: [[UInt8]] = []
        while descriptor + 32 <= dbfHeaderLength && descriptor + 32 <= dbf.count && dbf[descriptor] != 0x0D {
            let nameBytes = Array(dbf[descriptor..<(descriptor + 11)].prefix { $0 != 0 })
            rawNames.append(nameBytes)
            let type = dbf[descriptor + 11]
            let length = Int(dbf[descriptor + 16])
            fields.append(("", type, offset, length))
            offset += length
            descriptor += 32
        }
        self.encoding = ShapefileReader.normalise(chosen ?? ShapefileReader.detectedEncoding(
            names: rawNames, fields: fields, dbf: dbf, headerLength: dbfHeaderLength, recordLength: dbfRecordLength, count: recordCount))
        let utf8 = self.encoding.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        for (i, raw) in rawNames.enumerated() {
            // A UTF-8 name cut at 10 bytes in the middle of a character: read without that part, as GDAL does.
            guard let name = decodeChineseText(utf8 ? trimmingCutUTF8(raw) : raw, encoding: self.encoding) else {
                throw InputError(file: dbfPath, message: "field name \(i + 1) cannot be read as \(self.encoding)", remedy: .giveEncoding)
            }
            fields[i].name = mapping.properties(forField: name).first ?? ShapefileFields.property(for: name)
            for extra in mapping.properties(forField: name).dropFirst() { fields.append((extra, fields[i].type, fields[i].offset, fields[i].length)) }
        }
        if let prj = sibling("prj"), let wkt = try? String(contentsOfFile: prj, encoding: .utf8) {
            declaredSRID = try ShapefileReader.srid(fromWKT: wkt, file: prj)
        }
    }

    /// UTF-8 when the field names and the first 2,000 records' text fields
    /// are valid UTF-8, else GB18030 (GBK).
    private static func detectedEncoding(names: [[UInt8]], fields: [(name: String, type: UInt8, offset: Int, length: Int)],
                                         dbf: [UInt8], headerLength: Int, recordLength: Int, count: Int) -> String {
        var sample: [UInt8] = []
        for name in names { sample += trimmingCutUTF8(name) }
        for r in 0..<min(count, 2000) {
            let start = headerLength + r * recordLength
            for field in fields where field.type == UInt8(ascii: "C") && start + field.offset + field.length <= dbf.count {
                sample += dbf[(start + field.offset)..<(start + field.offset + field.length)]
            }
        }
        return String(validating: sample, as: UTF8.self) != nil ? "UTF-8" : "GB18030"
    }

    static func normalise(_ name: String) -> String {
        switch name.uppercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "UTF8", "65001": return "UTF-8"
        case "GBK", "936", "CP936", "GB2312", "GB18030", "ANSI936": return "GB18030"
        default: return name
        }
    }

    public func next() throws -> InputFeature? {
        guard number < recordCount, shpOffset + 8 <= shp.count else { return nil }
        number += 1
        func fail(_ message: Phrase) -> InputError { InputError(file: fileName, feature: number, message: message) }
        let contentLength = Int(ShapefileReader.int32BE(shp, shpOffset + 4)) * 2
        let start = shpOffset + 8
        guard contentLength >= 4, start + contentLength <= shp.count else { throw fail("the .shp record is truncated") }
        shpOffset = start + contentLength
        let shape = try readShape(start, start + contentLength, fail: fail)
        var properties = try attributes(fail: fail)
        // Codes are text in the contract: a numeric code field reads as its digits.
        if let i = properties.firstIndex(where: { $0.0 == "code" }), case .number(_, let text) = properties[i].1 {
            properties[i].1 = .string(text)
        }
        return InputFeature(number: number, properties: properties, shape: shape)
    }

    /// The current record's attributes from the `.dbf`: empty values and
    /// null numbers absent, numbers, logicals, dates, text (booleans where asked).
    private func attributes(fail: (Phrase) -> InputError) throws -> [(String, JSONValue)] {
        let record = dbfHeaderLength + (number - 1) * dbfRecordLength
        guard record + dbfRecordLength <= dbf.count else { throw fail("the .dbf has fewer records than the .shp") }
        var properties: [(String, JSONValue)] = []
        for field in fields {
            guard field.offset + field.length <= dbfRecordLength else {
                throw InputError(file: fileName, feature: number, property: field.name,
                                 message: "the .dbf header gives the field more bytes than a record has")
            }
            let bytes = Array(dbf[(record + field.offset)..<(record + field.offset + field.length)])
            guard let raw = decodeChineseText(bytes, encoding: encoding) else {
                throw InputError(file: fileName, feature: number, property: field.name, message: "the value cannot be read as \(encoding)", remedy: .giveEncoding)
            }
            let text = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
            // Empty, or a null number as GDAL and QGIS write it (`*` padding): absent.
            if text.isEmpty || text.allSatisfy({ $0 == "*" }) { continue }
            switch field.type {
            case UInt8(ascii: "N"), UInt8(ascii: "F"):
                if let value = Double(decimal: text) {
                    if booleans.contains(field.name) && (value == 0 || value == 1) {
                        // GDAL writes booleans as numeric fields of width 1.
                        properties.append((field.name, .bool(value == 1)))
                    } else {
                        properties.append((field.name, .number(value, text)))
                    }
                } else {
                    throw InputError(file: fileName, feature: number, property: field.name, message: "'\(text)' is not a number")
                }
            case UInt8(ascii: "L"):
                if "TtYy".contains(text) { properties.append((field.name, .bool(true))) }
                else if "FfNn".contains(text) { properties.append((field.name, .bool(false))) }
            case UInt8(ascii: "D"):
                if text.count == 8 {
                    properties.append((field.name, .string("\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")))
                }
            default:
                if booleans.contains(field.name) {
                    switch text.lowercased() {
                    case "true", "1", "t", "y", "yes", "是": properties.append((field.name, .bool(true)))
                    case "false", "0", "f", "n", "no", "否": properties.append((field.name, .bool(false)))
                    default: properties.append((field.name, .string(text)))
                    }
                } else {
                    properties.append((field.name, .string(text)))
                }
            }
        }
        return properties
    }

    private func readShape(_ start: Int, _ end: Int, fail: (Phrase) -> InputError) throws -> Shape? {
        // Every read stays inside the record: a header may lie about its counts.
        func int32(_ at: Int) throws -> Int {
            guard at >= start, at + 4 <= end else { throw fail("the .shp record is truncated") }
            return Int(ShapefileReader.int32LE(shp, at))
        }
        func double(_ at: Int) throws -> Double {
            guard at >= start, at + 8 <= end else { throw fail("the .shp record is truncated") }
            return Double(bitPattern: UInt64(ShapefileReader.uint32LE(shp, at)) | UInt64(ShapefileReader.uint32LE(shp, at + 4)) << 32)
        }
        let type = try int32(start)
        switch type {
        case 0:
            return nil
        case 1, 11, 21:
            return Shape(type: .point, xy: [try double(start + 4), try double(start + 12)])
        case 8, 18, 28:
            let n = try int32(start + 36)
            guard n > 0, start + 40 + 16 * n <= end else { throw fail("the .shp record is truncated") }
            var xy: [Double] = []
            for i in 0..<n { xy += [try double(start + 40 + 16 * i), try double(start + 48 + 16 * i)] }
            return Shape(type: n == 1 ? .point : .multiPoint, xy: xy)
        case 3, 13, 23, 5, 15, 25:
            let parts = try int32(start + 36)
            let points = try int32(start + 40)
            guard parts > 0, points > 0, start + 44 + 4 * parts + 16 * points <= end else { throw fail("the .shp record is truncated") }
            var starts = try (0..<parts).map { try int32(start + 44 + 4 * $0) }
            starts.append(points)
            guard starts[0] == 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw fail("the .shp record's part offsets are out of order")
            }
            let base = start + 44 + 4 * parts
            var rings: [[Double]] = []
            for p in 0..<parts {
                var xy: [Double] = []
                for i in starts[p]..<starts[p + 1] { xy += [try double(base + 16 * i), try double(base + 16 * i + 8)] }
                rings.append(xy)
            }
            let isLine = type == 3 || type == 13 || type == 23
            if isLine {
                var shape = Shape(type: parts == 1 ? .lineString : .multiLineString, xy: [])
                for ring in rings { shape.xy += ring; shape.ringEnds.append(shape.positionCount) }
                return shape
            }
            return polygon(from: rings)
        default:
            throw fail("shape type \(type) is not supported")
        }
    }

    /// Groups rings into polygons: clockwise rings are outlines, the others
    /// holes of the outline that contains them.
    private func polygon(from rings: [[Double]]) -> Shape {
        func area2(_ r: [Double]) -> Double {
            var s = 0.0
            var i = 0
            while i + 3 < r.count { s += r[i] * r[i + 3] - r[i + 2] * r[i + 1]; i += 2 }
            return s
        }
        func contains(_ ring: [Double], _ x: Double, _ y: Double) -> Bool {
            var inside = false
            var i = 0, j = ring.count - 2
            while i < ring.count {
                let (xi, yi, xj, yj) = (ring[i], ring[i + 1], ring[j], ring[j + 1])
                if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                j = i; i += 2
            }
            return inside
        }
        var shells: [[Double]] = []
        var holes: [[[Double]]] = []
        var orphans: [[Double]] = []
        for ring in rings {
            if area2(ring) <= 0 { shells.append(ring); holes.append([]) } else { orphans.append(ring) }
        }
        if shells.isEmpty { shells = orphans; holes = orphans.map { _ in [] }; orphans = [] }
        for hole in orphans {
            let owner = shells.firstIndex { contains($0, hole[0], hole[1]) } ?? (shells.count - 1)
            holes[owner].append(hole)
        }
        var shape = Shape(type: shells.count == 1 ? .polygon : .multiPolygon, xy: [])
        for (k, shell) in shells.enumerated() {
            for ring in [shell] + holes[k] { shape.xy += ring; shape.ringEnds.append(shape.positionCount) }
            shape.polygonEnds.append(shape.ringEnds.count)
        }
        if shape.type == .polygon { shape.polygonEnds = [] }
        return shape
    }

    static func int32BE(_ b: [UInt8], _ i: Int) -> Int32 {
        Int32(bitPattern: UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3]))
    }
    static func uint32LE(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
    static func int32LE(_ b: [UInt8], _ i: Int) -> Int32 { Int32(bitPattern: uint32LE(b, i)) }
}
