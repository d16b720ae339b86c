// Long file: one streaming parser whose states (collection, feature,
// geometry, legacy crs) share the reader's position; apart they read worse.

import Foundation

/// Streams the features of a GeoJSON FeatureCollection, Feature or bare
/// geometry, holding one feature in memory at a time.
///
/// A legacy `"crs"` member before `"features"` (as ogr2ogr writes it) sets
/// `declaredSRID`.
public final class GeoJSONReader: FeatureReader {
    private let source: ByteSource
    private let parser: JSONParser
    private enum State { case start, inFeatures, trailing, single(InputFeature?), done }
    @exclusivity(unchecked) private var state = State.start
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) public private(set) var declaredSRID: Int?
    public var fileName: String { source.name }

    init(source: ByteSource) {
        self.source = source
        self.parser = JSONParser(source)
        source.skipByteOrderMark()
    }

    /// Opens a file; throws an `InputError` when it cannot be read.
    public convenience init(path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(file: path, message: "is a folder, not a file")
        }
        guard let source = ByteSource(path: path) else {
            throw InputError(file: path, message: "cannot open the file for reading")
        }
        self.init(source: source)
    }

    /// Reads GeoJSON text in memory.
    public convenience init(text: String, name: String = "<memory>") {
        self.init(source: ByteSource(bytes: Array(text.utf8), name: name))
    }

    private func syntax(_ error: JSONSyntaxError, feature: Int? = nil) -> InputError {
        InputError(file: source.name, feature: feature, line: error.line,
                   message: "invalid JSON: \(error.message)")
    }

    private func fail(_ message: Phrase, feature: Int? = nil, property: String? = nil, remedy: Remedy? = nil) -> InputError {
        InputError(file: source.name, feature: feature, property: property, message: message, remedy: remedy)
    }

    /// The next feature, or nil at the end.
    public func next() throws -> InputFeature? {
        do {
            while true {
                switch state {
                case .start:
                    try readHeader()
                case .inFeatures:
                    count += 1
                    let feature = try parseFeature(number: count)
                    if try parser.endOfContainer(UInt8(ascii: "]")) { state = .trailing }
                    return feature
                case .trailing:
                    try readTrailer()
                case .single(let feature):
                    state = .done
                    if let feature { return feature }
                case .done:
                    return nil
                }
            }
        } catch let error as JSONSyntaxError {
            state = .done
            throw syntax(error, feature: count > 0 ? count : nil)
        } catch {
            state = .done
            throw error
        }
    }

    /// Reads the top-level object up to the first feature.
    private func readHeader() throws {
        guard let first = source.skipWhitespace() else { throw fail("the file is empty") }
        guard first == UInt8(ascii: "{") else {
            throw fail("not GeoJSON: the file must hold a JSON object (a FeatureCollection, a Feature or a geometry)")
        }
        _ = source.next()
        var object = ObjectParts()
        if source.skipWhitespace() == UInt8(ascii: "}") {
            _ = source.next()
            throw fail("not GeoJSON: the object has no \"type\"")
        }
        while true {
            let key = try parser.parseKey()
            if key == "features" {
                if let type = object.type, type != "FeatureCollection" {
                    throw fail("a \(type) cannot have \"features\"")
                }
                object.type = "FeatureCollection"
                try parser.expect(UInt8(ascii: "["), "'[' to open the features array")
                if source.skipWhitespace() == UInt8(ascii: "]") {
                    _ = source.next()
                    if try parser.endOfContainer(UInt8(ascii: "}")) { state = .done; try expectEnd(); return }
                    continue
                }
                state = .inFeatures
                return
            }
            try parseMember(key, into: &object, topLevel: true)
            if try parser.endOfContainer(UInt8(ascii: "}")) { break }
        }
        try expectEnd()
        // No features array: a single Feature or a bare geometry.
        switch object.type {
        case "FeatureCollection":
            throw fail("the FeatureCollection has no \"features\" array")
        case "Feature":
            state = .single(try makeFeature(object, number: 1))
        case .some(let type) where GeometryType(rawValue: type) != nil || type == "GeometryCollection":
            let shape = try makeShape(object, feature: 1)
            state = .single(InputFeature(number: 1, properties: [], shape: shape))
        case .some(let type):
            throw fail("not GeoJSON: unknown type \"\(type)\"")
        case nil:
            throw fail("not GeoJSON: the object has no \"type\"")
        }
    }

    /// Reads the members after the features array.
    private func readTrailer() throws {
        while true {
            if try parser.endOfContainer(UInt8(ascii: "}")) { break }
            let key = try parser.parseKey()
            if key == "crs" {
                throw fail("the \"crs\" member comes after \"features\"; move it first or give the CRS", remedy: .giveInputCRS)
            }
            _ = try parser.parseValue(depth: 1)
        }
        try expectEnd()
        state = .done
    }

    private func expectEnd() throws {
        if let byte = source.skipWhitespace() {
            throw parser.error("unexpected \(parser.describe(byte)) after the end of the GeoJSON object")
        }
    }

    private struct ObjectParts {
        var type: String?
        var properties: [(String, JSONValue)]?
        var geometry: Shape??
        var coordinates: RawCoordinates?
        var hasGeometries = false
        var id: JSONValue?
    }

    private func parseMember(_ key: String, into object: inout ObjectParts, topLevel: Bool,
                             feature: Int? = nil) throws {
        switch key {
        case "type":
            let value = try parser.parseValue(depth: 1)
            guard let type = value.stringValue else { throw fail("\"type\" must be a string", feature: feature) }
            object.type = type
        case "properties":
            let value = try parser.parseValue(depth: 1)
            switch value {
            case .object(let members): object.properties = members
            case .null: object.properties = []
            default: throw fail("\"properties\" must be an object or null", feature: feature)
            }
        case "geometry":
            if source.skipWhitespace() == UInt8(ascii: "n") {
                _ = try parser.parseValue(depth: 1)
                object.geometry = .some(nil)
            } else {
                object.geometry = .some(try parseGeometry(feature: feature))
            }
        case "coordinates":
            object.coordinates = try parseCoordinates()
        case "geometries":
            _ = try parser.parseValue(depth: 1)
            object.hasGeometries = true
        case "id":
            object.id = try parser.parseValue(depth: 1)
        case "crs" where topLevel:
            let value = try parser.parseValue(depth: 1)
            declaredSRID = try srid(fromCRS: value)
        default:
            _ = try parser.parseValue(depth: 1)
        }
    }

    private func parseFeature(number: Int) throws -> InputFeature {
        try parser.expect(UInt8(ascii: "{"), "a Feature object")
        var object = ObjectParts()
        if source.skipWhitespace() == UInt8(ascii: "}") {
            _ = source.next()
            throw fail("the feature is an empty object", feature: number)
        }
        while true {
            let key = try parser.parseKey()
            try parseMember(key, into: &object, topLevel: false, feature: number)
            if try parser.endOfContainer(UInt8(ascii: "}")) { break }
        }
        return try makeFeature(object, number: number)
    }

    private func makeFeature(_ object: ObjectParts, number: Int) throws -> InputFeature {
        guard object.type == "Feature" else {
            throw fail("expected a Feature, found \(object.type.map { "a \($0)" } ?? "an object with no \"type\"")",
                       feature: number)
        }
        guard case .some(let shape) = object.geometry else {
            throw fail("the feature has no \"geometry\" member", feature: number)
        }
        return InputFeature(number: number, properties: object.properties ?? [], shape: shape, id: object.id)
    }

    /// Parses a geometry object (the `{` not yet consumed).
    private func parseGeometry(feature: Int?) throws -> Shape {
        try parser.expect(UInt8(ascii: "{"), "a geometry object")
        var object = ObjectParts()
        if source.skipWhitespace() == UInt8(ascii: "}") {
            _ = source.next()
            throw fail("the geometry is an empty object", feature: feature)
        }
        while true {
            let key = try parser.parseKey()
            switch key {
            case "type", "coordinates", "geometries": try parseMember(key, into: &object, topLevel: false, feature: feature)
            default: _ = try parser.parseValue(depth: 2)
            }
            if try parser.endOfContainer(UInt8(ascii: "}")) { break }
        }
        return try makeShape(object, feature: feature)
    }

    private func makeShape(_ object: ObjectParts, feature: Int?) throws -> Shape {
        guard let typeName = object.type else { throw fail("the geometry has no \"type\"", feature: feature) }
        if typeName == "GeometryCollection" || object.hasGeometries {
            throw fail("GeometryCollection is not supported; use a Multi* geometry", feature: feature)
        }
        guard let type = GeometryType(rawValue: typeName) else {
            throw fail("unknown geometry type \"\(typeName)\"", feature: feature)
        }
        guard let raw = object.coordinates else {
            throw fail("the \(typeName) has no \"coordinates\"", feature: feature)
        }
        if raw.xy.isEmpty { throw fail("the \(typeName) is empty", feature: feature) }
        guard raw.depth == type.coordinateDepth else {
            throw fail("the coordinates of a \(typeName) must nest \(type.coordinateDepth) level(s) deep, found \(raw.depth)",
                       feature: feature)
        }
        var shape = Shape(type: type, xy: raw.xy)
        switch type {
        case .point, .multiPoint: break
        case .lineString: shape.ringEnds = [shape.positionCount]
        case .polygon, .multiLineString: shape.ringEnds = raw.ends[1]
        case .multiPolygon:
            shape.ringEnds = raw.ends[2]
            shape.polygonEnds = raw.ends[1]
        }
        return shape
    }

    /// Coordinates as parsed: positions, and per nesting level the
    /// cumulative child count at the end of each array.
    private struct RawCoordinates {
        var xy: [Double] = []
        var ends: [[Int]] = [[], [], [], []]
        var depth = 0
    }

    private func parseCoordinates() throws -> RawCoordinates {
        var raw = RawCoordinates()
        raw.xy.reserveCapacity(64)
        raw.depth = try parseCoordinateArray(level: 0, into: &raw)
        return raw
    }

    /// Parses one array of the coordinates; returns its height (1 for a position).
    private func parseCoordinateArray(level: Int, into raw: inout RawCoordinates) throws -> Int {
        guard level < 4 else { throw parser.error("coordinates nested deeper than a MultiPolygon") }
        try parser.expect(UInt8(ascii: "["), "'[' in coordinates")
        guard let first = source.skipWhitespace() else { throw parser.error("unexpected end of input") }
        if first == UInt8(ascii: "]") {
            _ = source.next()
            if level == 0 { return 1 }  // empty geometry, reported by makeShape
            throw parser.error("empty array in coordinates")
        }
        if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
            var n = 0
            while true {
                let value = try parser.parseCoordinate()
                if n < 2 { raw.xy.append(value) }
                n += 1
                if try parser.endOfContainer(UInt8(ascii: "]")) { break }
            }
            if n < 2 { throw parser.error("a position needs at least two numbers") }
            return 1
        }
        var height = 0
        while true {
            let h = try parseCoordinateArray(level: level + 1, into: &raw)
            if height == 0 { height = h } else if h != height {
                throw parser.error("coordinates mix positions and arrays at the same level")
            }
            if try parser.endOfContainer(UInt8(ascii: "]")) { break }
        }
        raw.ends[level].append(height == 1 ? raw.xy.count / 2 : raw.ends[level + 1].count)
        return height + 1
    }

    /// The EPSG code of a legacy `crs` member.
    private func srid(fromCRS value: JSONValue) throws -> Int? {
        if case .null = value { return nil }
        if let code = value["properties"]?["code"], case .number(let number, _) = code { return Int(number) }
        guard let name = value["properties"]?["name"]?.stringValue else {
            throw fail("the \"crs\" member is not understood", remedy: .giveInputCRS)
        }
        return try CRS.srid(fromName: name, file: source.name)
    }
}
