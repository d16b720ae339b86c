/// Whether a small polygon is certainly valid, decided without GEOS: the
/// import's and the check's most common geometry is a parcel of four to a
/// few dozen positions, for which building a GEOS geometry and running its
/// validity test cost more than the rest of the feature's preparation.
///
/// "Certainly" is strict: a polygon of one ring (no holes) of at most
/// `maxPositions` positions whose every turn is decided beyond floating-point
/// error (Shewchuk's bound for the orientation test) and not straight,
/// and whose edges meet only where consecutive edges share a position. Such
/// a ring is simple and closed, so GEOS finds the polygon valid. Anything
/// else — a touch, a straight or doubled-back turn, a repeated position, a
/// hole, a multipolygon, a turn too close to call — is left to GEOS, which
/// decides it and says why it is invalid.
enum SimpleRing {
    static let maxPositions = 64

    /// True only when GEOS would find `shape` a valid polygon (see above);
    /// false means "ask GEOS", not "invalid".
    static func isCertainlyValid(_ shape: Shape) -> Bool {
        guard shape.type == .polygon, shape.ringEnds.count == 1 else { return false }
        let count = shape.positionCount
        guard count >= 4, count <= maxPositions, shape.ringEnds[0] == count else { return false }
        return shape.xy.withUnsafeBufferPointer { xy in
            let n = count - 1  // edges; the last position repeats the first
            guard xy[0] == xy[2 * n], xy[1] == xy[2 * n + 1] else { return false }
            for v in xy where !v.isFinite { return false }
            // Every turn decided and not straight: no repeated position, no spike.
            for i in 0..<n {
                let a = i == 0 ? n - 1 : i - 1, c = i + 1
                guard orientation(xy, a, i, c) != 0 else { return false }
            }
            // Edges that are not consecutive do not meet.
            for i in 0..<n {
                let (ax, ay, bx, by) = (xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3])
                for j in stride(from: i + 2, to: n, by: 1) where !(i == 0 && j == n - 1) {
                    let (cx, cy, dx, dy) = (xy[2 * j], xy[2 * j + 1], xy[2 * j + 2], xy[2 * j + 3])
                    // Boxes apart (exact comparisons): the edges cannot meet.
                    if max(ax, bx) < min(cx, dx) || max(cx, dx) < min(ax, bx)
                        || max(ay, by) < min(cy, dy) || max(cy, dy) < min(ay, by) { continue }
                    let o1 = orientation(xy, i, i + 1, j), o2 = orientation(xy, i, i + 1, j + 1)
                    let o3 = orientation(xy, j, j + 1, i), o4 = orientation(xy, j, j + 1, i + 1)
                    // Undecided or touching: GEOS decides.
                    guard o1 != 0, o2 != 0, o3 != 0, o4 != 0 else { return false }
                    if o1 != o2 && o3 != o4 { return false }  // they cross
                }
            }
            return true
        }
    }

    /// The side of position `c` from the line through positions `a` then
    /// `b`: 1 left, -1 right, 0 on it or too close to tell in floating point.
    static func orientation(_ xy: UnsafeBufferPointer<Double>, _ a: Int, _ b: Int, _ c: Int) -> Int {
        let left = (xy[2 * a] - xy[2 * c]) * (xy[2 * b + 1] - xy[2 * c + 1])
        let right = (xy[2 * a + 1] - xy[2 * c + 1]) * (xy[2 * b] - xy[2 * c])
        let det = left - right
        // Shewchuk's ccwerrboundA, (3 + 16ε)ε, doubled for margin.
        let bound = 6.661338147750944e-16 * (abs(left) + abs(right))
        if det > bound { return 1 }
        if -det > bound { return -1 }
        return 0
    }
}
