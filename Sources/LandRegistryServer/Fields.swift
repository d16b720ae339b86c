import Foundation
import Hummingbird
import HTTPTypes
import LandRegistry

/// What the routes that record something (permits, stages, classes,
/// monitoring, remedies, accounts, settings) share: a request's fields
/// (its query's parameters with a JSON object's members or a form's
/// fields), the library's refusals as HTTP answers, and JSON answers.
extension Service {
    /// The longest body of fields read (a larger one is refused with 413).
    static let maximumFields = 1 << 20

    /// A request's body, at most `limit` bytes (413 beyond, saying `tooLarge`).
    static func collect(_ request: Request, upTo limit: Int = maximumUpload, tooLarge: Phrase? = nil) async throws -> ByteBuffer {
        do { return try await request.body.collect(upTo: limit) } catch {
            throw ServiceError(status: .contentTooLarge, code: "ContentTooLarge",
                               description: tooLarge ?? "the request is larger than \(max(limit >> 20, 1)) MB")
        }
    }

    /// The request's fields: the query's parameters, with the members of a
    /// JSON object body (`application/json`: strings, numbers, true/false)
    /// or a form's fields (`application/x-www-form-urlencoded`), each at most once.
    func fields(_ request: Request) async throws -> QueryString {
        var values = try QueryString(request.uri.query).values
        let body = try await Service.collect(request, upTo: Service.maximumFields)
        guard body.readableBytes > 0 else { return QueryString(values: values) }
        var given: [(String, String)] = []
        switch Service.mediaType(request.headers[.contentType]).0 {
        case "application/json":
            guard case .object(let members)? = try? JSONValue.parse(String(buffer: body)) else {
                throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "the body is not a JSON object")
            }
            for (name, value) in members {
                switch value {
                case .string(let text): given.append((name, text))
                case .number(_, let text): given.append((name, text))
                case .bool(let flag): given.append((name, flag ? "true" : "false"))
                case .null: continue
                case .array, .object: throw ServiceError.parameter(name, "is not a single value (a string, a number, true or false)")
                }
            }
        case "application/x-www-form-urlencoded":
            given = try QueryString(String(buffer: body)).values.map { ($0.key, $0.value) }
        default:
            throw ServiceError(status: .unsupportedMediaType, code: "UnsupportedMediaType",
                               description: "send the fields as JSON (application/json) or a form (application/x-www-form-urlencoded)")
        }
        for (name, value) in given {
            guard values.updateValue(value, forKey: name) == nil else { throw ServiceError.parameter(name, "is given twice") }
        }
        return QueryString(values: values)
    }

    /// A contract word from a field (its name or Chinese): nil when absent, 400 when it is not one.
    static func term<T: Term>(_ fields: QueryString, _ name: String, as type: T.Type = T.self) throws -> T? {
        guard let text = fields[name] else { return nil }
        guard let value = T(word: text) else { throw ServiceError.parameter(name, "'\(text)' is not one of \(T.names.joined(separator: ", "))") }
        return value
    }

    /// A path's parameter, percent-decoded.
    static func pathParameter(_ context: ServiceContext, _ name: String) throws -> String {
        let raw = context.parameters.get(name) ?? ""
        guard let value = raw.removingPercentEncoding, !value.isEmpty else { throw ServiceError.notFound("there is no '\(raw)' here") }
        return value
    }

    /// The library's work on the client's input: its refusals as the CLI says them — a file or a
    /// rule refused (422), a value that cannot mean anything (400).
    static func refusing<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as InputError {
            throw ServiceError(status: .unprocessableContent, code: "InvalidInput", description: "", libraryError: error)
        } catch let error as RuleViolation {
            throw ServiceError(status: .unprocessableContent, code: "InvalidInput", description: "", libraryError: error)
        } catch let error as InvalidArgument {
            // Named by the field it came from, as the CLI names its option.
            if let field = ServiceError.field(error.argument) { throw ServiceError.parameter(field, error.message) }
            throw ServiceError(status: .badRequest, code: "InvalidParameterValue", description: "", libraryError: error)
        }
    }

    /// The library's work on one feature whose version the client named: refusals as `refusing`'s; a
    /// version conflict 409 when created twice, 404 when gone, 412 when changed since the client read it.
    static func refusingConflicts<T>(_ work: () throws -> T) throws -> T {
        do { return try refusing(work) } catch let conflict as VersionConflict {
            let status: HTTPResponse.Status = conflict.expected == nil ? .conflict : conflict.actual == nil ? .notFound : .preconditionFailed
            throw ServiceError(status: status, code: status.reasonPhrase.replacingOccurrences(of: " ", with: ""), description: "", libraryError: conflict)
        }
    }

    /// A JSON answer.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.jsonText)))
    }

    static func number<N: BinaryInteger>(_ value: N) -> JSONValue { .number(Double(value), String(value)) }

    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
}
