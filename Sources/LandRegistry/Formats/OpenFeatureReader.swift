/// Opens a reader for a file, choosing it by extension or `format`.
/// `booleans` names the columns a CSV table holds as true/false.
/// `mapping` (Shapefile field → property) and `encoding` apply to
/// Shapefiles and text files.
public func openFeatureReader(path: String, format: String? = nil, booleans: Set<String> = [],
                              mapping: [String: String] = [:], encoding: String? = nil) throws -> FeatureReader {
    let ext = (format ?? path.split(separator: ".").last.map(String.init) ?? "").lowercased()
    switch ext {
    case "geojson", "json", "-":
        return try GeoJSONReader(path: path)
    case "txt":
        return try ApprovalTXTReader(path: path, encoding: encoding)
    case "csv", "tsv":
        return try CSVPointReader(path: path, booleans: booleans, encoding: encoding)
    case "shp":
        return try ShapefileReader(path: path, mapping: mapping, encoding: encoding, booleans: booleans)
    default:
        if path == "-" { return GeoJSONReader(source: ByteSource(standardInput: ())) }
        throw InputError(file: path, message: "unknown file type '.\(ext)'; landreg reads .geojson, .json, .shp, .txt (land-approval coordinates) and .csv (point tables)",
                         remedy: .giveFormat)
    }
}
