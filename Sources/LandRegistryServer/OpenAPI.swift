import LandRegistry

/// `/api`: the OpenAPI 3.0 document of every path, parameter and response
/// of the service, written for landreg: one path per layer, so that each
/// layer's filters (its queryables) are parameters a client can see.
extension Documents {
    func openAPI(title: String) -> JSONValue {
        var paths: [(String, JSONValue)] = [
            ("/", operation("landing", "The landing page", [f], json: ref("Landing"))),
            ("/conformance", operation("conformance", "The conformance classes", [f], json: ref("Conformance"))),
            ("/api", operation("api", "This document", [f], json: .object([("type", s("object"))]), type: "application/vnd.oai.openapi+json;version=3.0")),
            ("/collections", operation("collections", "The layers", [f], json: ref("Collections"))),
        ]
        for layer in Layer.allCases {
            let path = "/collections/\(layer.rawValue)"
            let name = layer.rawValue.replacingOccurrences(of: "-", with: "_")
            paths.append((path, operation("collection_\(name)", "The layer \(layer.rawValue)", [f], json: ref("Collection"))))
            paths.append((path + "/queryables", operation("queryables_\(name)", "The properties of \(layer.rawValue) that filter its features", [f],
                                                          json: .object([("type", s("object"))]), type: "application/schema+json")))
            let filters: [JSONValue] = layer.properties.map { spec in
                parameter(spec.name, "query", "Only features whose \(spec.name) is one of these values (comma-separated; Chinese terms read too)",
                          schema: .object([("type", s("array")), ("minItems", Documents.number(1)), ("items", valueSchema(spec.kind))]), explode: false)
            }
            let properties = parameter("properties", "query", "Which properties to serve (comma-separated)",
                                       schema: .object([("type", s("array")), ("minItems", Documents.number(1)),
                                                        ("items", .object([("type", s("string")), ("enum", .array(layer.properties.map { s($0.name) }))]))]),
                                       explode: false)
            paths.append((path + "/items", Documents.adding(editOperations(create: name), to: operation("items_\(name)", "The features of \(layer.rawValue), a page at a time",
                                                     [f, limit, bbox, bboxCRS, crs, datetime, properties, after] + filters,
                                                     json: ref("FeatureCollection"), type: "application/geo+json"))))
            paths.append((path + "/items/{featureId}", Documents.adding(editOperations(item: name), to: operation("item_\(name)", "One feature of \(layer.rawValue) by its code (as of a date)",
                                                                 [parameter("featureId", "path", "The feature's code", schema: .object([("type", s("string"))]), required: true),
                                                                  f, crs, datetime],
                                                                 json: ref("Feature"), type: "application/geo+json", notFound: true))))
            paths.append((path + "/import", importOperation(name)))
            paths.append((path + "/items/{featureId}/versions", operation("versions_\(name)", "Every recorded change of one feature of \(layer.rawValue), oldest first",
                                                                          [parameter("featureId", "path", "The feature's code", schema: .object([("type", s("string"))]), required: true), f],
                                                                          json: .object([("type", s("object"))]), notFound: true)))
        }
        paths.append(("/check", checkOperation("check")))
        paths.append(("/processes/pre-approval-check/execution", checkOperation("execute_pre_approval_check")))
        paths += reportOperations() + signInOperations() + workOperations()
        return .object([
            ("openapi", s("3.0.3")),
            ("info", .object([("title", s(title)), ("version", s(landregVersion)),
                              ("description", s("OGC API – Features Part 1 Core and Part 2 CRS by reference, over a landreg registry"))])),
            ("servers", .array([.object([("url", s(base))])])),
            ("paths", .object(paths)),
            ("components", .object([("schemas", schemas())])),
        ])
    }

    func s(_ text: String) -> JSONValue { .string(text) }
    func ref(_ name: String) -> JSONValue { .object([("$ref", s("#/components/schemas/\(name)"))]) }

    func parameter(_ name: String, _ place: String, _ description: String, schema: JSONValue,
                           required: Bool = false, explode: Bool? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", s(name)), ("in", s(place)), ("description", s(description)),
                                              ("required", .bool(required)), ("schema", schema)]
        if let explode { members += [("style", s("form")), ("explode", .bool(explode))] }
        return .object(members)
    }

    private var f: JSONValue {
        parameter("f", "query", "The encoding: json (GeoJSON for features) or html", schema: .object([("type", s("string")), ("enum", .array([s("json"), s("html")]))]))
    }
    private var limit: JSONValue {
        parameter("limit", "query", "How many features a page holds at most",
                  schema: .object([("type", s("integer")), ("minimum", Documents.number(1)),
                                   ("maximum", Documents.number(FeaturePageRequest.maximumLimit)), ("default", Documents.number(100))]),
                  explode: false)
    }
    private var bbox: JSONValue {
        parameter("bbox", "query", "Only features that share a point with this box: lower corner, upper corner, in the axis order of bbox-crs",
                  schema: .object([("type", s("array")), ("minItems", Documents.number(4)), ("maxItems", Documents.number(6)),
                                   ("items", .object([("type", s("number"))]))]), explode: false)
    }
    private var crsNames: JSONValue { .array(ServiceCRS.offered(registrySRID: registrySRID).map { s($0.uri) }) }
    private var bboxCRS: JSONValue {
        parameter("bbox-crs", "query", "The CRS of bbox (default CRS84)", schema: .object([("type", s("string")), ("format", s("uri")), ("enum", crsNames)]))
    }
    private var crs: JSONValue {
        parameter("crs", "query", "The CRS of the coordinates served (default CRS84)", schema: .object([("type", s("string")), ("format", s("uri")), ("enum", crsNames)]))
    }
    private var datetime: JSONValue {
        parameter("datetime", "query", "The registry as it stood in the world on this date (a date or an RFC 3339 date-time)",
                  schema: .object([("type", s("string")), ("pattern", s(Documents.datePattern + "(T" + Documents.timePattern + ")?$"))]),
                  explode: false)
    }

    /// A date, YYYY-MM-DD (a day the month has not, 02-31, is refused by the server).
    static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    /// The time of an RFC 3339 date-time.
    static let timePattern = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|z|[+-][0-9]{2}:[0-9]{2})"

    /// The values a filter of a property of this kind takes.
    private func valueSchema(_ kind: PropertySpec.Kind) -> JSONValue {
        switch kind {
        case .text: return .object([("type", s("string")), ("pattern", s("^[^,]*[^, ][^,]*$"))])
        case .bool: return .object([("type", s("string")), ("enum", .array(["true", "false", "是", "否"].map(s)))])
        case .date: return .object([("type", s("string")), ("pattern", s(Documents.datePattern + "$"))])
        case .enumeration(let values, _): return .object([("type", s("string")), ("enum", .array(values.map(s)))])
        }
    }
    private var after: JSONValue {
        parameter("after", "query", "The code after which the page starts (the next link gives it)", schema: .object([("type", s("string"))]))
    }

    private func operation(_ id: String, _ summary: String, _ parameters: [JSONValue], json: JSONValue,
                           type: String = "application/json", notFound: Bool = false) -> JSONValue {
        var responses: [(String, JSONValue)] = [
            ("200", .object([("description", s(summary)), ("content", .object([(type, .object([("schema", json)]))]
                + (type == "text/html" ? [] : [("text/html", .object([("schema", .object([("type", s("string"))]))]))])))])),
            ("400", errorResponse("A parameter that cannot mean anything, named in the description")),
        ]
        if notFound || id.contains("_") { responses.append(("404", errorResponse("No such collection or feature"))) }
        responses.append(("406", errorResponse("An encoding that is not offered")))
        return .object([("get", .object([("operationId", s(id)), ("summary", s(summary)), ("parameters", .array(parameters)),
                                         ("responses", .object(responses))]))])
    }

    /// The periodic reports, as `landreg review`, `water` and `air` write them.
    private func reportOperations() -> [(String, JSONValue)] {
        let lang = parameter("lang", "query", "The language of the page (default: Accept-Language)",
                             schema: .object([("type", s("string")), ("enum", .array([s("zh"), s("en")]))]))
        func pattern(_ regex: String) -> JSONValue { .object([("type", s("string")), ("pattern", s(regex))]) }
        let quarter = "^[0-9]{4}Q[1-4]$"
        return [
            ("/reports/review", operation("review", "The quarterly land-safety review of a quarter, as a page (f=html)",
                                          [f, lang, parameter("quarter", "query", "The quarter, YYYYQn", schema: pattern(quarter), required: true)],
                                          json: .object([("type", s("string"))]), type: "text/html")),
            ("/reports/water", operation("water", "The water report of a month or a quarter (give one)",
                                         [f, lang, parameter("month", "query", "The month, YYYY-MM", schema: pattern("^[0-9]{4}-(0[1-9]|1[0-2])$")),
                                          parameter("quarter", "query", "The quarter, YYYYQn", schema: pattern(quarter))],
                                         json: .object([("type", s("object"))]))),
            ("/reports/air", operation("air", "Each area's monthly air-quality means of a year against its targets",
                                       [f, lang, parameter("year", "query", "The year", schema: .object([("type", s("integer")), ("minimum", Documents.number(1900)),
                                                                                                         ("maximum", Documents.number(9999))]), required: true)],
                                       json: .object([("type", s("object"))]))),
        ]
    }

    /// The check (contract §12): proposals as a GeoJSON body, the CLI's options as parameters.
    private func checkOperation(_ id: String) -> JSONValue {
        func flag(_ name: String, _ description: String) -> JSONValue {
            parameter(name, "query", description, schema: .object([("type", s("boolean"))]))
        }
        let text: JSONValue = .object([("type", s("string"))])
        let parameters: [JSONValue] = [
            parameter("f", "query", "The answer: json (the CLI's check JSON), html (the signed report) or geojson (each proposal and the features it meets, lon/lat)",
                      schema: .object([("type", s("string")), ("enum", .array([s("json"), s("html"), s("geojson")]))])),
            parameter("use", "query", "The land-use code of proposals that have none (e.g. 0701)", schema: text),
            parameter("action", "query", "The action of proposals that have none",
                      schema: .object([("type", s("string")), ("enum", .array(ProposalAction.allCases.map { s($0.rawValue) }))])),
            flag("air_polluting", "Proposals without air_polluting emit air pollutants (or not)"),
            flag("soil_polluting", "Proposals without soil_polluting may pollute soil (or not)"),
            flag("discharges", "Proposals without discharges discharge water pollutants (or not)"),
            flag("food_crops", "Proposals without food_crops will grow food crops (or not)"),
            parameter("classification", "query", "The land-use classification of the codes (2017: 三调, mapped to 2023)",
                      schema: .object([("type", s("string")), ("enum", .array([s("2023"), s("2017")]))])),
            parameter("srid", "query", "The EPSG code of the proposals' coordinates", schema: .object([("type", s("integer")), ("minimum", Documents.number(1))])),
            parameter("by", "query", "Who runs the check, for its record (required unless record=false)", schema: text),
            parameter("date", "query", "The date the check was made, when recorded later",
                      schema: .object([("type", s("string")), ("pattern", s(Documents.datePattern + "$"))])),
            flag("record", "Keep a record of the check in the registry (default true)"),
            parameter("encoding", "query", "The text encoding of a TXT, CSV or Shapefile's attributes (UTF-8, GBK …; default: detected)", schema: text),
            parameter("map", "query", "Which field gives which property, e.g. use=用途,id=DKBH", schema: text),
        ]
        let responses: [(String, JSONValue)] = [
            ("200", .object([("description", s("The check: the JSON of `landreg check --format json`, its HTML report or its GeoJSON")), ("content", .object([
                ("application/json", .object([("schema", .object([("type", s("object"))]))])),
                ("application/geo+json", .object([("schema", .object([("type", s("object"))]))])),
                ("text/html", .object([("schema", .object([("type", s("string"))]))])),
            ]))])),
            ("400", errorResponse("A parameter that cannot mean anything, named in the description")),
            ("406", errorResponse("An encoding that is not offered")),
            ("413", errorResponse("Proposals larger than the service reads")),
            ("415", errorResponse("A body that is not GeoJSON")),
            ("422", errorResponse("Proposals that cannot be read, with the CLI's message")),
        ]
        return .object([("post", .object([
            ("operationId", s(id)), ("summary", s("Check proposals against every rule before approval")), ("parameters", .array(parameters)),
            ("requestBody", .object([("required", .bool(true)), ("content", .object([
                ("application/geo+json", .object([("schema", .object([("type", s("object"))]))])),
                ("multipart/form-data", .object([("schema", .object([
                    ("type", s("object")), ("required", .array([s("file")])),
                    ("properties", .object([("file", .object([("type", s("string")), ("format", s("binary")),
                                                               ("description", s("GeoJSON, a land-approval TXT (GBK or UTF-8), CSV points or a zipped Shapefile"))]))])),
                ]))])),
            ]))])),
            ("responses", .object(responses)),
        ]))])
    }

    func errorResponse(_ description: String) -> JSONValue {
        .object([("description", s(description)), ("content", .object([("application/json", .object([("schema", ref("Exception"))]))]))])
    }

    private func schemas() -> JSONValue {
        let link: JSONValue = .object([("type", s("object")), ("required", .array([s("href"), s("rel")])), ("properties", .object([
            ("href", .object([("type", s("string"))])), ("rel", .object([("type", s("string"))])),
            ("type", .object([("type", s("string"))])), ("title", .object([("type", s("string"))])),
        ]))])
        let links: JSONValue = .object([("type", s("array")), ("items", ref("Link"))])
        let object: JSONValue = .object([("type", s("object"))])
        return .object([
            ("Link", link),
            ("Exception", .object([("type", s("object")), ("required", .array([s("code")])), ("properties", .object([
                ("code", .object([("type", s("string"))])), ("description", .object([("type", s("string"))])),
            ]))])),
            ("Landing", .object([("type", s("object")), ("required", .array([s("links")])), ("properties", .object([
                ("title", .object([("type", s("string"))])), ("description", .object([("type", s("string"))])), ("links", links),
            ]))])),
            ("Conformance", .object([("type", s("object")), ("required", .array([s("conformsTo")])), ("properties", .object([
                ("conformsTo", .object([("type", s("array")), ("items", .object([("type", s("string"))]))])),
            ]))])),
            ("Collection", .object([("type", s("object")), ("required", .array([s("id"), s("links")])), ("properties", .object([
                ("id", .object([("type", s("string"))])), ("title", .object([("type", s("string"))])), ("links", links),
                ("extent", object), ("crs", .object([("type", s("array")), ("items", .object([("type", s("string"))]))])),
                ("storageCrs", .object([("type", s("string"))])),
            ]))])),
            ("Collections", .object([("type", s("object")), ("required", .array([s("links"), s("collections")])), ("properties", .object([
                ("links", links), ("collections", .object([("type", s("array")), ("items", ref("Collection"))])),
            ]))])),
            ("Feature", .object([("type", s("object")), ("required", .array([s("type"), s("geometry"), s("properties")])), ("properties", .object([
                ("type", .object([("type", s("string")), ("enum", .array([s("Feature")]))])), ("id", .object([("type", s("string"))])),
                ("geometry", object), ("properties", object), ("links", links),
            ]))])),
            ("FeatureCollection", .object([("type", s("object")), ("required", .array([s("type"), s("features")])), ("properties", .object([
                ("type", .object([("type", s("string")), ("enum", .array([s("FeatureCollection")]))])),
                ("features", .object([("type", s("array")), ("items", ref("Feature"))])), ("links", links),
                ("numberMatched", .object([("type", s("integer")), ("minimum", Documents.number(0))])),
                ("numberReturned", .object([("type", s("integer")), ("minimum", Documents.number(0))])),
                ("timeStamp", .object([("type", s("string")), ("format", s("date-time"))])),
            ]))])),
        ])
    }
}
