import Foundation
import Hummingbird
import HTTPTypes
import LandRegistry

/// The registry's other writing commands over HTTP (contract §13), each
/// through the library call the CLI makes, recorded by the account:
///
/// - clerk: `POST /permits` (`landreg permit`: `proposal`, `kind`, `date`, `note`);
/// - editor: `POST /collections/risk-plots/items/{code}/stage` (`landreg
///   stage`: `stage`, `date`, `doc`, `note`; `If-Match` honoured when
///   sent), `POST /collections/farmland/reclass` (`landreg reclass`: `code`,
///   `class`, `date`, `basis`, or a CSV/GeoJSON `file` in a form),
///   `POST /monitoring/import` (`landreg monitor import`: a CSV as a form's
///   `file` or a `text/csv` body; `mode`, `encoding`, `map`),
///   `PUT|DELETE /monitoring/limits/{subject}/{parameter}` (`landreg
///   monitor limit`: `limit`, `note`), `POST /outfalls/{code}/remedies`
///   (`landreg remedy`: `measure`, `responsible`, `deadline`, `date`, `note`;
///   or `done=true`, `date`, `note`);
/// - viewer: `GET /monitoring/limits`, `GET /outfalls/{code}/remedies`.
///
/// Fields come as JSON (`application/json`), a form, or query parameters.
extension Service {
    func addWorkRoutes(to router: Router<ServiceContext>) {
        router.post("/permits") { request, context in try await self.permit(request, context) }
        router.post("/collections/:layer/items/:code/stage") { request, context in
            guard try Service.layer(context) == .riskPlots else { throw ServiceError.notFound("only risk plots have a lifecycle stage") }
            return try await self.stage(request, context, code: try Service.code(context))
        }
        router.post("/collections/:layer/reclass") { request, context in
            guard try Service.layer(context) == .farmland else { throw ServiceError.notFound("only farmland has soil-quality classes") }
            return try await self.reclass(request, context)
        }
        router.post("/monitoring/import") { request, context in try await self.importMonitoring(request, context) }
        router.get("/monitoring/limits") { request, _ in try await self.limits(request) }
        router.put("/monitoring/limits/:subject/:parameter") { request, context in try await self.setLimit(request, context, remove: false) }
        router.delete("/monitoring/limits/:subject/:parameter") { request, context in try await self.setLimit(request, context, remove: true) }
        router.get("/outfalls/:code/remedies") { request, context in try await self.remedies(request, code: try Service.code(context)) }
        router.post("/outfalls/:code/remedies") { request, context in try await self.remedy(request, context, code: try Service.code(context)) }
    }

    /// `landreg permit`.
    private func permit(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let fields = try await fields(request)
        try fields.refuseUnknown(["proposal", "kind", "date", "note", "by"])
        let by = try editor(context, fields)
        let proposal = try Service.required(fields, "proposal"), date = try Service.required(fields, "date")
        let given = try Service.term(fields, "kind", as: ProposalAction.self)
        guard let kind = given else { throw ServiceError.parameter("kind", "is required") }
        let (registry, note) = (registry, fields["note"])
        let id = try await blocking {
            try Service.refusing { try registry.recordPermit(proposalID: proposal, kind: kind, date: date, by: by, note: note) }
        }
        return Service.json(.object([("id", Service.number(id)), ("proposal", .string(proposal)), ("kind", .string(kind.rawValue)),
                                     ("date", .string(date)), ("note", Service.optional(note)), ("recorded_by", .string(by))]), status: .created)
    }

    /// `landreg stage`: the answer carries the plot's new ETag.
    private func stage(_ request: Request, _ context: ServiceContext, code: String) async throws -> Response {
        let fields = try await fields(request)
        try fields.refuseUnknown(["stage", "date", "doc", "note", "by"])
        let by = try editor(context, fields)
        let given = try Service.term(fields, "stage", as: Stage.self)
        guard let stage = given else { throw ServiceError.parameter("stage", "is required") }
        let date = fields["date"] ?? todayUTC()
        let expected = try request.headers[.ifMatch].map { _ in ExpectedVersion(code: code, version: try Service.ifMatch(request)) }
        let (registry, doc, note) = (registry, fields["doc"], fields["note"])
        let version = try await blocking {
            try Service.refusingConflicts {
                try registry.changeStage(code: code, to: stage, date: date, doc: doc, by: by, note: note, expected: expected)
                return try registry.version(of: .riskPlots, code: code)
            }
        }
        var headers = HTTPFields()
        if let version { headers[.eTag] = "\"\(version)\"" }
        return Service.json(.object([("code", .string(code)), ("stage", .string(stage.rawValue)), ("date", .string(date)),
                                     ("doc", Service.optional(doc)), ("recorded_by", .string(by))]), headers: headers)
    }

    /// `landreg reclass`: one parcel (`code`, `class`), or a file of them in a form, all or nothing.
    private func reclass(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let known: Set<String> = ["code", "class", "date", "basis", "by"]
        let registry = registry
        if Service.mediaType(request.headers[.contentType]).0 == "multipart/form-data" {
            let (upload, values) = try await readUpload(request, defaultName: "classes.csv")
            let fields = QueryString(values: values)
            try fields.refuseUnknown(known.subtracting(["code", "class"]))
            let by = try editor(context, fields)
            let date = try Service.required(fields, "date"), basis = fields["basis"]
            let (changed, of) = try await blocking {
                try Service.withUpload(upload.bytes, name: upload.name) { file in
                    try Service.refusing {
                        try Service.namedAs(upload.name, file) {
                            let changes = try ReclassificationFile.read(file)
                            return (try registry.reclassify(changes, date: date, basis: basis, by: by, file: file), changes.count)
                        }
                    }
                }
            }
            return Service.json(.object([("changed", Service.number(changed)), ("of", Service.number(of)), ("date", .string(date))]))
        }
        let fields = try await fields(request)
        try fields.refuseUnknown(known)
        let by = try editor(context, fields)
        let code = try Service.required(fields, "code"), date = try Service.required(fields, "date"), basis = fields["basis"]
        let given = try Service.term(fields, "class", as: FarmlandClass.self)
        guard let farmlandClass = given else { throw ServiceError.parameter("class", "is required") }
        let version = try await blocking {
            try Service.refusing {
                try registry.reclassify(code: code, to: farmlandClass, date: date, basis: basis, by: by)
                return try registry.version(of: .farmland, code: code)
            }
        }
        var headers = HTTPFields()
        if let version { headers[.eTag] = "\"\(version)\"" }
        return Service.json(.object([("changed", Service.number(1)), ("of", Service.number(1)), ("date", .string(date)),
                                     ("code", .string(code)), ("class", .string(farmlandClass.rawValue))]), headers: headers)
    }

    /// An input error about the temporary copy of an upload, named by the client's name for it.
    static func namedAs<T>(_ name: String, _ file: String, _ work: () throws -> T) throws -> T {
        do { return try work() } catch var error as InputError {
            if error.file == file { error.file = name }
            throw error
        }
    }

    /// What a monitoring CSV sent as the body is called in messages.
    static let monitoringName = "monitoring.csv"

    /// `landreg monitor import`: the counts, and the rows of parameters landreg does not judge.
    private func importMonitoring(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let refusal: Phrase = "send the CSV as text/csv or in a form (multipart/form-data, field 'file')"
        let (upload, values) = try await readUpload(request, defaultName: Service.monitoringName, bodyTypes: ["text/csv"], refusal: refusal)
        let fields = QueryString(values: values)
        try fields.refuseUnknown(["mode", "encoding", "map", "by"])
        let by = try editor(context, fields)
        let mode = fields["mode"] ?? "insert"
        guard mode == "insert" || mode == "upsert" else { throw ServiceError.parameter("mode", "'\(mode)' is neither insert nor upsert") }
        let mapping = try Service.mapping(fields)
        let (registry, encoding) = (registry, fields["encoding"])
        let summary = try await blocking {
            try Service.withUpload(upload.bytes, name: upload.name) { file in
                try Service.refusing {
                    try Service.namedAs(upload.name, file) {
                        try registry.importMonitoring(path: file, encoding: encoding, mapping: mapping, upsert: mode == "upsert", by: by)
                    }
                }
            }
        }
        return Service.json(.object([
            ("mode", .string(mode)), ("read", Service.number(summary.read)), ("inserted", Service.number(summary.inserted)),
            ("replaced", Service.number(summary.replaced)), ("unchanged", Service.number(summary.unchanged)),
            ("skipped", .array(summary.skipped.map { .object([("parameter", .string($0.parameter)), ("rows", Service.number($0.rows))]) })),
        ]))
    }

    private func limits(_ request: Request) async throws -> Response {
        try QueryString(request.uri.query).refuseUnknown([])
        let registry = registry
        let limits = try await blocking { try registry.dischargeLimits() }
        return Service.json(.object([("limits", .array(limits.map { limit in
            .object([("subject", .string(limit.subject)), ("parameter", .string(limit.parameter.rawValue)),
                     ("limit", Service.optional(limit.limit?.description)), ("unit", .string(limit.parameter.unit)),
                     ("recorded_at", .string(limit.recordedAt)), ("recorded_by", .string(limit.recordedBy))])
        }))]))
    }

    /// `landreg monitor limit SUBJECT PARAMETER VALUE|--remove`.
    private func setLimit(_ request: Request, _ context: ServiceContext, remove: Bool) async throws -> Response {
        let fields = try await fields(request)
        try fields.refuseUnknown(remove ? ["note", "by"] : ["limit", "note", "by"])
        let by = try editor(context, fields)
        let subject = try Service.pathParameter(context, "subject")
        let name = try Service.pathParameter(context, "parameter")
        guard let parameter = MonitoringParameter(name: name) else {
            throw ServiceError.notFound("'\(name)' is not a parameter (\(MonitoringParameter.names.joined(separator: ", ")))")
        }
        let text = remove ? nil : try Service.required(fields, "limit")
        let (registry, note) = (registry, fields["note"])
        let limit = try await blocking {
            try Service.refusing { try registry.setDischargeLimit(subject: subject, parameter: parameter, limit: text, by: by, note: note) }
        }
        if remove { return Response(status: .noContent) }
        return Service.json(.object([("subject", .string(subject)), ("parameter", .string(parameter.rawValue)),
                                     ("limit", Service.optional(limit?.description)), ("unit", .string(parameter.unit)),
                                     ("note", Service.optional(note)), ("recorded_by", .string(by))]))
    }

    private func remedies(_ request: Request, code: String) async throws -> Response {
        try QueryString(request.uri.query).refuseUnknown([])
        let registry = registry
        let events = try await blocking { () -> [RemedyEvent]? in
            guard try registry.feature(.outfalls, code: code) != nil else { return nil }
            return try registry.remedyEvents(outfall: code)
        }
        guard let events else { throw ServiceError.notFound("\(term: Layer.outfalls) has no feature '\(code)'") }
        return Service.json(.object([("outfall", .string(code)), ("events", .array(events.map(Service.remedyEvent)))]))
    }

    static func remedyEvent(_ event: RemedyEvent) -> JSONValue {
        .object([("event", .string(event.event.rawValue)), ("date", .string(event.date)), ("measure", optional(event.measure?.rawValue)),
                 ("responsible", optional(event.responsible)), ("deadline", optional(event.deadline)), ("note", optional(event.note)),
                 ("recorded_at", .string(event.recordedAt)), ("recorded_by", .string(event.recordedBy))])
    }

    /// `landreg remedy OUTFALL --measure … --responsible … --deadline … --date …`, or `--done --date …`.
    private func remedy(_ request: Request, _ context: ServiceContext, code: String) async throws -> Response {
        let fields = try await fields(request)
        try fields.refuseUnknown(["measure", "responsible", "deadline", "done", "date", "note", "by"])
        let by = try editor(context, fields)
        let date = try Service.required(fields, "date"), note = fields["note"]
        let done = try Service.flag(fields, "done") ?? false
        let measure = try Service.term(fields, "measure", as: RemedyMeasure.self)
        let setting = measure != nil || fields["responsible"] != nil || fields["deadline"] != nil
        if done && setting { throw ServiceError.parameter("done", "takes only date and note") }
        let registry = registry
        guard try await blocking({ try registry.feature(.outfalls, code: code) != nil }) else {
            throw ServiceError.notFound("\(term: Layer.outfalls) has no feature '\(code)'")
        }
        if done {
            try await blocking { try Service.refusing { try registry.completeRemedy(outfall: code, date: date, note: note, by: by) } }
        } else {
            guard let measure else { throw ServiceError.parameter("measure", "is required (or done=true)") }
            let responsible = try Service.required(fields, "responsible"), deadline = try Service.required(fields, "deadline")
            try await blocking {
                try Service.refusing {
                    try registry.setRemedy(outfall: code, measure: measure, responsible: responsible, deadline: deadline, date: date, note: note, by: by)
                }
            }
        }
        let events = try await blocking { try registry.remedyEvents(outfall: code) }
        return Service.json(.object([("outfall", .string(code)), ("events", .array(events.map(Service.remedyEvent)))]), status: .created)
    }
}
