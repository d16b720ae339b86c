import Foundation
import Hummingbird
import LandRegistry

/// The pre-approval check over HTTP (contract §12): `POST /check` and
/// `POST /processes/pre-approval-check/execution` take proposals as a
/// GeoJSON body with the CLI's check options as query parameters, and
/// answer §6's JSON — what `check --format json` writes for the same
/// proposals and options, through the same library call — or the HTML
/// report with `f=html`. The check is recorded, by the name given in `by`,
/// unless `record=false`; bad input is a 400 (a body that cannot be read
/// as proposals a 422) with the CLI's one-line message, nothing recorded.
extension Service {
    /// The paths the check answers on (the only ones that take POST).
    static let checkPaths: Set<String> = ["/check", "/processes/pre-approval-check/execution"]
    /// The largest body read (a larger one is refused with 413).
    static let maximumUpload = 50 << 20

    private static let checkParameters: Set<String> = [
        "f", "use", "action", "air_polluting", "soil_polluting", "discharges", "food_crops", "classification",
        "srid", "by", "date", "record",
    ]

    func check(_ request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(Service.checkParameters)
        let encoding = try encoding(request, query)
        let type = request.headers[.contentType].map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard ["application/geo+json", "application/json"].contains(type) else {
            throw ServiceError(status: .unsupportedMediaType, code: "UnsupportedMediaType",
                               description: "the proposals are sent as GeoJSON (Content-Type: application/geo+json)")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Service.maximumUpload)
        } catch {
            throw ServiceError(status: .contentTooLarge, code: "ContentTooLarge",
                               description: "the proposals are larger than \(Service.maximumUpload >> 20) MB")
        }
        let options = try checkOptions(query)
        let language = documents(request).language
        let registry = registry
        let bytes = Array(buffer: body)
        let report = try await blocking {
            try Service.runCheck(bytes, name: "proposals.geojson", options: options, html: encoding == .html, language: language, on: registry)
        }
        switch encoding {
        case .json: return Service.response(report, type: "application/json")
        case .html: return Service.response(report, type: "text/html; charset=utf-8")
        }
    }

    /// The CLI's check options, from the query.
    private func checkOptions(_ query: QueryString) throws -> CheckOptions {
        func flag(_ name: String) throws -> Bool? {
            guard let text = query[name] else { return nil }
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: throw ServiceError.parameter(name, "'\(text)' is neither true nor false")
            }
        }
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

    /// The check of a body's proposals, as the CLI makes it: the report's bytes.
    private static func runCheck(_ bytes: [UInt8], name: String, options: CheckOptions, html: Bool, language: ReportLanguage,
                                 on registry: Registry) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("landreg-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw ServiceError(status: .internalServerError, code: "ServerError", description: "the server could not answer; see its log")
        }
        do {
            let reader = try openFeatureReader(path: file, format: nil, booleans: ["air_polluting", "soil_polluting", "discharges", "food_crops"])
            let sink = OutputSink.memory()
            let conditions = try registry.checkConditions()
            var options = options
            options.file = name
            let report: any CheckReport
            if html {
                options.context = CheckOptions.mapContext
                report = CheckHTMLReport(sink: sink, registry: try registry.describe(), file: name, by: options.by, language: language,
                                         conditions: conditions)
            } else {
                report = CheckJSONReport(sink: sink, registry: registry.path, language: language, conditions: conditions)
            }
            let summary = try registry.check(reader, options: options) { report.add($0) }
            try report.finish(summary)
            return Array(sink.data)
        } catch var error as InputError {
            // The client's file, by the name it knows it by.
            if error.file == file { error.file = name }
            throw ServiceError(status: .unprocessableContent, code: "InvalidInput", description: "", libraryError: error)
        }
    }
}
