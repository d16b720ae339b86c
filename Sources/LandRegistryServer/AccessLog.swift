import Foundation
import Hummingbird
import LandRegistry

/// Every request's one access-log line on standard error (time, method,
/// path and query, status, milliseconds, user), and every error turned
/// into its JSON answer: a client's mistake a 4xx naming what is wrong,
/// anything else a 500 whose cause is logged, never sent.
struct AccessLog: RouterMiddleware {
    typealias Context = BasicRequestContext
    let language: ReportLanguage

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            // The service reads, and checks proposals (accounts and edits come later).
            let checking = Service.checkPaths.contains(request.uri.path) || request.uri.path == "/app/check"
            guard checking ? request.method == .post : request.method == .get || request.method == .head else {
                var refusal = ServiceError(status: .methodNotAllowed, code: "MethodNotAllowed",
                                           description: checking ? "the check takes POST only" : "the service answers GET and HEAD only")
                if checking { refusal.allow = "POST" }
                throw refusal
            }
            response = try await next(request, context)
        } catch {
            let answer = ServiceError.from(error) { argument in
                switch argument {
                case .pageSize: return "limit"
                case .bbox: return "bbox"
                case .crs: return "crs"
                case .asOf: return "datetime"
                case .filter(let filter): return String(filter.prefix { $0 != "=" })
                default: return "\(argument)"
                }
            }
            if answer.status == .internalServerError { AccessLog.write("error: \(request.uri.path): \(error)") }
            response = answer.response(Service.requestLanguage(request, default: language))
        }
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        AccessLog.write("\(Service.timeStamp()) \(request.method) \(request.uri.string) \(response.status.code) \(String(format: "%.1f", ms)) ms -")
        return response
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
