import LandRegistry

/// The OpenAPI of what changes the registry (contract §13): the edits of
/// features (Part 4), the import of a file, and the page's sign-in.
extension Documents {
    /// A path's operations with more methods added.
    static func adding(_ more: [(String, JSONValue)], to path: JSONValue) -> JSONValue {
        guard case .object(let members) = path else { return path }
        return .object(members + more)
    }

    private var editParameters: [JSONValue] {
        [parameter("date", "query", "The date the change takes effect (default: the feature's own, else today)",
                   schema: .object([("type", s("string")), ("pattern", s(Documents.datePattern + "$"))])),
         parameter("note", "query", "Why (kept in the history; removing a listed or unresolved plot needs it)", schema: .object([("type", s("string"))])),
         parameter("by", "query", "Who edits (without accounts only; signed in, the account)", schema: .object([("type", s("string"))]))]
    }

    private func editResponses(_ success: (String, String), extra: [(String, String)] = []) -> JSONValue {
        var responses: [(String, JSONValue)] = [(success.0, .object([("description", s(success.1))]))]
        let refusals = [("400", "A parameter or body that cannot mean anything"), ("401", "No credentials"), ("403", "A role below editor"),
                        ("413", "A body over 50 MB"), ("415", "A body of another type"), ("422", "A feature the import refuses, with its message")] + extra
        responses += refusals.map { ($0.0, errorResponse($0.1)) }
        return .object(responses)
    }

    private func body(_ type: String) -> JSONValue {
        .object([("required", .bool(true)), ("content", .object([(type, .object([("schema", .object([("type", s("object"))]))]))]))])
    }

    private var ifMatch: JSONValue {
        parameter("If-Match", "header", "The feature's ETag, as GET gave it", schema: .object([("type", s("string"))]), required: true)
    }

    private var featureID: JSONValue {
        parameter("featureId", "path", "The feature's code", schema: .object([("type", s("string"))]), required: true)
    }

    /// `POST …/items`.
    func editOperations(create name: String) -> [(String, JSONValue)] {
        [("post", .object([("operationId", s("create_\(name)")), ("summary", s("Add a feature, as an import of one")),
                           ("parameters", .array(editParameters)), ("requestBody", body("application/geo+json")),
                           ("responses", editResponses(("201", "Added: its Location and ETag"), extra: [("409", "A feature of that code exists")]))]))]
    }

    /// `PUT`, `PATCH` and `DELETE …/items/{featureId}`.
    func editOperations(item name: String) -> [(String, JSONValue)] {
        let extra = [("404", "No such feature"), ("412", "The feature changed since that ETag"), ("428", "No If-Match")]
        let parameters = [featureID, ifMatch] + editParameters
        return [
            ("put", .object([("operationId", s("replace_\(name)")), ("summary", s("Replace a feature")), ("parameters", .array(parameters)),
                             ("requestBody", body("application/geo+json")), ("responses", editResponses(("204", "Replaced: its new ETag"), extra: extra))])),
            ("patch", .object([("operationId", s("patch_\(name)")), ("summary", s("Change a feature by a merge patch (RFC 7396)")),
                               ("parameters", .array(parameters)), ("requestBody", body("application/merge-patch+json")),
                               ("responses", editResponses(("204", "Changed: its new ETag"), extra: extra))])),
            ("delete", .object([("operationId", s("delete_\(name)")), ("summary", s("Remove a feature")), ("parameters", .array(parameters)),
                                ("responses", editResponses(("204", "Removed"), extra: extra))])),
        ]
    }

    /// `POST …/import`.
    func importOperation(_ name: String) -> JSONValue {
        let text: JSONValue = .object([("type", s("string"))])
        let parameters = editParameters + [
            parameter("mode", "query", "insert, upsert or replace", schema: .object([("type", s("string")), ("enum", .array([s("insert"), s("upsert"), s("replace")]))])),
            parameter("srid", "query", "The EPSG code of the file's coordinates", schema: .object([("type", s("integer")), ("minimum", Documents.number(1))])),
            parameter("make_valid", "query", "Repair invalid geometries", schema: .object([("type", s("boolean"))])),
            parameter("dry_run", "query", "Say what the import would do, change nothing", schema: .object([("type", s("boolean"))])),
            parameter("encoding", "query", "The text encoding (UTF-8, GBK …)", schema: text),
            parameter("map", "query", "Which field gives which property, e.g. code=DKBM", schema: text),
        ]
        return .object([("post", .object([
            ("operationId", s("import_\(name)")), ("summary", s("landreg import: a file into the layer, all or nothing")),
            ("parameters", .array(parameters)),
            ("requestBody", .object([("required", .bool(true)), ("content", .object([
                ("application/geo+json", .object([("schema", .object([("type", s("object"))]))])),
                ("multipart/form-data", .object([("schema", .object([("type", s("object")), ("required", .array([s("file")])),
                    ("properties", .object([("file", .object([("type", s("string")), ("format", s("binary"))]))]))]))])),
            ]))])),
            ("responses", importResponses),
        ]))])
    }

    private var importResponses: JSONValue {
        let counts: JSONValue = .object([("description", s("The import's counts")), ("content", .object([
            ("application/json", .object([("schema", .object([("type", s("object"))]))]))]))])
        let refusals = [("400", "A parameter that cannot mean anything"), ("401", "No credentials"), ("403", "A role below editor"),
                        ("413", "A file over 50 MB"), ("415", "A body of another type"), ("422", "A file the import refuses, with its message")]
        return .object([("200", counts)] + refusals.map { ($0.0, errorResponse($0.1)) })
    }

    /// `POST /login`, `POST /logout`.
    func signInOperations() -> [(String, JSONValue)] {
        let form: JSONValue = .object([("required", .bool(true)), ("content", .object([("application/x-www-form-urlencoded", .object([("schema", .object([
            ("type", s("object")), ("required", .array([s("name"), s("password")])),
            ("properties", .object([("name", .object([("type", s("string"))])), ("password", .object([("type", s("string"))]))])),
        ]))]))]))])
        return [
            ("/login", .object([("post", .object([("operationId", s("login")), ("summary", s("Sign the page in: a session cookie and its CSRF token")),
                ("requestBody", form), ("responses", .object([
                    ("200", .object([("description", s("Signed in")), ("content", .object([("application/json", .object([("schema", .object([("type", s("object"))]))]))]))])),
                    ("400", errorResponse("A missing field")), ("401", errorResponse("A wrong name or password")),
                    ("415", errorResponse("Not a form")), ("429", errorResponse("Too many failed sign-ins: wait")),
                ]))]))])),
            ("/logout", .object([("post", .object([("operationId", s("logout")), ("summary", s("End the page's session")), ("responses", .object([
                ("200", .object([("description", s("Signed out")), ("content", .object([("application/json", .object([("schema", .object([("type", s("object"))]))]))]))])),
            ]))]))])),
        ]
    }
}
