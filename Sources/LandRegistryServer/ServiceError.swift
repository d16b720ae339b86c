import Foundation
import Hummingbird
import LandRegistry

/// An answer that is not the resource: a status, an OGC exception code and
/// the one-line message of the CLI, in the service's language; sent as
/// `{"code": "…", "description": "…"}`.
struct ServiceError: Error {
    let status: HTTPResponse.Status
    let code: String
    let description: Phrase
    /// The methods the path answers, for a 405.
    var allow = "GET, HEAD"
    /// Seconds to wait, for a 429.
    var retryAfter: Int? = nil
    /// A library's error about the client's input, said in its own words (the CLI's).
    var libraryError: (any LandRegistryError)? = nil

    /// A parameter that cannot mean anything (400), named in the message.
    static func parameter(_ name: String, _ message: Phrase) -> ServiceError {
        ServiceError(status: .badRequest, code: "InvalidParameterValue", description: "parameter '\(name)': \(message)")
    }

    static func notFound(_ message: Phrase) -> ServiceError {
        ServiceError(status: .notFound, code: "NotFound", description: message)
    }

    /// What the service says of an error thrown while answering: a
    /// library's error about the request is the client's (400), anything
    /// else the server's (500, its message logged, not sent).
    static func from(_ error: Error, parameter: (InvalidArgument.Argument) -> String) -> ServiceError {
        switch error {
        case let error as ServiceError: return error
        case let error as InvalidArgument:
            return ServiceError(status: .badRequest, code: "InvalidParameterValue",
                                description: "parameter '\(parameter(error.argument))': \(error.message)")
        case let error as HTTPError where error.status == .notFound:
            return ServiceError.notFound("no such path: the service has /, /api, /conformance, /collections and each collection's paths")
        case let error as HTTPError:
            let code = error.status == .notFound ? "NotFound" : "InvalidRequest"
            return ServiceError(status: error.status, code: code, description: Phrase(verbatim: error.body ?? error.status.reasonPhrase))
        default:
            return ServiceError(status: .internalServerError, code: "ServerError", description: "the server could not answer; see its log")
        }
    }

    /// The request's field a library argument came from (nil: none, the library's words name it).
    static func field(_ argument: InvalidArgument.Argument) -> String? {
        switch argument {
        case .date: return "date"
        case .asOf: return "datetime"
        case .permitKind: return "kind"
        case .setting(let name): return name
        case .pageSize: return "limit"
        case .bbox: return "bbox"
        case .crs: return "crs"
        case .filter(let filter): return String(filter.prefix { $0 != "=" })
        case .registryCRS, .otherFilter, .sumBy, .distance, .limit, .remedy, .account: return nil
        }
    }

    /// The service's advice for a library remedy: the field to send.
    static func hint(_ remedy: Remedy?) -> Phrase? {
        switch remedy {
        case .giveInputCRS?: return "send srid with the EPSG code, e.g. srid=4547"
        case .giveEncoding?: return "send encoding, e.g. encoding=GBK"
        case .repairGeometry?: return "make_valid=true repairs it"
        case .upsert?: return "use mode=upsert to update it"
        case .giveReason?: return "give it in the field note"
        case .giveUse?: return "send use=CODE for the proposals that lack one, or map=use=FIELD"
        case .giveClassification?: return "send classification=2017"
        case nil, .giveFormat?, .createRegistry?, .chooseAnotherPath?: return nil
        }
    }

    /// The JSON body.
    func response(_ language: ReportLanguage) -> Response {
        var said = libraryError?.text(language, with: ServiceWords.zh) ?? description.said(language)
        if let hint = ServiceError.hint(libraryError?.remedy) { said = Phrase("\(said) (\(hint))").said(language) }
        var members: [(String, JSONValue)] = [("code", .string(code)), ("description", .string(said))]
        // Where in the client's file, for a page to point at (the feature's number, the property).
        if let error = libraryError as? InputError {
            if let feature = error.feature { members.append(("feature", .number(Double(feature), String(feature)))) }
            if let property = error.property { members.append(("property", .string(property))) }
        }
        let body = JSONValue.object(members).jsonText
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if status == .methodNotAllowed { headers[.allow] = allow }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"landreg\"" }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
