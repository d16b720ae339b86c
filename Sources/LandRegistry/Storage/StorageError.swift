/// A registry that cannot be opened, created or read, in one line.
public struct RegistryError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
