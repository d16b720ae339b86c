import Foundation
import Hummingbird
import HTTPTypes
import LandRegistry

/// Accounts and settings over HTTP (contract §13: the admin's), through the
/// library calls of `landreg user` and `landreg settings`, recorded by the
/// account:
///
/// - `GET /accounts`, `GET /accounts/{name}`: name, role, disabled, live tokens' labels (never a hash);
/// - `POST /accounts` (`name`, `role`, `password`): 201 with `Location`;
/// - `PATCH /accounts/{name}` (`role`, `password`, `disabled=true`);
/// - `POST /accounts/{name}/tokens` (`label`): the new token, once; `DELETE /accounts/{name}/tokens/{label}`;
/// - `GET /settings` (any viewer), `PUT /settings/{name}` (`value`);
/// - `POST /account/password` (`password`, `new_password`): any account its own, slowed after failures as a sign-in is.
///
/// Accounts are managed over HTTP only by an admin's account: without
/// accounts, the first admin is added at the machine (`landreg user add`).
extension Service {
    func addAdminRoutes(to router: Router<ServiceContext>) {
        router.get("/accounts") { request, _ in
            try QueryString(request.uri.query).refuseUnknown([])
            let registry = self.registry
            let accounts = try await self.blocking { try registry.accounts() }
            return Service.json(.object([("accounts", .array(accounts.map(Service.account)))]))
        }
        router.post("/accounts") { request, context in try await self.addAccount(request, context) }
        router.get("/accounts/:name") { request, context in
            try QueryString(request.uri.query).refuseUnknown([])
            return Service.json(Service.account(try await self.account(try Service.pathParameter(context, "name"))))
        }
        router.patch("/accounts/:name") { request, context in try await self.changeAccount(request, context) }
        router.post("/accounts/:name/tokens") { request, context in try await self.newToken(request, context) }
        router.delete("/accounts/:name/tokens/:label") { request, context in
            let fields = try await self.fields(request)
            try fields.refuseUnknown([])
            let (name, label) = (try Service.pathParameter(context, "name"), try Service.pathParameter(context, "label"))
            let by = try self.editor(context, fields)
            _ = try await self.account(name)
            let registry = self.registry
            try await self.blocking { try Service.refusing { try registry.revokeToken(of: name, label: label, by: by) } }
            return Response(status: .noContent)
        }
        router.post("/account/password") { request, context in try await self.changeOwnPassword(request, context) }
        router.get("/settings") { request, _ in
            try QueryString(request.uri.query).refuseUnknown([])
            let registry = self.registry
            let settings = try await self.blocking { try registry.settings() }
            return Service.json(.object([("settings", .object(settings.map { ($0.0, .string($0.1)) }))]))
        }
        router.put("/settings/:name") { request, context in
            let fields = try await self.fields(request)
            try fields.refuseUnknown(["value", "by"])
            let by = try self.editor(context, fields)
            let name = try Service.pathParameter(context, "name"), value = try Service.required(fields, "value")
            let registry = self.registry
            let old = try await self.blocking { try Service.refusing { try registry.setSetting(name, to: value, by: by) } }
            let now = try await self.blocking { try registry.settings().first { $0.0 == name }?.1 }
            return Service.json(.object([("name", .string(name)), ("old", .string(old)), ("value", .string(now ?? value)), ("recorded_by", .string(by))]))
        }
    }

    static func account(_ account: Account) -> JSONValue {
        .object([("name", .string(account.name)), ("role", .string(account.role.rawValue)), ("disabled", .bool(account.disabled)),
                 ("created_at", .string(account.createdAt)), ("tokens", .array(account.tokens.map { .string($0) }))])
    }

    /// The account of that name, or 404.
    private func account(_ name: String) async throws -> Account {
        let registry = registry
        guard let account = try await blocking({ try registry.accounts().first { $0.name == name } }) else {
            throw ServiceError.notFound("there is no account '\(name)'")
        }
        return account
    }

    private func addAccount(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let fields = try await fields(request)
        try fields.refuseUnknown(["name", "role", "password", "by"])
        let by = try editor(context, fields)
        let name = try Service.required(fields, "name"), password = try Service.required(fields, "password")
        let given = try Service.term(fields, "role", as: Role.self)
        guard let role = given else { throw ServiceError.parameter("role", "is required") }
        let registry = registry
        try await blocking { try Service.refusing { try registry.addAccount(name, role: role, password: password, by: by) } }
        var headers = HTTPFields()
        headers[.location] = documents(request).base + "/accounts/" + Service.escaped(name)
        return Service.json(Service.account(try await account(name)), status: .created, headers: headers)
    }

    /// A new role, a new password, or the account disabled (its tokens revoked), in that order.
    private func changeAccount(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let fields = try await fields(request)
        try fields.refuseUnknown(["role", "password", "disabled", "by"])
        let by = try editor(context, fields)
        let name = try Service.pathParameter(context, "name")
        let role = try Service.term(fields, "role", as: Role.self), password = fields["password"]
        let disable = try Service.flag(fields, "disabled")
        if disable == false { throw ServiceError.parameter("disabled", "an account once disabled stays so: add a new one") }
        guard role != nil || password != nil || disable != nil else {
            throw ServiceError.parameter("role", "give role, password or disabled=true")
        }
        _ = try await account(name)
        let registry = registry
        try await blocking {
            try Service.refusing {
                if let role { try registry.setRole(name, role, by: by) }
                if let password { try registry.setPassword(name, password, by: by) }
                if disable == true { try registry.disableAccount(name, by: by) }
            }
        }
        return Service.json(Service.account(try await account(name)))
    }

    private func newToken(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let fields = try await fields(request)
        try fields.refuseUnknown(["label", "by"])
        let by = try editor(context, fields)
        let name = try Service.pathParameter(context, "name")
        _ = try await account(name)
        let (registry, label) = (registry, fields["label"])
        let made = try await blocking { try Service.refusing { try registry.newLabelledToken(for: name, label: label, by: by) } }
        return Service.json(.object([("account", .string(name)), ("label", .string(made.label)), ("token", .string(made.token))]), status: .created)
    }

    /// An account's own new password, given its current one (slowed after failures as a sign-in is).
    private func changeOwnPassword(_ request: Request, _ context: ServiceContext) async throws -> Response {
        guard let name = context.caller.name else {
            throw ServiceError(status: .forbidden, code: "Forbidden", description: "only a signed-in account has a password to change")
        }
        let fields = try await fields(request)
        try fields.refuseUnknown(["password", "new_password"])
        let current = try Service.required(fields, "password"), new = try Service.required(fields, "new_password")
        let keys = ["account " + name, "address " + Service.clientAddress(request, context)]
        try refuseWhileLockedOut(keys)
        let registry = registry
        guard try await blocking({ try registry.signIn(name, password: current) }) != nil else {
            credentials.failed(keys)
            throw ServiceError(status: .forbidden, code: "Forbidden", description: "the current password is wrong")
        }
        credentials.succeeded(keys)
        try await blocking { try Service.refusing { try registry.setPassword(name, new, by: name) } }
        return Response(status: .noContent)
    }
}
