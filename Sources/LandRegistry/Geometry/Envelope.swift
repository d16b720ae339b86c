/// An axis-aligned bounding box in one CRS: what the R*Tree indexes, what a
/// candidate lookup asks for (grown by a distance), what a map frames.
public struct Envelope: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The box that holds every point (a lookup that wants everything).
    public static let everywhere = Envelope(minX: -.greatestFiniteMagnitude, minY: -.greatestFiniteMagnitude,
                                            maxX: .greatestFiniteMagnitude, maxY: .greatestFiniteMagnitude)

    /// The box grown by `distance` on every side.
    public func expanded(by distance: Double) -> Envelope {
        Envelope(minX: minX - distance, minY: minY - distance, maxX: maxX + distance, maxY: maxY + distance)
    }

    /// Whether the two boxes share a point (touching counts).
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && maxX >= other.minX && minY <= other.maxY && maxY >= other.minY
    }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }
}
