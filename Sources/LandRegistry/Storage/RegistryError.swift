/// A registry that cannot be opened, created or read, in one line.
public struct RegistryError: LandRegistryError {
    public let message: Phrase
    public var remedy: Remedy?
    public init(_ message: Phrase, remedy: Remedy? = nil) {
        self.message = message
        self.remedy = remedy
    }
    public func text(_ language: ReportLanguage) -> String { message.text(language) }
}
