import Foundation
import Hummingbird
import HTTPTypes
import LandRegistry

/// The page's sign-in (contract §13): `POST /login` with `name` and
/// `password` (a form, `application/x-www-form-urlencoded`) starts a session
/// (cookie `landreg_session`: HttpOnly, SameSite=Strict, 8 hours) and answers
/// the account and the session's CSRF token, which every form that changes
/// something sends back (`X-CSRF-Token`); `POST /logout` ends it. After 5
/// failed sign-ins of an account or from an address, each further one waits
/// (1 s, doubling, at most 15 minutes: 429 with `Retry-After`).
extension Service {
    func addSignInRoutes(to router: Router<ServiceContext>) {
        router.post("/login") { request, context in try await self.signIn(request, context) }
        router.post("/logout") { request, context in self.signOut(request, context) }
    }

    private func signIn(_ request: Request, _ context: ServiceContext) async throws -> Response {
        guard Service.mediaType(request.headers[.contentType]).0 == "application/x-www-form-urlencoded" else {
            throw ServiceError(status: .unsupportedMediaType, code: "UnsupportedMediaType",
                               description: "sign in with a form (application/x-www-form-urlencoded: name, password)")
        }
        let body = try await request.body.collect(upTo: 16 << 10)
        let form = try QueryString(String(buffer: body))
        try form.refuseUnknown(["name", "password"])
        let name = try Service.required(form, "name"), password = try Service.required(form, "password")
        let keys = ["account " + name, "address " + Service.clientAddress(request, context)]
        try refuseWhileLockedOut(keys)
        let registry = registry
        guard let account = try await blocking({ try registry.signIn(name, password: password) }) else {
            credentials.failed(keys)
            throw ServiceError(status: .unauthorized, code: "Unauthorized", description: "wrong name or password, or the account is disabled")
        }
        credentials.succeeded(keys)
        let session = credentials.newSession(for: account.name)
        var headers = HTTPFields()
        headers[.setCookie] = "landreg_session=\(session.id); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(credentials.sessionLength.components.seconds))"
        let answer = JSONValue.object([("name", .string(account.name)), ("role", .string(account.role.rawValue)), ("csrf", .string(session.csrf))])
        return Service.response(Array(answer.jsonText.utf8), type: "application/json", headers: headers)
    }

    /// 429 while an account or an address must wait after failed sign-ins.
    func refuseWhileLockedOut(_ keys: [String]) throws {
        let wait = keys.map(credentials.wait).max() ?? 0
        guard wait == 0 else {
            var refusal = ServiceError(status: .tooManyRequests, code: "TooManyRequests",
                                       description: "too many failed sign-ins: try again in \(wait) s")
            refusal.retryAfter = wait
            throw refusal
        }
    }

    /// Where a request comes from: its peer, or behind a proxy on this machine the address the proxy
    /// says it forwards for (`X-Forwarded-For`, its last entry: the one the proxy added).
    static func clientAddress(_ request: Request, _ context: ServiceContext) -> String {
        let loopback = context.remote.hasPrefix("127.") || context.remote == "::1"
        guard loopback, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty else { return context.remote }
        return last
    }

    private func signOut(_ request: Request, _ context: ServiceContext) -> Response {
        if let id = Gatekeeper.cookie(request, "landreg_session") { credentials.endSession(id) }
        var headers = HTTPFields()
        headers[.setCookie] = "landreg_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
        return Service.response(Array("{}".utf8), type: "application/json", headers: headers)
    }
}
