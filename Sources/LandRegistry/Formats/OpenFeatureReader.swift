/// Opens a reader for a file, choosing it by extension or `format` (`-`:
/// GeoJSON from standard input). `booleans` names the properties a CSV
/// table or a Shapefile's text fields hold as true/false; `mapping` says
/// which field gives which property, for every format; `encoding` applies to
/// Shapefiles and text files.
public func openFeatureReader(path: String, format: String? = nil, booleans: Set<String> = [],
                              mapping: FieldMapping = FieldMapping(), encoding: String? = nil) throws -> FeatureReader {
    let ext = (format ?? (path == "-" ? "geojson" : path.split(separator: ".").last.map(String.init) ?? "")).lowercased()
    switch ext {
    case "geojson", "json":
        let reader = path == "-" ? GeoJSONReader(source: ByteSource(standardInput: ())) : try GeoJSONReader(path: path)
        return mapping.isEmpty ? reader : MappedReader(reader, mapping: mapping)
    case "txt":
        let reader = try ApprovalTXTReader(path: path, encoding: encoding)
        return mapping.isEmpty ? reader : MappedReader(reader, mapping: mapping)
    case "csv", "tsv":
        return try CSVPointReader(path: path, booleans: booleans, encoding: encoding, mapping: mapping)
    case "shp":
        return try ShapefileReader(path: path, mapping: mapping, encoding: encoding, booleans: booleans)
    case "zip":
        return try ZippedReader(path: path, booleans: booleans, mapping: mapping, encoding: encoding)
    default:
        throw InputError(file: path, message: "unknown file type '.\(ext)'; landreg reads .geojson, .json, .shp, .zip (a zipped Shapefile), .txt (land-approval coordinates) and .csv (point tables)",
                         remedy: .giveFormat)
    }
}

/// A reader whose features' properties are renamed by a mapping.
final class MappedReader: FeatureReader {
    private let base: FeatureReader
    private let mapping: FieldMapping

    init(_ base: FeatureReader, mapping: FieldMapping) {
        self.base = base
        self.mapping = mapping
    }

    var fileName: String { base.fileName }
    var declaredSRID: Int? { base.declaredSRID }
    var warnings: [Phrase] { base.warnings }
    var fieldNames: Set<String>? {
        base.fieldNames.map { names in Set(mapping.apply(names.map { ($0, JSONValue.null) }).map(\.0)) }
    }

    func next() throws -> InputFeature? {
        guard var feature = try base.next() else { return nil }
        feature.properties = mapping.apply(feature.properties)
        return feature
    }
}
