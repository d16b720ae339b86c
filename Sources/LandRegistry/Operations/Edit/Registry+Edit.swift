import Foundation

/// One feature at a time, as a service edits (OGC API – Features Part 4):
/// the feature's version, a merge patch of its properties and geometry,
/// and a reader of features built in memory, for `importFeatures`, so that
/// every edit goes through the import's validation, lifecycle rules and
/// history.
extension Registry {
    /// The feature's version (the id of its latest history row), nil when the layer has no such feature now.
    public func version(of layer: Layer, code: String) throws -> Int64? { try store.version(layer, code: code) }

    /// The feature with an RFC 7396 merge patch applied (`{"properties": {…}, "geometry": {…}}`: a null
    /// removes a property; a geometry replaces the stored one, given in `geometrySRID`, default CGCS2000 lon/lat),
    /// in the registry's CRS, for `importFeatures`; nil when the layer has no such feature.
    public func patched(_ layer: Layer, code: String, patch: JSONValue, geometrySRID: Int?) throws -> FeatureListReader? {
        var stored: (wkb: [UInt8], properties: [(String, JSONValue)])?
        try plainSnapshot { snapshot in
            try snapshot.forEachFeatureRow(layer, asOf: nil, filters: [PropertyFilter(property: "code", values: [code])]) { row in
                stored = (row.wkb, try row.properties() ?? [])
            }
        }
        guard let stored else { return nil }
        guard case .object(let members) = patch else {
            throw InputError(file: "request", code: code, message: "a merge patch is a JSON object")
        }
        var properties = stored.properties
        var shape = try Shape(wkb: stored.wkb)
        for (key, value) in members {
            switch key {
            case "properties":
                guard case .object(let changes) = value else {
                    throw InputError(file: "request", code: code, property: "properties", message: "'properties' of a merge patch is an object")
                }
                for (name, new) in changes {
                    properties.removeAll { $0.0 == name }
                    if new != .null { properties.append((name, new)) }
                }
            case "geometry":
                let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":"# + value.jsonText + "}]}"
                guard let feature = try GeoJSONReader(text: text, name: "request").next(), let given = feature.shape else {
                    throw InputError(file: "request", code: code, property: "geometry", message: "the patch's geometry cannot be read")
                }
                shape = given
            case "type", "id": continue
            default:
                throw InputError(file: "request", code: code, property: key, message: "a feature's merge patch has properties and geometry only")
            }
        }
        // The stored shape is in the registry's CRS; a patch's geometry in the one it was given in.
        let shapeSRID = members.contains(where: { $0.0 == "geometry" }) ? geometrySRID ?? CRS.lonLat : srid
        if properties.contains(where: { $0.0 == "code" && $0.1 != .string(code) }) {
            throw InputError(file: "request", code: code, property: "code", message: "a patch cannot change a feature's code")
        }
        properties.removeAll { $0.0 == "code" }
        properties.insert(("code", .string(code)), at: 0)
        return FeatureListReader([InputFeature(number: 1, properties: properties, shape: shape)], srid: shapeSRID, name: "request")
    }
}

/// Features built in memory, read as a file's would be.
public final class FeatureListReader: FeatureReader {
    private var features: [InputFeature]
    public let declaredSRID: Int?
    public let fileName: String

    public init(_ features: [InputFeature], srid: Int?, name: String) {
        self.features = features.reversed()
        declaredSRID = srid
        fileName = name
    }

    public func next() throws -> InputFeature? { features.popLast() }
}
