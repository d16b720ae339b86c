import Foundation
import HTTPTypes
import Hummingbird
import LandRegistry
import Logging
import NIOPosix

/// The routes of the service and what each answers.
final class Service: Sendable {
    let registry: Registry
    let pool: NIOThreadPool
    let language: ReportLanguage
    /// `host:port` for links when a request has no `Host` header.
    let fallbackHost: String
    /// The page's base-map tile URL template, if the office has one.
    let basemap: String?
    /// Tokens already checked, the page's sessions, failed sign-ins.
    let credentials = Credentials()

    init(registry: Registry, pool: NIOThreadPool, language: ReportLanguage, fallbackHost: String, basemap: String? = nil) {
        self.basemap = basemap
        self.registry = registry
        self.pool = pool
        self.language = language
        self.fallbackHost = fallbackHost
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "landreg")
        logger.logLevel = .warning
        return logger
    }()

    func addRoutes(to router: Router<ServiceContext>) {
        router.get("/") { request, _ in try await self.answer(request, known: []) { $0.landing(title: self.title($0.language)) } }
        router.get("/api") { request, _ in
            try await self.answer(request, known: [], type: "application/vnd.oai.openapi+json;version=3.0") { $0.openAPI(title: self.title($0.language)) }
        }
        router.get("/conformance") { request, _ in try await self.answer(request, known: []) { $0.conformanceDocument() } }
        router.get("/collections") { request, context in
            // Without an account, only the public layers (contract §13).
            let caller = context.caller
            return try await self.answer(request, known: []) { documents in
                let visible = caller.may(.viewer) ? Set(Layer.allCases) : try self.registry.publicLayers()
                return documents.collections(try Layer.allCases.filter(visible.contains).map { ($0, try self.registry.extent(of: $0)) })
            }
        }
        router.get("/collections/:layer") { request, context in
            let layer = try Service.layer(context)
            return try await self.answer(request, known: []) { $0.collection(layer, extent: try self.registry.extent(of: layer)) }
        }
        router.get("/collections/:layer/queryables") { request, context in
            let layer = try Service.layer(context)
            return try await self.answer(request, known: [], type: "application/schema+json") { $0.queryables(layer) }
        }
        router.get("/collections/:layer/items") { request, context in try await self.items(request, layer: try Service.layer(context)) }
        router.get("/collections/:layer/items/:code") { request, context in
            try await self.item(request, layer: try Service.layer(context), code: try Service.code(context))
        }
        router.get("/static/leaflet/:file") { _, context in try await self.leaflet(context.parameters.get("file") ?? "") }
        router.get("/static/leaflet/images/:file") { _, context in try await self.leaflet("images/" + (context.parameters.get("file") ?? "")) }
        for path in Service.checkPaths { router.post(RouterPath(path)) { request, context in try await self.check(request, context) } }
        router.get("/collections/:layer/items/:code/versions") { request, context in
            try await self.versions(request, layer: try Service.layer(context), code: try Service.code(context))
        }
        addReportRoutes(to: router)
        addAppRoutes(to: router)
        addSignInRoutes(to: router)
        addEditRoutes(to: router)
        addImportRoute(to: router)
        addWorkRoutes(to: router)
        addAdminRoutes(to: router)
    }

    // MARK: - Negotiation

    /// The encoding a request asks for: `f`, else its `Accept` header.
    enum Encoding { case json, html }

    func encoding(_ request: Request, _ query: QueryString) throws -> Encoding {
        if let f = query["f"] {
            switch f.lowercased() {
            case "json", "geojson": return .json
            case "html": return .html
            default: throw ServiceError(status: .notAcceptable, code: "NotAcceptable", description: "f='\(f)' is not offered: f=json or f=html")
            }
        }
        guard let accept = request.headers[.accept]?.lowercased(), !accept.isEmpty else { return .json }
        let types = accept.split(separator: ",").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces) }
        for type in types {
            if type == "text/html" || type == "application/xhtml+xml" { return .html }
            if type.hasSuffix("json") || type == "*/*" || type == "application/*" { return .json }
        }
        throw ServiceError(status: .notAcceptable, code: "NotAcceptable", description: "none of '\(accept)' is offered: JSON or HTML")
    }

    /// The language of a request: its `Accept-Language` when it prefers zh or en, else the server's.
    func language(_ request: Request) -> ReportLanguage { Service.requestLanguage(request, default: language) }

    static func requestLanguage(_ request: Request, default language: ReportLanguage) -> ReportLanguage {
        guard let header = request.headers[.acceptLanguage]?.lowercased() else { return language }
        for tag in header.split(separator: ",").map({ $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces) }) {
            if tag.hasPrefix("zh") { return .zh }
            if tag.hasPrefix("en") { return .en }
        }
        return language
    }

    func documents(_ request: Request) -> Documents {
        let host = request.head.authority.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackHost
        return Documents(base: "http://" + host, registrySRID: registry.srid, language: language(request))
    }

    func title(_ language: ReportLanguage) -> String { Phrase("Land and water-pollution risk registry").said(language) }

    // MARK: - Answers

    /// A JSON document (or its HTML page), made on the pool.
    func answer(_ request: Request, known: Set<String>, type: String = "application/json",
                _ make: @escaping @Sendable (Documents) throws -> JSONValue) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(known.union(["f"]))
        let encoding = try encoding(request, query)
        let documents = documents(request)
        let document = try await blocking { try make(documents) }
        switch encoding {
        case .json: return Service.response(Array(document.jsonText.utf8), type: type)
        case .html: return Service.response(Array(HTMLPage.render(document, path: request.uri.path, documents: documents).utf8),
                                            type: "text/html; charset=utf-8")
        }
    }

    func items(_ request: Request, layer: Layer) async throws -> Response {
        let query = try QueryString(request.uri.query)
        let pageRequest = try FeaturePageRequest(layer: layer, query: query, registrySRID: registry.srid)
        let encoding = try encoding(request, query)
        let documents = documents(request)
        let registry = registry
        let page = try await blocking { try registry.featurePage(pageRequest) }
        let crs = ServiceCRS.served(pageRequest)
        let path = "/collections/\(layer.rawValue)/items"
        var links = [documents.link(path + Service.query(query, replacing: ["f": "json"]), "self", "application/geo+json", .thisPage),
                     documents.link(path + Service.query(query, replacing: ["f": "html"]), "alternate", "text/html", .thisPageAsHTML),
                     documents.link("/collections/\(layer.rawValue)", "collection", "application/json", .theLayer)]
        if let next = page.next {
            links.append(documents.link(path + Service.query(query, replacing: ["after": next]), "next", "application/geo+json", .nextPage))
        }
        let head = "{\"type\":\"FeatureCollection\",\"numberMatched\":\(page.numberMatched),\"numberReturned\":\(page.numberReturned),"
            + "\"timeStamp\":\"\(Service.timeStamp())\",\"links\":\(JSONValue.array(links).jsonText),\"features\":[\n"
        var headers = HTTPFields()
        headers[.contentCRS] = "<\(crs.uri)>"
        switch encoding {
        case .json:
            var body = Array(head.utf8)
            body += page.features
            body += Array("\n]}\n".utf8)
            return Service.response(body, type: "application/geo+json", headers: headers)
        case .html:
            let json = try JSONValue.parse(head + String(decoding: page.features, as: UTF8.self) + "]}")
            return Service.response(Array(HTMLPage.render(json, path: path, documents: documents, mapped: crs == .crs84).utf8),
                                    type: "text/html; charset=utf-8", headers: headers)
        }
    }

    func item(_ request: Request, layer: Layer, code: String) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(["f", "crs", "datetime"])
        var pageRequest = try FeaturePageRequest(layer: layer, query: query, registrySRID: registry.srid)
        pageRequest.filters = [PropertyFilter(property: "code", values: [code])]
        pageRequest.limit = 1
        let encoding = try encoding(request, query)
        let documents = documents(request)
        let registry = registry
        let asked = pageRequest
        // The feature as it is now carries its version, for an edit's If-Match.
        let (page, version) = try await blocking {
            (try registry.featurePage(asked), asked.asOf == nil ? try registry.version(of: layer, code: code) : nil)
        }
        guard page.numberReturned == 1 else {
            throw ServiceError.notFound(pageRequest.asOf.map { "\(term: layer) has no feature '\(code)' on \($0)" } ?? "\(term: layer) has no feature '\(code)'")
        }
        guard case .object(var members) = try JSONValue.parse(String(decoding: page.features, as: UTF8.self)) else {
            throw ServiceError(status: .internalServerError, code: "ServerError", description: "the server could not answer; see its log")
        }
        let path = "/collections/\(layer.rawValue)/items/\(Service.escaped(code))"
        members.append(("links", .array([
            documents.link(path + "?f=json", "self", "application/geo+json", .thisFeature),
            documents.link(path + "?f=html", "alternate", "text/html", .thisFeatureAsHTML),
            documents.link(path + "/versions", "version-history", "application/json", .thisHistory),
            documents.link("/collections/\(layer.rawValue)", "collection", "application/json", .theLayer),
        ])))
        let crs = ServiceCRS.served(pageRequest)
        var headers = HTTPFields()
        headers[.contentCRS] = "<\(crs.uri)>"
        if let version { headers[.eTag] = "\"\(version)\"" }
        switch encoding {
        case .json: return Service.response(Array(JSONValue.object(members).jsonText.utf8), type: "application/geo+json", headers: headers)
        case .html:
            return Service.response(Array(HTMLPage.render(.object(members), path: path, documents: documents, mapped: crs == .crs84).utf8),
                                    type: "text/html; charset=utf-8", headers: headers)
        }
    }

    /// A feature's history, oldest first (the OGC versioned-features
    /// proposal's shape: each version with its validity and what changed).
    func versions(_ request: Request, layer: Layer, code: String) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(["f"])
        let encoding = try encoding(request, query)
        let documents = documents(request)
        let registry = registry
        let entries = try await blocking { try registry.history(layer, code: code) }
        guard !entries.isEmpty else { throw ServiceError.notFound("\(term: layer) has no feature '\(code)'") }
        let path = "/collections/\(layer.rawValue)/items/\(Service.escaped(code))"
        switch encoding {
        case .json:
            let document = Versions.document(entries, code: code, layer: layer, path: path, documents: documents)
            return Service.response(Array(document.jsonText.utf8), type: "application/json")
        case .html:
            return Service.response(Array(HTMLPage.history(entries, code: code, layer: layer, path: path, documents: documents).utf8),
                                    type: "text/html; charset=utf-8")
        }
    }

    /// Where Debian's libjs-leaflet installs Leaflet, which the pages' maps use.
    static let leafletFolder = "/usr/share/javascript/leaflet"

    /// A file of Leaflet's (its script, style sheet and images; nothing else).
    func leaflet(_ name: String) async throws -> Response {
        let types = ["js": "text/javascript", "css": "text/css", "png": "image/png"]
        guard name.wholeMatch(of: /(images\/)?[A-Za-z0-9-]+(\.min)?\.(js|css|png)/) != nil,
              let type = types[String(name.split(separator: ".").last ?? "")] else {
            throw ServiceError.notFound("there is no file '\(name)'")
        }
        let path = Service.leafletFolder + "/" + name
        let data = try await blocking { FileManager.default.contents(atPath: path) }
        guard let data else { throw ServiceError.notFound("there is no file '\(name)' (is libjs-leaflet installed?)") }
        var headers = HTTPFields()
        headers[.cacheControl] = "max-age=86400"
        return Service.response(Array(data), type: type, headers: headers)
    }

    // MARK: - Helpers

    static func layer(_ context: ServiceContext) throws -> Layer {
        let name = context.parameters.get("layer") ?? ""
        guard let layer = Layer(rawValue: name.removingPercentEncoding ?? name) else {
            throw ServiceError.notFound("there is no collection '\(name)': the collections are \(Layer.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return layer
    }

    static func code(_ context: ServiceContext) throws -> String {
        let raw = context.parameters.get("code") ?? ""
        guard let code = raw.removingPercentEncoding, !code.isEmpty else { throw ServiceError.notFound("there is no feature '\(raw)'") }
        return code
    }

    static func response(_ bytes: [UInt8], type: String, headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A query string with some parameters set anew (the others kept).
    static func query(_ query: QueryString, replacing: [String: String]) -> String {
        var values = query.values
        for (name, value) in replacing { values[name] = value }
        return "?" + values.sorted { $0.key < $1.key }.map { escaped($0.key) + "=" + escaped($0.value) }.joined(separator: "&")
    }

    /// Percent-encoded for a URL's path or query.
    static func escaped(_ text: String) -> String { QueryString.encode(text) }

    /// Now, as RFC 3339 in UTC (`2026-12-03T14:48:20Z`), without a date
    /// formatter (ICU's cost a request more than its page of features).
    static func timeStamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

extension HTTPField.Name {
    static let contentCRS = HTTPField.Name("Content-Crs")!
}
