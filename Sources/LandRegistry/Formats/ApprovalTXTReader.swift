import Foundation

/// Reads the boundary-point coordinate files of land-approval submissions
/// (界址点坐标 TXT, 勘测定界 / 建设用地报批): a `[属性描述]` section of
/// `key=value` lines, then `[地块坐标]` with, per part, a header line
/// `点数,面积(公顷),地块编号,地块名称,图形属性,图幅号,地块用途,地类编码,@`
/// and vertex lines `点号,圈号,X,Y` (X northing, Y easting, usually with
/// the zone number in front). Ring 1 is the outline, further rings are
/// holes; a header repeating a plot's number adds a part to it.
///
/// Tolerated: no "J" in point names, no zone prefix when `带号` is given,
/// CRLF, blank lines, GBK or UTF-8. The declared area is compared with the
/// computed one; a difference over 1 % is a warning naming the plot.
public final class ApprovalTXTReader: FeatureReader {
    /// What a coordinate file says of a plot: no action, no flags.
    public var fieldNames: Set<String>? { ["id", "code", "name", "use", "land_use_name", "declared_area_ha"] }
    public let fileName: String
    @exclusivity(unchecked) public private(set) var declaredSRID: Int?
    /// Warnings for the user (declared areas that do not match).
    @exclusivity(unchecked) public private(set) var warnings: [Phrase] = []
    @exclusivity(unchecked) private var features: [InputFeature] = []
    @exclusivity(unchecked) private var position = 0

    public convenience init(path: String, encoding: String? = nil) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot open the file for reading")
        }
        try self.init(bytes: [UInt8](data), name: path, encoding: encoding)
    }

    public init(bytes: [UInt8], name: String, encoding: String? = nil) throws {
        fileName = name
        guard let text = decodeChineseText(bytes, encoding: encoding) else {
            throw InputError(file: name, message: "the file is neither UTF-8 nor GBK text", remedy: .giveEncoding)
        }
        try parse(text)
    }

    public func next() throws -> InputFeature? {
        guard position < features.count else { return nil }
        defer { position += 1 }
        return features[position]
    }

    private struct Part {
        var line: Int
        var header: [String]
        var rings: [(number: Int, line: Int, xy: [Double])] = []
    }

    private func fail(_ line: Int, _ message: Phrase) -> InputError {
        InputError(file: fileName, line: line, message: message)
    }

    private func parse(_ text: String) throws {
        var attributes: [String: String] = [:]
        var section = ""
        var parts: [Part] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") { section = String(line.dropFirst().dropLast()); continue }
            if section == "属性描述" {
                if let eq = line.firstIndex(of: "=") {
                    attributes[String(line[..<eq]).trimmingCharacters(in: .whitespaces)] =
                        String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            guard section == "地块坐标" else { throw fail(number, "text outside the [属性描述] and [地块坐标] sections") }
            let fields = line.replacingOccurrences(of: "，", with: ",").split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.last == "@" {
                guard fields.count >= 4 else { throw fail(number, "a plot header needs at least 点数,面积,地块编号,地块名称 before @") }
                parts.append(Part(line: number, header: fields))
                continue
            }
            guard fields.count == 4 else {
                throw fail(number, "a boundary point needs 4 fields (点号,圈号,X,Y), found \(fields.count)")
            }
            guard !parts.isEmpty else { throw fail(number, "a boundary point before any plot header") }
            guard let ring = Int(fields[1]) else { throw fail(number, "圈号 '\(fields[1])' is not a number") }
            guard let x = Double(decimal: fields[2]), let y = Double(decimal: fields[3]) else {
                throw fail(number, "coordinate '\(fields[2])' or '\(fields[3])' is not a number")
            }
            var part = parts.removeLast()
            if part.rings.last?.number != ring { part.rings.append((ring, number, [])) }
            // X is the northing and Y the easting: store as easting, northing.
            part.rings[part.rings.count - 1].xy += [y, x]
            parts.append(part)
        }
        guard !parts.isEmpty else { throw InputError(file: fileName, message: "no plot: the file has no [地块坐标] header line ending in @") }
        try resolveCRS(attributes, parts)
        // Group parts by plot number, in order.
        var order: [String] = []
        var byPlot: [String: [Part]] = [:]
        for part in parts {
            let code = part.header.count > 2 && !part.header[2].isEmpty ? part.header[2] : "plot-\(part.line)"
            if byPlot[code] == nil { order.append(code) }
            byPlot[code, default: []].append(part)
        }
        for (k, code) in order.enumerated() {
            let plotParts = byPlot[code]!
            let (shape, area) = try plotShape(code, plotParts)
            features.append(InputFeature(number: k + 1, properties: properties(code, plotParts, area: area), shape: shape))
        }
    }

    /// A plot's polygon (or multipolygon, one part per header) and its area
    /// in m² (outer rings less holes).
    private func plotShape(_ code: String, _ plotParts: [Part]) throws -> (Shape, Double) {
        var shape = Shape(type: plotParts.count == 1 ? .polygon : .multiPolygon, xy: [])
        var area = 0.0
        for part in plotParts {
            guard !part.rings.isEmpty else { throw fail(part.line, "plot \(code) has no boundary points") }
            for ring in part.rings {
                let n = ring.xy.count / 2
                guard n >= 4, ring.xy[0] == ring.xy[2 * n - 2], ring.xy[1] == ring.xy[2 * n - 1] else {
                    throw fail(ring.line, "ring \(ring.number) of plot \(code) is not closed (its last point must repeat its first)")
                }
                let start = shape.positionCount
                shape.xy += ring.xy
                shape.ringEnds.append(shape.positionCount)
                let signed = abs(shape.signedArea2(ring: start..<shape.positionCount)) / 2
                area += ring.number == part.rings[0].number ? signed : -signed
            }
            shape.polygonEnds.append(shape.ringEnds.count)
        }
        if shape.type == .polygon { shape.polygonEnds = [] }
        return (shape, area)
    }

    /// A plot's properties from its header; warns when the declared area
    /// differs from the computed one by more than 1 %.
    private func properties(_ code: String, _ plotParts: [Part], area: Double) -> [(String, JSONValue)] {
        let header = plotParts[0].header
        func field(_ i: Int) -> String? { header.count > i + 1 && !header[i].isEmpty ? header[i] : nil }
        var properties: [(String, JSONValue)] = [("id", .string(code)), ("code", .string(code))]
        if let name = field(3) { properties.append(("name", .string(name))) }
        if let use = field(7) { properties.append(("use", .string(use))) }
        if let useName = field(6) { properties.append(("land_use_name", .string(useName))) }
        if let declared = field(1), let hectares = Double(decimal: declared) {
            properties.append(("declared_area_ha", .number(hectares, declared)))
            let computed = area / 10_000
            if hectares > 0, abs(computed - hectares) / hectares > 0.01 {
                warnings.append("\(fileName):\(plotParts[0].line): plot \(code): declared area \(declared) ha, computed \(formatDecimal(rounded(computed * 10_000) / 10_000)) ha")
            }
        }
        properties.append(("computed_area_ha", .number(area / 10_000, formatNumber((area / 10_000 * 10_000).rounded() / 10_000))))
        return properties
}

    /// The CRS from `坐标系`, `几度分带`, `带号` and the eastings' zone prefix.
    private func resolveCRS(_ attributes: [String: String], _ parts: [Part]) throws {
        if let system = attributes["坐标系"], !system.contains("2000") {
            throw InputError(file: fileName, property: "坐标系", message: "'\(system)' is not supported; landreg reads CGCS2000 (2000国家大地坐标系) coordinates")
        }
        let width = Int(attributes["几度分带"] ?? "3") ?? 3
        guard width == 3 || width == 6 else {
            throw InputError(file: fileName, property: "几度分带", message: "'\(width)' must be 3 or 6")
        }
        let declaredZone = attributes["带号"].flatMap { Int($0) }
        var zone: Int?
        var prefixed: Bool?
        for part in parts {
            for ring in part.rings {
                for i in stride(from: 0, to: ring.xy.count, by: 2) {
                    let easting = ring.xy[i]
                    let hasPrefix = easting >= 1_000_000
                    let pointZone = hasPrefix ? Int(easting / 1_000_000) : declaredZone
                    if let prefixed, prefixed != hasPrefix {
                        throw fail(ring.line, "eastings mix values with and without the zone number in front")
                    }
                    prefixed = hasPrefix
                    if hasPrefix, let declaredZone, pointZone != declaredZone {
                        throw fail(ring.line, "the easting's zone number \(pointZone!) contradicts 带号=\(declaredZone)")
                    }
                    if let zone, let pointZone, zone != pointZone {
                        throw fail(ring.line, "eastings in zones \(zone) and \(pointZone) in one file")
                    }
                    zone = zone ?? pointZone
                }
            }
        }
        guard let zone else {
            throw InputError(file: fileName, property: "带号", message: "the eastings carry no zone number and the header has no 带号")
        }
        guard let srid = CRS.gaussKruger(width: width, zone: zone, prefixed: prefixed == true) else {
            let zones = CRS.gaussKrugerZones(width: width)!
            throw InputError(file: fileName, property: "带号", message: "\(width)° zone \(zone) is outside China (\(zones.lowerBound)–\(zones.upperBound))")
        }
        declaredSRID = srid
    }
}
