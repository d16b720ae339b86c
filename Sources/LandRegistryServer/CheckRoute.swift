import Foundation
import Hummingbird
import LandRegistry
import MultipartKit

/// The pre-approval check over HTTP (contract §12): `POST /check` and
/// `POST /processes/pre-approval-check/execution` take proposals as a
/// GeoJSON body with the CLI's check options as query parameters, or as a
/// file (`multipart/form-data`, field `file`: GeoJSON, a land-approval
/// coordinate TXT in GBK or UTF-8, CSV points) with the options as fields, and
/// answer §6's JSON — what `check --format json` writes for the same
/// proposals and options, through the same library call — or the HTML
/// report with `f=html`. The check is recorded, by the name given in `by`,
/// unless `record=false`; bad input is a 400 (a body that cannot be read
/// as proposals a 422) with the CLI's one-line message, nothing recorded.
extension Service {
    /// The paths the check answers on (the only ones that take POST).
    static let checkPaths: Set<String> = ["/check", "/processes/pre-approval-check/execution"]
    /// Every path that takes POST (and only POST).
    static let postPaths: Set<String> = checkPaths.union(["/app/check", "/login", "/logout", "/permits", "/monitoring/import", "/account/password"])

    /// The methods a path answers.
    static func methods(_ path: String) -> [HTTPRequest.Method] {
        if postPaths.contains(path) { return [.post] }
        let parts = path.split(separator: "/").map(String.init)
        let reads: [HTTPRequest.Method] = [.get, .head]
        switch (parts.first ?? "", parts.count) {
        case ("collections", 3) where parts[2] == "items": return reads + [.post]
        case ("collections", 3) where parts[2] == "import" || parts[2] == "reclass": return [.post]
        case ("collections", 4) where parts[2] == "items": return reads + [.put, .patch, .delete]
        case ("collections", 5) where parts[2] == "items" && parts[4] == "stage": return [.post]
        case ("accounts", 1): return reads + [.post]
        case ("accounts", 2): return reads + [.patch]
        case ("accounts", 3) where parts[2] == "tokens": return [.post]
        case ("accounts", 4) where parts[2] == "tokens": return [.delete]
        case ("settings", 2): return [.put]
        case ("monitoring", 4) where parts[1] == "limits": return [.put, .delete]
        case ("outfalls", 3) where parts[2] == "remedies": return reads + [.post]
        default: return reads
        }
    }
    /// The largest body read (a larger one is refused with 413).
    static let maximumUpload = 50 << 20

    private static let checkParameters: Set<String> = [
        "f", "use", "action", "air_polluting", "soil_polluting", "discharges", "food_crops", "classification",
        "srid", "by", "date", "record", "encoding", "map",
    ]

    func check(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let (upload, parameters) = try await checkUpload(request, context)
        let output = try checkOutput(request, parameters)
        let report = try await runCheck(upload, parameters, outputs: [output], language: documents(request).language)[output]!
        return Service.response(report, type: output.type)
    }

    /// The clerk's page's check (`POST /app/check`, as `/check` takes it): recorded once, answered at once
    /// as the check's JSON, its GeoJSON for the map and its signed HTML report, in one JSON object.
    func pageCheck(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let (upload, parameters) = try await checkUpload(request, context)
        guard parameters["f"] == nil else { throw ServiceError.parameter("f", "is not taken here: the answer holds the JSON, the GeoJSON and the report") }
        let answers = try await runCheck(upload, parameters, outputs: [.json, .html, .geojson], language: documents(request).language)
        var body = Array("{\"report\":".utf8) + answers[.json]! + Array(",\"geojson\":".utf8) + answers[.geojson]!
        body += Array((",\"html\":" + JSONValue.string(String(decoding: answers[.html]!, as: UTF8.self)).jsonText + "}\n").utf8)
        return Service.response(body, type: "application/json")
    }

    /// A check request's proposals (the body, or the form's `file`) and its options (the query's parameters and the form's fields, as one).
    private func checkUpload(_ request: Request, _ context: ServiceContext) async throws -> ((name: String, bytes: [UInt8]), QueryString) {
        var (upload, fields) = try await readUpload(request, defaultName: "proposals.geojson",
                                                    tooLarge: "the proposals are larger than \(Service.maximumUpload >> 20) MB")
        // Signed in, the check is recorded by the account: a `by` naming someone else is refused.
        if let name = context.caller.name {
            if let by = fields["by"], by != name { throw ServiceError.parameter("by", "is the signed-in account, \(name)") }
            fields["by"] = name
        }
        let parameters = QueryString(values: fields)
        try parameters.refuseUnknown(Service.checkParameters)
        return (upload, parameters)
    }

    /// What a check answers with.
    enum CheckOutput: Hashable, Sendable {
        case json, html, geojson
        var type: String {
            switch self {
            case .json: "application/json"
            case .html: "text/html; charset=utf-8"
            case .geojson: "application/geo+json"
            }
        }
    }

    private func checkOutput(_ request: Request, _ parameters: QueryString) throws -> CheckOutput {
        if parameters["f"]?.lowercased() == "geojson" { return .geojson }
        return try encoding(request, parameters) == .html ? .html : .json
    }

    /// The check of an upload with the options in `parameters`, once, in every output asked for.
    func runCheck(_ upload: (name: String, bytes: [UInt8]), _ parameters: QueryString, outputs: Set<CheckOutput>,
                  language: ReportLanguage) async throws -> [CheckOutput: [UInt8]] {
        let options = try checkOptions(parameters)
        let mapping = try Service.mapping(parameters)
        let (registry, fields) = (registry, mapping)
        let textEncoding = parameters["encoding"]
        return try await blocking {
            try Service.runCheck(upload.bytes, name: upload.name, options: options, reading: (textEncoding, fields), outputs: outputs,
                                 language: language, on: registry)
        }
    }

    /// A Content-Type's media type (lower case) and its boundary parameter.
    static func mediaType(_ header: String?) -> (String, String?) {
        let parts = (header ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let boundary = parts.dropFirst().first { $0.lowercased().hasPrefix("boundary=") }
            .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        return ((parts.first ?? "").lowercased(), boundary)
    }

    /// A form's text fields, and its file (by the name the client gave it, as a plain file name).
    static func form(_ body: ByteBuffer, boundary: String?) throws -> (fields: [String: String], file: (name: String, bytes: [UInt8])?) {
        guard let boundary, !boundary.isEmpty else {
            throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "the form has no boundary")
        }
        var parts: [MultipartPart] = []
        var part = MultipartPart(body: ByteBuffer())
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in part.headers.add(name: name, value: value) }
        parser.onBody = { chunk in part.body.writeBuffer(&chunk) }
        parser.onPartComplete = { parts.append(part); part = MultipartPart(body: ByteBuffer()) }
        do { try parser.execute(body) } catch {
            throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "the form cannot be read as multipart/form-data")
        }
        var fields: [String: String] = [:]
        var file: (name: String, bytes: [UInt8])?
        for part in parts {
            let disposition = part.headers.first(name: "Content-Disposition") ?? ""
            guard let name = Service.dispositionValue(disposition, "name") else { continue }
            if name == "file" {
                let given = Service.dispositionValue(disposition, "filename") ?? "proposals.geojson"
                let printable = String(String.UnicodeScalarView(given.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" }))
                let plain = (printable.replacingOccurrences(of: "\\", with: "/") as NSString).lastPathComponent
                let safe = plain.replacingOccurrences(of: "/", with: "")
                file = (safe.isEmpty || safe.hasPrefix(".") ? "proposals" + safe : safe, Array(buffer: part.body))
            } else {
                guard let value = String(validating: Array(buffer: part.body), as: UTF8.self) else {
                    throw ServiceError.parameter(name, "its value is not UTF-8")
                }
                guard fields.updateValue(value, forKey: name) == nil else { throw ServiceError.parameter(name, "is given twice") }
            }
        }
        return (fields, file)
    }

    /// A parameter of a Content-Disposition header (`name="file"`).
    static func dispositionValue(_ header: String, _ key: String) -> String? {
        for item in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// The CLI's check options, from the query or the form.
    private func checkOptions(_ query: QueryString) throws -> CheckOptions {
        func flag(_ name: String) throws -> Bool? { try Service.flag(query, name) }
        var action: ProposalAction?
        if let text = query["action"] {
            guard let value = ProposalAction(rawValue: text) else {
                throw ServiceError.parameter("action", "'\(text)' is not one of \(ProposalAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            action = value
        }
        var classification = LandUseClassification.y2023
        if let text = query["classification"] {
            guard let value = LandUseClassification(rawValue: text) else { throw ServiceError.parameter("classification", "'\(text)' is neither 2023 nor 2017") }
            classification = value
        }
        var srid: Int?
        if let text = query["srid"] {
            guard let value = Int(text), value > 0 else { throw ServiceError.parameter("srid", "'\(text)' is not an EPSG code") }
            srid = value
        }
        let record = try flag("record") ?? true
        let by = query["by"]?.trimmingCharacters(in: .whitespaces) ?? ""
        if record && by.isEmpty {
            throw ServiceError.parameter("by", "names who runs the check, for its record (or record=false)")
        }
        let defaults = ProposalDefaults(use: query["use"], action: action, airPolluting: try flag("air_polluting"),
                                        soilPolluting: try flag("soil_polluting"), discharges: try flag("discharges"),
                                        foodCrops: try flag("food_crops"), classification: classification)
        var options = CheckOptions(srid: srid, record: record, context: nil, defaults: defaults, date: query["date"])
        if !by.isEmpty { options.by = by }
        return options
    }

    /// The check of a body's proposals, as the CLI makes it: each report's bytes.
    private static func runCheck(_ bytes: [UInt8], name: String, options: CheckOptions, reading: (encoding: String?, mapping: FieldMapping),
                                 outputs: Set<CheckOutput>, language: ReportLanguage, on registry: Registry) throws -> [CheckOutput: [UInt8]] {
        try withUpload(bytes, name: name) { file in try runCheck(file, name: name, options: options, reading: reading, outputs: outputs,
                                                                  language: language, on: registry) }
    }

    /// An upload written to a private temporary folder under the client's file name, for `body`; removed after.
    static func withUpload<T>(_ bytes: [UInt8], name: String, _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw ServiceError(status: .internalServerError, code: "ServerError", description: "the server could not answer; see its log")
        }
        return try body(file)
    }

    private static func runCheck(_ file: String, name: String, options: CheckOptions, reading: (encoding: String?, mapping: FieldMapping),
                                 outputs: Set<CheckOutput>, language: ReportLanguage, on registry: Registry) throws -> [CheckOutput: [UInt8]] {
        do {
            let reader = try openFeatureReader(path: file, format: nil, booleans: ["air_polluting", "soil_polluting", "discharges", "food_crops"],
                                               mapping: reading.mapping, encoding: reading.encoding)
            let conditions = try registry.checkConditions()
            var options = options
            options.file = name
            if outputs.contains(.html) { options.context = CheckOptions.mapContext } else if outputs.contains(.geojson) { options.context = 0 }
            var reports: [(CheckOutput, OutputSink, any CheckReport)] = []
            for output in outputs {
                let sink = OutputSink.memory()
                switch output {
                case .json: reports.append((output, sink, CheckJSONReport(sink: sink, registry: registry.path, language: language, conditions: conditions)))
                case .html:
                    reports.append((output, sink, CheckHTMLReport(sink: sink, registry: try registry.describe(), file: name, by: options.by,
                                                                  language: language, conditions: conditions)))
                case .geojson: reports.append((output, sink, try CheckGeoJSONReport(sink: sink, registrySRID: registry.srid)))
                }
            }
            let summary = try registry.check(reader, options: options) { result in reports.forEach { $0.2.add(result) } }
            var answers: [CheckOutput: [UInt8]] = [:]
            for (output, sink, report) in reports {
                try report.finish(summary)
                answers[output] = Array(sink.data)
            }
            return answers
        } catch var error as InputError {
            // The client's file, by the name it knows it by.
            if error.file == file { error.file = name }
            throw ServiceError(status: .unprocessableContent, code: "InvalidInput", description: "", libraryError: error)
        }
    }
}
