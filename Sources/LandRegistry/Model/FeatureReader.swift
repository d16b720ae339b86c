import Foundation

//// A source of features to import or check: every reader streams.
public protocol FeatureReader: AnyObject {
    /// The file's name, for error messages.
    var fileName: String { get }
    /// The CRS the file itself declares, if any.
    var declaredSRID: Int? { get }
    /// The next feature, or nil at the end.
    func next() throws -> InputFeature?
    /// Things the user should know that are not errors.
    var warnings: [Phrase] { get }
    /// The properties the file can say at all, when every feature has the
    /// same fields (a `.dbf`, CSV columns, a coordinate TXT's header): a
    /// property not among them is one the file cannot say. Nil for GeoJSON,
    /// where an absent property means the contract's default.
    var fieldNames: Set<String>? { get }
}

extension FeatureReader {
    public var warnings: [Phrase] { [] }
    public var fieldNames: Set<String>? { nil }
}

/// Which field of a file (a `.dbf` field, a CSV column, a GeoJSON key) gives
/// which property, as `--map use=用途,code=BSM` says. One field may give
/// several properties (`code=BKG_KEY,name=BKG_KEY`).
public struct FieldMapping: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public var pairs: [Pair]

    public struct Pair: Sendable, Equatable {
        public var property: String
        public var field: String
        public init(property: String, field: String) {
            self.property = property
            self.field = field
        }
    }

    public init(_ pairs: [Pair] = []) { self.pairs = pairs }

    /// `property=FIELD[,property=FIELD…]` (the CLI's `--map`, the service's `map`), or nil when it is not that.
    public init?(parsing text: String) {
        var pairs: [Pair] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            pairs.append(Pair(property: parts[0], field: parts[1]))
        }
        guard !pairs.isEmpty else { return nil }
        self.pairs = pairs
    }

    /// From `[field: property]`, as earlier versions took it.
    public init(dictionaryLiteral elements: (String, String)...) {
        pairs = elements.map { Pair(property: $0.1, field: $0.0) }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    /// The properties a field gives (none when the mapping does not name it).
    public func properties(forField field: String) -> [String] {
        pairs.filter { $0.field == field }.map(\.property)
    }

    /// A feature's properties renamed: every mapped field gives its
    /// properties; the others keep their names.
    func apply(_ input: [(String, JSONValue)]) -> [(String, JSONValue)] {
        guard !pairs.isEmpty else { return input }
        var result: [(String, JSONValue)] = []
        for (name, value) in input {
            let mapped = properties(forField: name)
            if mapped.isEmpty { result.append((name, value)) } else { result += mapped.map { ($0, value) } }
        }
        return result
    }
}
