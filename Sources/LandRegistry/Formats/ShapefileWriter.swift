import Foundation

/// Writes features as ESRI Shapefiles: `.shp`, `.shx`, `.dbf` (UTF-8
/// attributes), `.cpg` and `.prj`. Field names keep within dBase's 10
/// characters (`ShapefileFields.abbreviations`); features of several
/// geometry kinds (enterprises: points and polygons) give one file set per
/// kind. Writes files only; the features come from the caller.
public enum ShapefileWriter {
    /// Writes `features` (each with its shape in the output CRS, whose WKT
    /// is `prj`) of `layer` into `directory`; returns the files written.
    public static func write(_ features: [(StoredFeature, Shape)], layer: Layer, prj: String,
                             to directory: String) throws -> [String] {
        try write([(layer, features)], prj: prj, to: directory)
    }

    /// Several layers into one folder, written completely or not at all.
    public static func write(_ layers: [(Layer, [(StoredFeature, Shape)])], prj: String, to directory: String) throws -> [String] {
        try AtomicFolder.write(directory) { folder in
            try layers.flatMap { layer, features in try write(features, layer: layer, prj: prj, into: folder) }
        }
    }

    private static func write(_ features: [(StoredFeature, Shape)], layer: Layer, prj: String,
                              into directory: String) throws -> [String] {
        // Group by the Shapefile type each geometry needs.
        var groups: [(suffix: String, type: Int32, features: [(StoredFeature, Shape)])] = []
        for (feature, shape) in features {
            let (type, suffix): (Int32, String)
            switch shape.type {
            case .point: (type, suffix) = (1, "point")
            case .multiPoint: (type, suffix) = (8, "multipoint")
            case .lineString, .multiLineString: (type, suffix) = (3, "line")
            case .polygon, .multiPolygon: (type, suffix) = (5, "polygon")
            }
            if let i = groups.firstIndex(where: { $0.type == type }) { groups[i].features.append((feature, shape)) }
            else { groups.append((suffix, type, [(feature, shape)])) }
        }
        if groups.isEmpty { groups.append(("", layer.geometryTypes.contains(.point) ? 1 : 5, [])) }
        var written: [String] = []
        for group in groups {
            let base = directory + "/" + layer.rawValue + (groups.count > 1 ? "_" + group.suffix : "")
            let (shp, shx) = shapes(group.features.map(\.1), type: group.type)
            try Data(shp).write(to: URL(fileURLWithPath: base + ".shp"))
            try Data(shx).write(to: URL(fileURLWithPath: base + ".shx"))
            try Data(attributes(group.features.map(\.0), layer: layer)).write(to: URL(fileURLWithPath: base + ".dbf"))
            try "UTF-8\n".write(toFile: base + ".cpg", atomically: true, encoding: .utf8)
            try prj.write(toFile: base + ".prj", atomically: true, encoding: .utf8)
            written += ["shp", "shx", "dbf", "cpg", "prj"].map { (base as NSString).lastPathComponent + "." + $0 }
        }
        return written
    }

    /// The text of a property for a character field.
    private static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s)?: return s
        case nil, .null?: return ""
        case let other?: return other.jsonText
        }
    }

    /// Field names (the contract's properties, then every extra property
    /// seen), their dBase names, widths, and which are logical.
    private static func fields(_ features: [StoredFeature], layer: Layer)
        -> (names: [String], fieldNames: [String], widths: [Int], booleans: Set<String>) {
        // Fields: the contract's properties, then every extra property seen.
        var names: [String] = layer.properties.map(\.name)
        for feature in features {
            for (key, _) in feature.properties where !names.contains(key) { names.append(key) }
        }
        let booleans = Set(layer.properties.filter { $0.kind == .bool }.map(\.name))
        var fieldNames: [String] = []
        for name in names {
            var field = ShapefileFields.abbreviations[name] ?? name
            field = truncateUTF8(field, bytes: 10)
            var k = 1
            while fieldNames.contains(field) { field = truncateUTF8(name, bytes: 8) + "_\(k)"; k += 1 }
            fieldNames.append(field)
        }
        var widths = names.map { booleans.contains($0) ? 1 : 1 }
        for feature in features {
            let values = Dictionary(feature.properties, uniquingKeysWith: { a, _ in a })
            for (i, name) in names.enumerated() where !booleans.contains(name) {
                widths[i] = min(254, max(widths[i], text(values[name]).utf8.count))
            }
        }
        return (names, fieldNames, widths, booleans)
    }

    /// The `.dbf`: header, field descriptors, one record per feature.
    private static func attributes(_ features: [StoredFeature], layer: Layer) -> [UInt8] {
        let (names, fieldNames, widths, booleans) = fields(features, layer: layer)
        // .dbf
        var dbf: [UInt8] = [0x03, 126, 11, 29]
        append32LE(&dbf, UInt32(features.count))
        let headerLength = 32 + 32 * names.count + 1
        let recordLength = 1 + widths.reduce(0, +)
        append16LE(&dbf, UInt16(headerLength))
        append16LE(&dbf, UInt16(recordLength))
        dbf += [UInt8](repeating: 0, count: 20)
        for (i, name) in names.enumerated() {
            var descriptor = [UInt8](fieldNames[i].utf8.prefix(10))
            descriptor += [UInt8](repeating: 0, count: 11 - descriptor.count)
            descriptor.append(booleans.contains(name) ? UInt8(ascii: "L") : UInt8(ascii: "C"))
            descriptor += [0, 0, 0, 0, UInt8(widths[i]), 0]
            descriptor += [UInt8](repeating: 0, count: 14)
            dbf += descriptor
        }
        dbf.append(0x0D)
        for feature in features {
            let values = Dictionary(feature.properties, uniquingKeysWith: { a, _ in a })
            dbf.append(0x20)
            for (i, name) in names.enumerated() {
                if booleans.contains(name) {
                    switch values[name] {
                    case .bool(true)?: dbf.append(UInt8(ascii: "T"))
                    case .bool(false)?: dbf.append(UInt8(ascii: "F"))
                    default: dbf.append(UInt8(ascii: "?"))
                    }
                } else {
                    var bytes = [UInt8](truncateUTF8(text(values[name]), bytes: widths[i]).utf8)
                    bytes += [UInt8](repeating: 0x20, count: widths[i] - bytes.count)
                    dbf += bytes
                }
            }
        }
        dbf.append(0x1A)
        return dbf
    }

    /// One `.shp` record's content: the type, then the point, or the box,
    /// parts and points (outlines clockwise, holes counter-clockwise).
    private static func record(_ shape: Shape, type: Int32, bounds b: Envelope) -> [UInt8] {
    var content: [UInt8] = []
    appendI32LE(&content, type)
    switch type {
    case 1:
        appendF64(&content, shape.xy[0]); appendF64(&content, shape.xy[1])
    case 8:
        for v in [b.minX, b.minY, b.maxX, b.maxY] { appendF64(&content, v) }
        appendI32LE(&content, Int32(shape.positionCount))
        for v in shape.xy { appendF64(&content, v) }
    default:
        // Rings: outlines clockwise, holes counter-clockwise.
        var oriented = shape
        if shape.type.isAreal {
            oriented = shape.rightHandRule()
            for range in oriented.ringRanges {
                var lo = range.lowerBound, hi = range.upperBound - 1
                while lo < hi {
                    oriented.xy.swapAt(2 * lo, 2 * hi); oriented.xy.swapAt(2 * lo + 1, 2 * hi + 1)
                    lo += 1; hi -= 1
                }
            }
        }
        let rings = oriented.ringRanges.isEmpty ? [0..<oriented.positionCount] : oriented.ringRanges
        for v in [b.minX, b.minY, b.maxX, b.maxY] { appendF64(&content, v) }
        appendI32LE(&content, Int32(rings.count))
        appendI32LE(&content, Int32(oriented.positionCount))
        for r in rings { appendI32LE(&content, Int32(r.lowerBound)) }
        for v in oriented.xy { appendF64(&content, v) }
    }
        return content
    }

    /// The `.shp` and `.shx` of shapes of one Shapefile type.
    private static func shapes(_ shapes: [Shape], type: Int32) -> (shp: [UInt8], shx: [UInt8]) {
        // .shp and .shx
        var records: [[UInt8]] = []
        var box = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
        for shape in shapes {
            let b = shape.bounds
            box = (min(box.0, b.minX), min(box.1, b.minY), max(box.2, b.maxX), max(box.3, b.maxY))
            records.append(record(shape, type: type, bounds: b))
        }
        if shapes.isEmpty { box = (0, 0, 0, 0) }
        func header(_ lengthInWords: Int) -> [UInt8] {
            var h: [UInt8] = []
            append32BE(&h, 9994)
            h += [UInt8](repeating: 0, count: 20)
            append32BE(&h, UInt32(lengthInWords))
            appendI32LE(&h, 1000)
            appendI32LE(&h, type)
            for v in [box.0, box.1, box.2, box.3, 0, 0, 0, 0] { appendF64(&h, v) }
            return h
        }
        let shpLength = 100 + records.reduce(0) { $0 + 8 + $1.count }
        var shp = header(shpLength / 2)
        var shx = header((100 + 8 * records.count) / 2)
        var offset = 100
        for (i, content) in records.enumerated() {
            append32BE(&shp, UInt32(i + 1))
            append32BE(&shp, UInt32(content.count / 2))
            shp += content
            append32BE(&shx, UInt32(offset / 2))
            append32BE(&shx, UInt32(content.count / 2))
            offset += 8 + content.count
        }
        return (shp, shx)
    }
}

/// The longest prefix of `text` of at most `bytes` UTF-8 bytes that ends on
/// a character boundary.
func truncateUTF8(_ text: String, bytes: Int) -> String {
    var result = ""
    var count = 0
    for c in text {
        let n = String(c).utf8.count
        if count + n > bytes { break }
        result.append(c)
        count += n
    }
    return result
}

private func append16LE(_ out: inout [UInt8], _ v: UInt16) { out += [UInt8(v & 0xFF), UInt8(v >> 8)] }
private func append32LE(_ out: inout [UInt8], _ v: UInt32) { for k in 0..<4 { out.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }
private func appendI32LE(_ out: inout [UInt8], _ v: Int32) { append32LE(&out, UInt32(bitPattern: v)) }
private func append32BE(_ out: inout [UInt8], _ v: UInt32) { for k in 0..<4 { out.append(UInt8((v >> (24 - 8 * UInt32(k))) & 0xFF)) } }
private func appendF64(_ out: inout [UInt8], _ v: Double) {
    let bits = v.bitPattern
    for k in 0..<8 { out.append(UInt8((bits >> (8 * UInt64(k))) & 0xFF)) }
}
