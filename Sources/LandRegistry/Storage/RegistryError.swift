/// A registry that cannot be opened, created or read, in one line.
public struct RegistryError: LandRegistryError {
    public let message: String
    public var remedy: Remedy?
    public init(_ message: String, remedy: Remedy? = nil) {
        self.message = message
        self.remedy = remedy
    }
    public var description: String { message }
}
