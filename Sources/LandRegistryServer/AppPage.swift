import Foundation
import Hummingbird
import LandRegistry

/// The clerk's page (contract §12): `/app`, the county's map with the
/// registry's layers and the pre-approval check of a dropped file, in the
/// request's language (`lang=zh|en`, else `Accept-Language`, else
/// Chinese). Leaflet comes from Debian's libjs-leaflet through
/// `/static/leaflet`; the page's own script (`/app/app.js`) talks only to the
/// service's public paths: `/collections/…/items` by the view's bbox,
/// `…/versions`, `/app/check`, `/reports/…`. No Internet, no CDN.
extension Service {
    func addAppRoutes(to router: Router<ServiceContext>) {
        router.get("/app") { request, context in try self.appPage(request, context) }
        router.get("/app/app.js") { _, _ in Service.response(Array((AppScript.map + AppScript.check).utf8), type: "text/javascript; charset=utf-8") }
        router.get("/app/app.css") { _, _ in Service.response(Array(AppScript.style.utf8), type: "text/css; charset=utf-8") }
        router.post("/app/check") { request, context in try await self.pageCheck(request, context) }
    }

    private func appPage(_ request: Request, _ context: ServiceContext) throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(["lang"])
        // Chinese unless asked otherwise (the clerks' language), whatever the server's own.
        let language = try pageLanguage(request, query, otherwise: .zh)
        let config = JSONValue.object([
            ("lang", .string(language.rawValue)),
            ("words", .object(AppWords.all.map { ($0.key, .string($0.said(language))) }
                + Verdict.allCases.map { ($0.rawValue, .string($0.text(language))) })),
            ("layers", .array(Layer.allCases.map { layer in appLayer(layer, language) })),
            ("actions", .array(ProposalAction.allCases.map { .object([("value", .string($0.rawValue)), ("label", .string($0.text(language)))]) })),
            ("basemap", basemap.map { .string($0) } ?? .null),
            ("maxUpload", .number(Double(Service.maximumUpload), String(Service.maximumUpload))),
            // Whether the page must sign in, and as whom it is signed in (with its CSRF token).
            ("accounts", .bool(context.caller != .local)),
            ("user", context.session.flatMap { session in context.caller.name.map { name in
                .object([("name", .string(name)), ("csrf", .string(session.csrf))]) } } ?? .null),
            // What the page offers to whom: a clerk records permits, an editor moves plots along their lifecycle.
            ("may", .object([("permit", .bool(context.caller.may(.clerk))), ("edit", .bool(context.caller.may(.editor)))])),
            ("stages", .array(Stage.allCases.map { .object([("value", .string($0.rawValue)), ("label", .string($0.text(language)))]) })),
        ])
        let title = self.title(language)
        let page = """
            <!DOCTYPE html>
            <html lang="\(language.htmlTag)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeHTML(title))</title>
            <link rel="stylesheet" href="/static/leaflet/leaflet.css"><link rel="stylesheet" href="/app/app.css">
            </head><body>
            <header><h1>\(escapeHTML(title))</h1><nav id="nav"></nav></header>
            <main><div id="map"></div><aside id="side"></aside></main>
            <script id="config" type="application/json">\(config.jsonText.replacingOccurrences(of: "</", with: "<\\/"))</script>
            <script src="/static/leaflet/leaflet.js"></script><script src="/app/app.js"></script>
            </body></html>
            """
        return Service.response(Array(page.utf8), type: "text/html; charset=utf-8")
    }

    /// A layer as the page shows it: its title, its properties' column names and their values' words.
    private func appLayer(_ layer: Layer, _ language: ReportLanguage) -> JSONValue {
        var columns: [(String, JSONValue)] = [("code", .string(Terms.column("code", language, table: layer.rawValue)))]
        var values: [(String, JSONValue)] = []
        for spec in layer.properties where spec.name != "code" {
            columns.append((spec.name, .string(Terms.column(spec.name, language, table: layer.rawValue))))
            if case .enumeration(let allowed, _) = spec.kind {
                values.append((spec.name, .object(allowed.map { ($0, .string(Layer.valueText($0, property: spec.name, language))) })))
            }
        }
        return .object([("id", .string(layer.rawValue)), ("title", .string(layer.text(language))),
                        ("columns", .object(columns)), ("values", .object(values))])
    }
}
