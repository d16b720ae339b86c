import Foundation
import Hummingbird
import HTTPTypes
import LandRegistry

/// Edits over HTTP (contract §13; OGC API – Features Part 4): `POST
/// …/items` (a Feature: 201 with `Location`), `PUT …/items/{code}`
/// (replace), `PATCH …/items/{code}` (`application/merge-patch+json`,
/// RFC 7396), `DELETE …/items/{code}`; each through `importFeatures` or
/// `delete`, as the CLI's import and delete: the same validation, lifecycle
/// rules and history, `by` the account, the effective date `date` (default:
/// the feature's own, else today). A feature's `ETag` is its version; PUT,
/// PATCH and DELETE need `If-Match` (428 without, 412 when the feature
/// changed since), checked in the edit's own transaction.
extension Service {
    enum Edit: String { case create = "POST", replace = "PUT", patch = "PATCH", delete = "DELETE" }

    func addEditRoutes(to router: Router<ServiceContext>) {
        router.post("/collections/:layer/items") { request, context in
            try await self.edit(.create, request, context, layer: try Service.layer(context), code: nil)
        }
        router.put("/collections/:layer/items/:code") { request, context in
            try await self.edit(.replace, request, context, layer: try Service.layer(context), code: try Service.code(context))
        }
        router.patch("/collections/:layer/items/:code") { request, context in
            try await self.edit(.patch, request, context, layer: try Service.layer(context), code: try Service.code(context))
        }
        router.delete("/collections/:layer/items/:code") { request, context in
            try await self.edit(.delete, request, context, layer: try Service.layer(context), code: try Service.code(context))
        }
    }

    private func edit(_ kind: Edit, _ request: Request, _ context: ServiceContext, layer: Layer, code pathCode: String?) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(["date", "note", "by"])
        let by = try editor(context, query)
        let expected = try pathCode.map { ExpectedVersion(code: $0, version: try Service.ifMatch(request)) }
        let body = kind == .delete ? nil : try await editBody(request, kind)
        let (registry, date, note) = (registry, query["date"], query["note"])
        let path = "/collections/\(layer.rawValue)/items/"
        let (code, version) = try await blocking {
            try Service.apply(kind, body, layer: layer, pathCode: pathCode, expected: expected, date: date, note: note, by: by, on: registry)
        }
        var headers = HTTPFields()
        if let version { headers[.eTag] = "\"\(version)\"" }
        if kind == .create {
            headers[.location] = documents(request).base + path + Service.escaped(code)
            return Response(status: .created, headers: headers)
        }
        return Response(status: .noContent, headers: headers)
    }

    /// Who records the edit: the account, or without accounts the `by` parameter.
    func editor(_ context: ServiceContext, _ query: QueryString) throws -> String {
        if let name = context.caller.name {
            if let by = query["by"], by != name { throw ServiceError.parameter("by", "is the signed-in account, \(name)") }
            return name
        }
        guard let by = query["by"]?.trimmingCharacters(in: .whitespaces), !by.isEmpty else {
            throw ServiceError.parameter("by", "names who makes the edit, for the history")
        }
        return by
    }

    /// `If-Match: "123"`: the version the client read; 428 without it.
    static func ifMatch(_ request: Request) throws -> Int64 {
        guard let header = request.headers[.ifMatch] else {
            throw ServiceError(status: .preconditionRequired, code: "PreconditionRequired",
                               description: "send If-Match with the feature's ETag (GET it first), so that no one's edit is overwritten")
        }
        let text = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int64(text) else { throw ServiceError(status: .preconditionFailed, code: "PreconditionFailed",
                                                                  description: "If-Match '\(header)' is not an ETag of this service") }
        return version
    }

    /// The request's Feature or merge patch.
    private func editBody(_ request: Request, _ kind: Edit) async throws -> JSONValue {
        let type = Service.mediaType(request.headers[.contentType]).0
        let types: Set<String> = kind == .patch ? ["application/merge-patch+json", "application/json"] : ["application/geo+json", "application/json"]
        guard types.contains(type) else {
            var said: Phrase = "send a GeoJSON Feature (Content-Type: application/geo+json)"
            if kind == .patch { said = "send a merge patch (Content-Type: application/merge-patch+json)" }
            throw ServiceError(status: .unsupportedMediaType, code: "UnsupportedMediaType", description: said)
        }
        let body = try await Service.collect(request)
        do { return try JSONValue.parse(String(buffer: body)) } catch {
            throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "the body is not JSON")
        }
    }

    /// The edit, through the library: the feature's code and its new version (nil once deleted).
    private static func apply(_ kind: Edit, _ body: JSONValue?, layer: Layer, pathCode: String?, expected: ExpectedVersion?,
                              date: String?, note: String?, by: String, on registry: Registry) throws -> (String, Int64?) {
        return try refusingConflicts {
            if kind == .delete, let code = pathCode {
                try registry.delete(layer, codes: [code], date: date ?? todayUTC(), by: by, note: note, expected: expected)
                return (code, nil)
            }
            // A plot's stage alone moves as `landreg stage` moves it (with the note a re-opening needs).
            if kind == .patch, layer == .riskPlots, let pathCode, let body, let (stage, stageDate) = Service.stageOnly(body) {
                try registry.changeStage(code: pathCode, to: stage, date: stageDate ?? date ?? todayUTC(), by: by, note: note, expected: expected)
                return (pathCode, try registry.version(of: layer, code: pathCode))
            }
            let reader: FeatureReader
            let code: String
            if kind == .patch, let pathCode {
                guard let patched = try registry.patched(layer, code: pathCode, patch: body ?? .null, geometrySRID: nil) else {
                    throw ServiceError.notFound("\(term: layer) has no feature '\(pathCode)'")
                }
                (reader, code) = (patched, pathCode)
            } else {
                (reader, code) = try Service.featureReader(body ?? .null, pathCode: pathCode)
            }
            var options = ImportOptions(mode: kind == .create ? .insert : .upsert, effectiveDate: date, by: by,
                                        command: "serve \(kind.rawValue)", note: note)
            options.expectedVersion = expected ?? ExpectedVersion(code: code, version: nil)
            _ = try registry.importFeatures(into: layer, from: reader, options: options)
            return (code, try registry.version(of: layer, code: code))
        }
    }

    /// The stage (and stage date) of a merge patch that changes nothing else.
    private static func stageOnly(_ patch: JSONValue) -> (Stage, String?)? {
        guard case .object(let members) = patch, members.allSatisfy({ ["properties", "type"].contains($0.0) }),
              case .object(let properties)? = patch["properties"],
              properties.allSatisfy({ ["stage", "stage_date"].contains($0.0) }),
              let stage = properties.first(where: { $0.0 == "stage" })?.1.stringValue.flatMap(Stage.init(rawValue:)) else { return nil }
        return (stage, properties.first { $0.0 == "stage_date" }?.1.stringValue)
    }

    /// A GeoJSON Feature as a reader of one feature; its code from `properties.code`, else `id`, else the path's.
    private static func featureReader(_ body: JSONValue, pathCode: String?) throws -> (FeatureReader, String) {
        guard case .object(var members) = body, body["type"]?.stringValue == "Feature" else {
            throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "the body is not a GeoJSON Feature")
        }
        var properties: [(String, JSONValue)] = []
        if case .object(let given)? = body["properties"] { properties = given }
        let given = properties.first { $0.0 == "code" }?.1.stringValue ?? body["id"]?.stringValue
        guard let code = given ?? pathCode else { throw ServiceError.parameter("code", "the feature has no code (properties.code or id)") }
        if let pathCode, code != pathCode {
            throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "the feature's code '\(code)' is not the path's '\(pathCode)'")
        }
        if !properties.contains(where: { $0.0 == "code" }) { properties.insert(("code", .string(code)), at: 0) }
        members.removeAll { $0.0 == "properties" || $0.0 == "id" }
        members.append(("properties", .object(properties)))
        let text = "{\"type\":\"FeatureCollection\",\"features\":[" + JSONValue.object(members).jsonText + "]}"
        return (GeoJSONReader(text: text, name: "request"), code)
    }
}
