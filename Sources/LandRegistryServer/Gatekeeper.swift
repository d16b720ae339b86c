import Foundation
import Hummingbird
import HTTPTypes
import LandRegistry
import Synchronization

/// Who is asking (contract §13).
enum Caller: Sendable, Equatable {
    /// The registry has no accounts yet: the service listens on loopback only,
    /// and whoever is at this machine may do everything (`by` names them).
    case local
    case anonymous
    case account(Account)

    var name: String? { if case .account(let account) = self { account.name } else { nil } }

    func may(_ role: Role) -> Bool {
        switch self {
        case .local: true
        case .anonymous: false
        case .account(let account): account.role >= role
        }
    }
}

/// A request's context: the route's parameters, who is asking, and from where.
struct ServiceContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var caller: Caller = .anonymous
    /// The page's session, when the caller signed in on it.
    var session: Session?
    let remote: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress ?? ""
    }
}

/// A signed-in page: its account, when it ends, and the token its forms carry against CSRF.
struct Session: Sendable {
    let id: String
    let account: String
    let csrf: String
    let expires: ContinuousClock.Instant
}

/// What the service remembers of credentials: tokens already checked against
/// their hash (so that a request with a known token costs one indexed read,
/// not a bcrypt), the page's sessions, and the failed sign-ins.
final class Credentials: Sendable {
    private struct State {
        var tokens: [String: Int64] = [:]
        var sessions: [String: Session] = [:]
        var failures: [String: (count: Int, last: ContinuousClock.Instant)] = [:]
    }
    private let state = Mutex(State())
    /// How long a page's session lasts (8 hours: a working day).
    let sessionLength: Duration

    init(sessionLength: Duration = .seconds(8 * 3600)) { self.sessionLength = sessionLength }

    func knownToken(_ token: String) -> Int64? { state.withLock { $0.tokens[token] } }
    func remember(token: String, id: Int64) { state.withLock { if $0.tokens.count < 10_000 { $0.tokens[token] = id } } }

    func newSession(for account: String) -> Session {
        let session = Session(id: Credentials.random(), account: account, csrf: Credentials.random(), expires: .now + sessionLength)
        state.withLock { state in
            state.sessions = state.sessions.filter { $0.value.expires > .now }
            state.sessions[session.id] = session
        }
        return session
    }

    func session(_ id: String) -> Session? {
        state.withLock { state in
            guard let session = state.sessions[id] else { return nil }
            guard session.expires > .now else { state.sessions[id] = nil; return nil }
            return session
        }
    }

    func endSession(_ id: String) { state.withLock { _ = $0.sessions.removeValue(forKey: id) } }

    /// Seconds to wait before the next sign-in of this key (an account or an address), 0 when none.
    func wait(_ key: String) -> Int {
        state.withLock { state in
            guard let failure = state.failures[key], failure.count >= Credentials.freeFailures else { return 0 }
            let lockout = Duration.seconds(min(1 << min(failure.count - Credentials.freeFailures, 10), 900))
            let left = failure.last + lockout - .now
            return left > .zero ? Int(left.components.seconds) + 1 : 0
        }
    }

    func failed(_ keys: [String]) { state.withLock { state in for key in keys { state.failures[key] = ((state.failures[key]?.count ?? 0) + 1, .now) } } }
    func succeeded(_ keys: [String]) { state.withLock { state in for key in keys { state.failures[key] = nil } } }

    /// Failed sign-ins allowed before each further one must wait (1 s, doubling, at most 15 minutes).
    static let freeFailures = 5

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// Decides who is asking (a bearer token, the page's session cookie, or no
/// one) and whether they may: 401 without credentials where some are
/// needed, 403 with too low a role. While the registry has no accounts,
/// everyone is `local` (the server then listens on loopback only).
struct Gatekeeper: Sendable {
    typealias Context = ServiceContext
    let registry: Registry
    let credentials: Credentials

    /// Sets the context's caller, or throws the refusal.
    func admit(_ request: Request, _ context: inout Context) throws {
        context.caller = try caller(request, &context)
        // Accounts are managed over HTTP by an admin's account only, never by whoever is at the machine.
        if context.caller == .local && request.uri.path.split(separator: "/").first.map({ $0 == "accounts" || $0 == "account" }) == true {
            throw ServiceError(status: .forbidden, code: "Forbidden",
                               description: "the registry has no accounts: add the first admin at the machine (landreg user add NAME --role admin)")
        }
        if let needed = try required(request), !context.caller.may(needed) {
            if context.caller == .anonymous {
                throw ServiceError(status: .unauthorized, code: "Unauthorized",
                                   description: "sign in, or send a token (Authorization: Bearer …): this needs an account")
            }
            throw ServiceError(status: .forbidden, code: "Forbidden", description: "this needs the role \(term: needed) or above")
        }
    }

    private func caller(_ request: Request, _ context: inout Context) throws -> Caller {
        guard try registry.accountCounts().accounts > 0 else { return .local }
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer ") else {
                throw ServiceError(status: .unauthorized, code: "Unauthorized", description: "the service takes bearer tokens (Authorization: Bearer …)")
            }
            let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            if let id = credentials.knownToken(token), let account = try registry.account(forLiveToken: id) { return .account(account) }
            guard let account = try registry.account(forToken: token), let id = Registry.tokenID(token) else {
                throw ServiceError(status: .unauthorized, code: "Unauthorized", description: "the token is unknown, revoked, or its account disabled")
            }
            credentials.remember(token: token, id: id)
            return .account(account)
        }
        guard let id = Gatekeeper.cookie(request, "landreg_session") else { return .anonymous }
        guard let session = credentials.session(id), let account = try registry.account(named: session.account), !account.disabled else {
            throw ServiceError(status: .unauthorized, code: "Unauthorized", description: "the session has ended: sign in again")
        }
        // A form that changes something carries the session's CSRF token.
        if request.method != .get && request.method != .head && request.headers[HTTPField.Name("X-CSRF-Token")!] != session.csrf
            && request.uri.path != "/logout" {
            throw ServiceError(status: .forbidden, code: "Forbidden", description: "the page's request lacks its CSRF token: reload the page")
        }
        context.session = session
        return .account(account)
    }

    /// The role a request needs (nil: anyone may).
    private func required(_ request: Request) throws -> Role? {
        let path = request.uri.path
        if ["/", "/conformance", "/api", "/app", "/app/app.js", "/app/app.css", "/login", "/logout", "/collections"].contains(path)
            || path.hasPrefix("/static/") {
            return nil
        }
        let parts = path.split(separator: "/")
        let reading = request.method == .get || request.method == .head
        if parts.first == "accounts" || (parts.first == "settings" && !reading) { return .admin }
        if path == "/account/password" { return .viewer }
        if Service.checkPaths.contains(path) || path == "/app/check" || path == "/permits" { return .clerk }
        if !reading { return .editor }
        if parts.first == "collections", parts.count >= 2, let layer = Layer(rawValue: String(parts[1])),
           try registry.publicLayers().contains(layer) {
            return nil
        }
        return .viewer
    }

    /// A cookie's value from the request's `Cookie` headers.
    static func cookie(_ request: Request, _ name: String) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2 && parts[0] == name { return parts[1] }
            }
        }
        return nil
    }
}
