import Foundation
import Hummingbird
import LandRegistry

/// Every request's one access-log line on standard error (time, method,
/// path and query, status, milliseconds, user), and every error turned
/// into its JSON answer: a client's mistake a 4xx naming what is wrong,
/// anything else a 500 whose cause is logged, never sent.
struct AccessLog: RouterMiddleware {
    typealias Context = ServiceContext
    let language: ReportLanguage
    let gatekeeper: Gatekeeper

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        var context = context
        do {
            // Each path answers its methods: reads, the check and sign-in, and the edits of features.
            let allowed = Service.methods(request.uri.path)
            guard allowed.contains(request.method) else {
                var refusal = ServiceError(status: .methodNotAllowed, code: "MethodNotAllowed",
                                           description: "this path takes \(allowed.map(\.rawValue).joined(separator: ", ")) only")
                refusal.allow = allowed.map(\.rawValue).joined(separator: ", ")
                throw refusal
            }
            try gatekeeper.admit(request, &context)
            response = try await next(request, context)
        } catch {
            let answer = ServiceError.from(error) { argument in
                if case .account = argument { return "name" }
                return ServiceError.field(argument) ?? "\(argument)"
            }
            if answer.status == .internalServerError { AccessLog.write("error: \(request.uri.path): \(error)") }
            response = answer.response(Service.requestLanguage(request, default: language))
        }
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        AccessLog.write("\(Service.timeStamp()) \(request.method) \(request.uri.string) \(response.status.code) \(String(format: "%.1f", ms)) ms \(context.caller.name ?? "-")")
        return response
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
