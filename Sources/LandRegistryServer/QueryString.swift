import Foundation
import LandRegistry

/// A request's query string, read strictly: names and values
/// percent-decoded (`+` is a space), each name at most once, nothing
/// unknown — a parameter the service does not take is refused (400), never
/// ignored, so that a misspelt filter cannot return everything.
struct QueryString {
    /// The longest query string read (a longer one is refused).
    static let maximumLength = 8192
    private(set) var values: [String: String] = [:]

    init(_ query: String?) throws {
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= QueryString.maximumLength else {
            throw ServiceError(status: .badRequest, code: "InvalidRequest",
                               description: "the query string is longer than \(QueryString.maximumLength) bytes")
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = QueryString.decode(parts[0]) else {
                throw ServiceError(status: .badRequest, code: "InvalidRequest", description: "a parameter's name is not percent-encoded UTF-8")
            }
            guard let value = QueryString.decode(parts.count > 1 ? parts[1] : "") else {
                throw ServiceError.parameter(name, "its value is not percent-encoded UTF-8")
            }
            guard values.updateValue(value, forKey: name) == nil else { throw ServiceError.parameter(name, "is given twice") }
        }
    }

    /// Percent-decoding, `+` as a space; nil for a broken escape or bytes that are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ name: String) -> String? { values[name] }

    /// Refuses the parameters not among `known` (nor accepted by `alsoKnown`).
    func refuseUnknown(_ known: Set<String>, alsoKnown: (String) -> Bool = { _ in false }) throws {
        if let name = values.keys.sorted().first(where: { !known.contains($0) && !alsoKnown($0) }) {
            throw ServiceError.parameter(name, "is not a parameter of this resource (\(known.sorted().joined(separator: ", ")))")
        }
    }
}
