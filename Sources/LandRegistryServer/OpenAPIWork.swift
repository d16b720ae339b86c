import LandRegistry

/// The OpenAPI of the other writing commands (permits, stages, classes,
/// monitoring, remedies) and of accounts and settings (contract §13).
extension Documents {
    /// A field of a request: its name, schema, whether required, and what it means.
    struct Field {
        let name: String
        let schema: JSONValue
        let required: Bool
        let text: String
    }

    private func text(_ name: String, _ description: String, required: Bool = false) -> Field {
        Field(name: name, schema: .object([("type", s("string")), ("minLength", Documents.number(1))]), required: required, text: description)
    }

    private func choice(_ name: String, _ values: [String], _ description: String, required: Bool = false) -> Field {
        Field(name: name, schema: .object([("type", s("string")), ("enum", .array(values.map(s)))]), required: required, text: description)
    }

    private func date(_ name: String, _ description: String, required: Bool = false) -> Field {
        Field(name: name, schema: .object([("type", s("string")), ("pattern", s(Documents.datePattern + "$"))]), required: required, text: description)
    }

    private func path(_ name: String, _ description: String) -> JSONValue {
        parameter(name, "path", description, schema: .object([("type", s("string"))]), required: true)
    }

    /// The fields as a JSON object or a form.
    private func fieldsBody(_ fields: [Field], also: [(String, JSONValue)] = []) -> JSONValue {
        let schema: JSONValue = .object([
            ("type", s("object")), ("required", .array(fields.filter(\.required).map { s($0.name) })),
            ("properties", .object(fields.map { ($0.name, Documents.adding([("description", s($0.text))], to: $0.schema)) })),
        ])
        return .object([("required", .bool(fields.contains(where: \.required))), ("content", .object([
            ("application/json", .object([("schema", schema)])), ("application/x-www-form-urlencoded", .object([("schema", schema)])),
        ] + also))])
    }

    private func jsonAnswer(_ description: String) -> JSONValue {
        .object([("description", s(description)), ("content", .object([("application/json", .object([("schema", .object([("type", s("object"))]))]))]))])
    }

    /// One operation: its answer on success and the refusals it may give.
    private func writeOperation(_ id: String, _ summary: String, role: String, parameters: [JSONValue] = [], body: JSONValue? = nil,
                           success: (String, String), refusals extra: [(String, String)] = []) -> JSONValue {
        var members: [(String, JSONValue)] = [("operationId", s(id)), ("summary", s(summary + " (role: \(role))")), ("parameters", .array(parameters))]
        if let body { members.append(("requestBody", body)) }
        let answer = success.0 == "204" ? .object([("description", s(success.1))]) : jsonAnswer(success.1)
        var refusals = [("400", "A field that cannot mean anything, with its message"), ("401", "No credentials"),
                        ("403", "A role below \(role)"), ("404", "No such thing here")]
        if body != nil { refusals += [("413", "A body too large"), ("415", "A body of another type")] }
        refusals += extra
        members.append(("responses", .object([(success.0, answer)] + refusals.map { ($0.0, errorResponse($0.1)) })))
        return .object(members)
    }

    private var by: Field { text("by", "Who records it (without accounts only; signed in, the account)") }
    private var note: Field { text("note", "Why (kept with the record)") }
    private var refused: (String, String) { ("422", "Refused by the registry's rules, with the CLI's message") }

    func workOperations() -> [(String, JSONValue)] {
        [
            ("/permits", .object([("post", writeOperation("record_permit", "landreg permit: record that a checked proposal was approved", role: "clerk",
                body: fieldsBody([text("proposal", "The proposal's id, as checked", required: true),
                                  choice("kind", ["supply", "use_change", "planning_permit"], "The permit", required: true),
                                  date("date", "The date of the approval", required: true),
                                  text("note", "Why (required when the latest check was block)"), by]),
                success: ("201", "Recorded: its id"), refusals: [refused]))])),
            ("/collections/risk-plots/items/{featureId}/stage", .object([("post", writeOperation("stage_risk_plot",
                "landreg stage: move a risk plot along its lifecycle (legal transitions only)", role: "editor",
                parameters: [path("featureId", "The plot's code"),
                             parameter("If-Match", "header", "The plot's ETag, to refuse the move if it changed since", schema: .object([("type", s("string"))]))],
                body: fieldsBody([choice("stage", Stage.names, "The new stage", required: true), date("date", "When it took effect (default today)"),
                                  text("doc", "The report or decision number"), text("note", "Why (required when re-opening a plot)"), by]),
                success: ("200", "Moved: the plot's new ETag"), refusals: [("412", "The plot changed since that ETag"), refused]))])),
            ("/collections/farmland/reclass", .object([("post", writeOperation("reclass_farmland",
                "landreg reclass: a parcel's soil-quality class (code, class), or a file of them (CSV or GeoJSON in a form), all or nothing",
                role: "editor",
                body: fieldsBody([text("code", "The parcel's code", required: true), choice("class", FarmlandClass.names, "The new class", required: true),
                                  date("date", "When it took effect", required: true), text("basis", "The basis (monitoring, decision …)"), by],
                                 also: [("multipart/form-data", .object([("schema", .object([("type", s("object")), ("required", .array([s("file"), s("date")])),
                                     ("properties", .object([("file", .object([("type", s("string")), ("format", s("binary"))])),
                                                             ("date", .object([("type", s("string"))])), ("basis", .object([("type", s("string"))]))]))]))]))]),
                success: ("200", "Changed: how many"), refusals: [refused]))])),
        ] + waterOperations() + adminOperations()
    }

    /// Monitoring, discharge limits and remedies.
    private func waterOperations() -> [(String, JSONValue)] {
        let csvForm: JSONValue = .object([("required", .bool(true)), ("content", .object([
            ("text/csv", .object([("schema", .object([("type", s("string"))]))])),
            ("multipart/form-data", .object([("schema", .object([("type", s("object")), ("required", .array([s("file")])),
                ("properties", .object([("file", .object([("type", s("string")), ("format", s("binary"))]))]))]))])),
        ]))])
        let query = { (name: String, description: String) in
            self.parameter(name, "query", description, schema: .object([("type", self.s("string"))]))
        }
        let limitPath = [path("subject", "An outfall's code, or a type: \(OutfallType.names.joined(separator: ", "))"),
                         path("parameter", "The parameter: \(MonitoringParameter.names.joined(separator: ", "))")]
        return [
            ("/monitoring/import", .object([("post", writeOperation("import_monitoring",
                "landreg monitor import: a monitoring CSV (values or targets), all or nothing", role: "editor",
                parameters: [parameter("mode", "query", "insert or upsert", schema: .object([("type", s("string")), ("enum", .array([s("insert"), s("upsert")]))])),
                             query("encoding", "The text encoding (UTF-8, GBK …)"), query("map", "Which column gives which field, e.g. site=断面"), query("by", by.text)],
                body: csvForm, success: ("200", "The import's counts"), refusals: [refused]))])),
            ("/monitoring/limits", .object([("get", writeOperation("discharge_limits", "The discharge limits in force", role: "viewer",
                success: ("200", "The limits")))])),
            ("/monitoring/limits/{subject}/{parameter}", .object([
                ("put", writeOperation("set_discharge_limit", "landreg monitor limit: set an outfall's or a type's limit", role: "editor", parameters: limitPath,
                    body: fieldsBody([text("limit", "A maximum (50), a range (6-9) or a minimum (>=5)", required: true), note, by]),
                    success: ("200", "Set"), refusals: [refused])),
                ("delete", writeOperation("remove_discharge_limit", "landreg monitor limit --remove", role: "editor", parameters: limitPath,
                    body: fieldsBody([note, by]), success: ("204", "Removed"), refusals: [refused])),
            ])),
            ("/outfalls/{featureId}/remedies", .object([
                ("get", writeOperation("remedies", "An outfall's remedies (治, 一口一策), oldest first", role: "viewer",
                    parameters: [path("featureId", "The outfall's code")], success: ("200", "Its remedy events"))),
                ("post", writeOperation("set_remedy", "landreg remedy: set an outfall's remedy (measure, responsible, deadline), or mark it done", role: "editor",
                    parameters: [path("featureId", "The outfall's code")],
                    body: fieldsBody([choice("measure", RemedyMeasure.names, "The measure"), text("responsible", "Who is responsible (a unit or a town)"),
                                      date("deadline", "The deadline"), Field(name: "done", schema: .object([("type", s("boolean"))]), required: false,
                                                                            text: "The remedy is done (then only date and note)"),
                                      date("date", "The date of the decision or of completion", required: true), note, by]),
                    success: ("201", "Recorded: the outfall's remedy events"), refusals: [refused])),
            ])),
        ]
    }

    private func adminOperations() -> [(String, JSONValue)] {
        let name = path("name", "The account's name")
        let role = choice("role", Role.names, "The role")
        return [
            ("/accounts", .object([
                ("get", writeOperation("accounts", "The accounts: role, disabled, live tokens' labels", role: "admin", success: ("200", "The accounts"))),
                ("post", writeOperation("add_account", "landreg user add", role: "admin",
                    body: fieldsBody([text("name", "The account's name", required: true), choice("role", Role.names, "The role", required: true),
                                      text("password", "10 to 72 bytes", required: true), by]),
                    success: ("201", "Added: the account and its Location"))),
            ])),
            ("/accounts/{name}", .object([
                ("get", writeOperation("account", "One account", role: "admin", parameters: [name], success: ("200", "The account"))),
                ("patch", writeOperation("change_account", "landreg user role / passwd / disable", role: "admin", parameters: [name],
                    body: fieldsBody([role, text("password", "A new password"),
                                      Field(name: "disabled", schema: .object([("type", s("boolean"))]), required: false,
                                            text: "true: disable it and revoke its tokens, at once"), by]),
                    success: ("200", "The account as it is now"))),
            ])),
            ("/accounts/{name}/tokens", .object([("post", writeOperation("new_token", "landreg user token: a new API token, shown once", role: "admin",
                parameters: [name], body: fieldsBody([text("label", "What it is for, to revoke it by"), by]), success: ("201", "The token")))])),
            ("/accounts/{name}/tokens/{label}", .object([("delete", writeOperation("revoke_token", "landreg user revoke", role: "admin",
                parameters: [name, path("label", "The token's label")], success: ("204", "Revoked")))])),
            ("/account/password", .object([("post", writeOperation("change_own_password", "An account's own new password, given its current one", role: "viewer",
                body: fieldsBody([text("password", "The current password", required: true), text("new_password", "The new password", required: true)]),
                success: ("204", "Changed"), refusals: [("429", "Too many wrong passwords: wait")]))])),
            ("/settings", .object([("get", writeOperation("settings", "The registry's settings", role: "viewer", success: ("200", "The settings")))])),
            ("/settings/{name}", .object([("put", writeOperation("set_setting", "landreg settings set", role: "admin",
                parameters: [path("name", "The setting's name")], body: fieldsBody([text("value", "The new value", required: true), by]),
                success: ("200", "The old and the new value")))])),
        ]
    }
}
