/// One feature read from an input file, before validation.
public struct InputFeature: Sendable {
    /// 1-based position in the file.
    public var number: Int
    public var properties: [(String, JSONValue)]
    public var shape: Shape?
    public var id: JSONValue?

    public init(number: Int, properties: [(String, JSONValue)], shape: Shape?, id: JSONValue? = nil) {
        self.number = number
        self.properties = properties
        self.shape = shape
        self.id = id
    }

    public func property(_ name: String) -> JSONValue? {
        properties.first { $0.0 == name }?.1
    }

    /// The feature's `code` when it is a string, for error messages.
    public var code: String? { property("code")?.stringValue }
}

/// A source of features to import or check: every reader streams.
public protocol FeatureReader: AnyObject {
    /// The file's name, for error messages.
    var fileName: String { get }
    /// The CRS the file itself declares, if any.
    var declaredSRID: Int? { get }
    /// The next feature, or nil at the end.
    func next() throws -> InputFeature?
    /// Things the user should know that are not errors.
    var warnings: [String] { get }
}

extension FeatureReader {
    public var warnings: [String] { [] }
}
