/// Bad input: what is wrong and where (file, feature, code, property), in one
/// line. Nothing is written to the registry when one is thrown.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var file: String
    /// 1-based feature number in the file.
    public var feature: Int?
    public var code: String?
    public var property: String?
    /// 1-based line, for syntax errors and line-based formats.
    public var line: Int?
    public var message: String

    public init(file: String, feature: Int? = nil, code: String? = nil, property: String? = nil,
                line: Int? = nil, message: String) {
        self.file = file
        self.feature = feature
        self.code = code
        self.property = property
        self.line = line
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        var parts = [location]
        if let feature {
            var text = "feature \(feature)"
            if let code { text += " (code \(code))" }
            parts.append(text)
        }
        if let property { parts.append("property '\(property)'") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
