import Foundation
import Hummingbird
import LandRegistry

/// `POST /collections/{layer}/import` (contract §13): `landreg import` over
/// HTTP, for editors. The file as a form (`multipart/form-data`, field
/// `file`: GeoJSON, Shapefile zip, TXT, CSV) or a GeoJSON body; the CLI's
/// options as parameters or fields: `mode` (insert, upsert, replace),
/// `date`, `note`, `srid`, `make_valid`, `encoding`, `map`, `dry_run`. All or
/// nothing, through `importFeatures` with the account as `by`; the answer is
/// the import's counts as JSON, a bad file a 422 with the CLI's message.
extension Service {
    func addImportRoute(to router: Router<ServiceContext>) {
        router.post("/collections/:layer/import") { request, context in try await self.importFile(request, context, layer: try Service.layer(context)) }
    }

    private static let importParameters: Set<String> = ["mode", "date", "note", "srid", "make_valid", "encoding", "map", "dry_run", "by"]

    private func importFile(_ request: Request, _ context: ServiceContext, layer: Layer) async throws -> Response {
        let (upload, fields) = try await readUpload(request, defaultName: "request.geojson")
        let parameters = QueryString(values: fields)
        try parameters.refuseUnknown(Service.importParameters)
        let by = try editor(context, parameters)
        var options = ImportOptions(by: by, command: "serve import \(upload.name)", note: parameters["note"])
        if let text = parameters["mode"] {
            guard let mode = ImportMode(rawValue: text) else { throw ServiceError.parameter("mode", "'\(text)' is not insert, upsert or replace") }
            options.mode = mode
        }
        options.effectiveDate = parameters["date"]
        if let text = parameters["srid"] {
            guard let srid = Int(text), srid > 0 else { throw ServiceError.parameter("srid", "'\(text)' is not an EPSG code") }
            options.srid = srid
        }
        options.makeValid = try Service.flag(parameters, "make_valid") ?? false
        options.dryRun = try Service.flag(parameters, "dry_run") ?? false
        let mapping = try Service.mapping(parameters)
        let (registry, encoding, name, chosen) = (registry, parameters["encoding"], upload.name, options)
        let counts = try await blocking {
            try Service.withUpload(upload.bytes, name: name) { file in
                try Service.refusing {
                    try Service.namedAs(name, file) {
                        let reader = try openFeatureReader(path: file, mapping: mapping, encoding: encoding)
                        return try registry.importFeatures(into: layer, from: reader, options: chosen)
                    }
                }
            }
        }
        let body = JSONValue.object([
            ("layer", .string(layer.rawValue)), ("mode", .string(options.mode.rawValue)), ("dry_run", .bool(options.dryRun)),
            ("read", Service.number(counts.read)), ("inserted", Service.number(counts.inserted)), ("updated", Service.number(counts.updated)),
            ("unchanged", Service.number(counts.unchanged)), ("deleted", Service.number(counts.deleted)),
            ("deleted_codes", .array(counts.deletedCodes.map { .string($0) })),
            ("repaired", .array(counts.repaired.map { .object([("code", .string($0.code)), ("reason", .string($0.reason.said(.en)))]) })),
        ])
        return Service.json(body)
    }

    static let geoJSONTypes: Set<String> = ["application/geo+json", "application/json"]

    /// An upload: a form's `file` with its fields, or the body itself (of one of `bodyTypes`: GeoJSON unless
    /// said otherwise); the query's parameters with the fields.
    func readUpload(_ request: Request, defaultName: String, bodyTypes: Set<String> = Service.geoJSONTypes,
                    refusal: Phrase = "send the file as GeoJSON (Content-Type: application/geo+json) or in a form (multipart/form-data, field 'file')",
                    tooLarge: Phrase? = nil) async throws -> ((name: String, bytes: [UInt8]), [String: String]) {
        let query = try QueryString(request.uri.query)
        let (type, boundary) = Service.mediaType(request.headers[.contentType])
        guard bodyTypes.contains(type) || type == "multipart/form-data" else {
            throw ServiceError(status: .unsupportedMediaType, code: "UnsupportedMediaType", description: refusal)
        }
        let body = try await Service.collect(request, tooLarge: tooLarge)
        var fields = query.values
        guard type == "multipart/form-data" else { return ((defaultName, Array(buffer: body)), fields) }
        let form = try Service.form(body, boundary: boundary)
        for (name, value) in form.fields {
            guard fields.updateValue(value, forKey: name) == nil else { throw ServiceError.parameter(name, "is given twice") }
        }
        guard let file = form.file else { throw ServiceError.parameter("file", "gives no file: send it in the field 'file'") }
        return (file, fields)
    }

    static func flag(_ query: QueryString, _ name: String) throws -> Bool? {
        guard let text = query[name] else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw ServiceError.parameter(name, "'\(text)' is neither true nor false")
        }
    }

    static func mapping(_ query: QueryString) throws -> FieldMapping {
        guard let text = query["map"] else { return FieldMapping() }
        guard let parsed = FieldMapping(parsing: text) else { throw ServiceError.parameter("map", "'\(text)' is not property=FIELD[,property=FIELD…]") }
        return parsed
    }
}
