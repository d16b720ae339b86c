import CGEOS

extension Geometry {
    /// The part of the geometry inside a box (`GEOSClipByRect_r`).
    func clipped(to box: Envelope) throws -> Geometry {
        guard let result = GEOSClipByRect_r(context.handle, handle, box.minX, box.minY, box.maxX, box.maxY) else {
            throw context.error("clip by rectangle")
        }
        return Geometry(owning: result, in: context)
    }

    /// How many positions the geometry has (`GEOSGetNumCoordinates_r`; -1 on exception).
    var positionCount: Int { Int(GEOSGetNumCoordinates_r(context.handle, handle)) }

    /// The shared part of two areas, each first cut to the box both boxes
    /// share when it has many positions: the same set, but an overlay of a
    /// surveyed proposal's few edges near a parcel, or of a zone's edges
    /// near the proposal, instead of all of them. Overlaid whole if a cut
    /// one cannot be.
    func areaIntersection(_ other: Geometry) throws -> Geometry {
        let (p, q) = (try bounds(), try other.bounds())
        let common = Envelope(minX: max(p.minX, q.minX), minY: max(p.minY, q.minY), maxX: min(p.maxX, q.maxX), maxY: min(p.maxY, q.maxY))
        let a = positionCount > Geometry.worthClipping ? try? clipped(to: common) : nil
        let b = other.positionCount > Geometry.worthClipping ? try? other.clipped(to: common) : nil
        if a == nil && b == nil { return try intersection(other) }
        if let shared = try? (a ?? self).intersection(b ?? other) { return shared }
        return try intersection(other)
    }

    /// Fewer positions than this are overlaid as they are.
    static let worthClipping = 24
}
