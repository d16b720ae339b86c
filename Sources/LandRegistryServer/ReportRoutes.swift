import Foundation
import Hummingbird
import LandRegistry

/// The registry's periodic reports over HTTP, as the CLI writes them:
/// `GET /reports/review?quarter=YYYYQn` (the quarterly land-safety review's
/// page), `GET /reports/water?month=YYYY-MM|quarter=YYYYQn` and
/// `GET /reports/air?year=YYYY` (JSON, or HTML with `f=html`).
extension Service {
    func addReportRoutes(to router: Router<ServiceContext>) {
        router.get("/reports/review") { request, _ in try await self.review(request) }
        router.get("/reports/water") { request, _ in try await self.water(request) }
        router.get("/reports/air") { request, _ in try await self.air(request) }
    }

    private func review(_ request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(["f", "quarter", "lang"])
        if let f = query["f"], f.lowercased() != "html" {
            throw ServiceError(status: .notAcceptable, code: "NotAcceptable", description: "f='\(f)' is not offered: the review is a page (f=html); `landreg review` writes its tables")
        }
        let text = try Service.required(query, "quarter")
        guard let quarter = Quarter(text) else { throw ServiceError.parameter("quarter", "'\(text)' is not YYYYQn, e.g. 2023Q3") }
        let (registry, language) = (registry, try pageLanguage(request, query))
        let page = try await blocking {
            let sink = OutputSink.memory()
            try ReviewReport.writeHTML(try registry.review(quarter), registry: try registry.describe(), to: sink, language: language)
            return Array(sink.data)
        }
        return Service.response(page, type: "text/html; charset=utf-8")
    }

    private func water(_ request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(["f", "month", "quarter", "lang"])
        let html = try encoding(request, query) == .html
        let period: MonitoringPeriod
        switch (query["month"], query["quarter"]) {
        case (let month?, nil):
            guard let value = MonitoringPeriod(month: month) else { throw ServiceError.parameter("month", "'\(month)' is not YYYY-MM, e.g. 2023-07") }
            period = value
        case (nil, let quarter?):
            guard let value = MonitoringPeriod(quarter: quarter) else { throw ServiceError.parameter("quarter", "'\(quarter)' is not YYYYQn, e.g. 2023Q3") }
            period = value
        default: throw ServiceError.parameter("month", "give month=YYYY-MM or quarter=YYYYQn, one of them")
        }
        let (registry, language) = (registry, try pageLanguage(request, query))
        let report = try await blocking {
            let sink = OutputSink.memory()
            try WaterReportWriter.write(try registry.waterReport(period), format: html ? .html : .json, registry: try registry.describe(),
                                        language: language, to: sink)
            return Array(sink.data)
        }
        return Service.response(report, type: html ? "text/html; charset=utf-8" : "application/json")
    }

    private func air(_ request: Request) async throws -> Response {
        let query = try QueryString(request.uri.query)
        try query.refuseUnknown(["f", "year", "lang"])
        let html = try encoding(request, query) == .html
        let text = try Service.required(query, "year")
        guard let year = Int(text), (1900...9999).contains(year) else { throw ServiceError.parameter("year", "'\(text)' is not a year (YYYY)") }
        let (registry, language) = (registry, try pageLanguage(request, query))
        let report = try await blocking {
            let sink = OutputSink.memory()
            try AirReportWriter.write(try registry.airReport(year: year), format: html ? .html : .json, registry: try registry.describe(),
                                      language: language, to: sink)
            return Array(sink.data)
        }
        return Service.response(report, type: html ? "text/html; charset=utf-8" : "application/json")
    }

    /// A page's language: `lang=zh|en`, else the request's `Accept-Language`, else `otherwise` (the server's).
    func pageLanguage(_ request: Request, _ query: QueryString, otherwise: ReportLanguage? = nil) throws -> ReportLanguage {
        guard let lang = query["lang"] else { return Service.requestLanguage(request, default: otherwise ?? language) }
        guard let chosen = ReportLanguage(rawValue: lang) else { throw ServiceError.parameter("lang", "'\(lang)' is neither zh nor en") }
        return chosen
    }

    static func required(_ query: QueryString, _ name: String) throws -> String {
        guard let value = query[name], !value.isEmpty else { throw ServiceError.parameter(name, "is required") }
        return value
    }
}
