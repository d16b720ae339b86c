/// How two geometries relate, as every rule and report of landreg judges it
/// — the check, the query, the review and the audit alike:
///
/// - they *intersect* when they share a point (touching counts);
/// - their *overlap* is the area they share, measured when both are areas
///   (0 otherwise);
/// - they *overlap* when both are areas sharing more than the overlap
///   minimum (setting `overlap_min_m2`: a survey's slivers are no overlap),
///   or, when either is a point or a line, when they intersect;
/// - their *distance* (0 when they intersect) is measured only when asked.
struct SpatialRelation {
    let intersects: Bool
    /// The shared area in m² (0 unless both are areas).
    let overlap: Double
    let overlaps: Bool
    /// The shared part, when asked for (`keepIntersection`) and both are areas.
    let intersection: Geometry?
    private var measured: Double?
    private let first: Geometry
    private let prepared: PreparedGeometry?
    private let second: Geometry

    /// `first` may come prepared (a proposal checked against many features),
    /// and `second` too (a large feature kept for a whole run). When one
    /// covers the other, their overlap is the covered one's area: no overlay
    /// is computed (most of a large proposal's parcels lie wholly inside it).
    init(_ first: Geometry, prepared: PreparedGeometry? = nil, areal firstAreal: Bool, _ second: Geometry,
         prepared secondPrepared: PreparedGeometry? = nil, areal secondAreal: Bool,
         overlapMinimum: Double, keepIntersection: Bool = false) throws {
        self.first = first
        self.prepared = prepared
        self.second = second
        intersects = try prepared?.intersects(second) ?? first.intersects(second)
        let areas = firstAreal && secondAreal
        if intersects && areas && !keepIntersection, let covered = try SpatialRelation.covered(first, prepared, second, secondPrepared) {
            overlap = try covered.area()
            intersection = nil
        } else if intersects && areas && !keepIntersection, let shared = SpatialRelation.convexOverlap(first, second) {
            overlap = shared
            intersection = nil
        } else if intersects && areas {
            let shared = try keepIntersection ? first.intersection(second) : first.areaIntersection(second)
            overlap = try shared.area()
            intersection = keepIntersection ? shared : nil
        } else {
            overlap = 0
            intersection = nil
        }
        overlaps = intersects && (!areas || overlap > overlapMinimum)
    }

    /// Whichever of two intersecting areas the other (prepared) covers, if
    /// either does: their intersection is that one.
    private static func covered(_ first: Geometry, _ prepared: PreparedGeometry?, _ second: Geometry,
                                _ secondPrepared: PreparedGeometry?) throws -> Geometry? {
        if let prepared, try prepared.covers(second) { return second }
        if let secondPrepared, try secondPrepared.covers(first) { return first }
        return nil
    }

    /// The area two areas share, measured by clipping when one is a convex polygon (nil: neither is).
    private static func convexOverlap(_ first: Geometry, _ second: Geometry) -> Double? {
        if let clip = second.convexRing, let shape = first.shape { return ConvexClip.area(of: shape, inside: clip) }
        if let clip = first.convexRing, let shape = second.shape { return ConvexClip.area(of: shape, inside: clip) }
        return nil
    }

    /// The shortest distance in m, measured once.
    mutating func distance() throws -> Double {
        if let measured { return measured }
        let d = intersects ? 0 : try prepared?.distance(to: second) ?? first.distance(to: second)
        measured = d
        return d
    }
}
