/// The area two valid areas share when one of them is a convex polygon (a
/// parcel, a plant's footprint, a well's protection circle): each ring of
/// the other is clipped by the convex one's edges in turn (Sutherland and
/// Hodgman), and the clipped rings' areas summed, holes taken away. It is
/// the area GEOS's overlay measures, without building the overlay's graph
/// for one number; `SpatialRelation` uses it when it can, GEOS otherwise.
enum ConvexClip {
    /// The outline of a polygon without holes whose every turn is the same
    /// way (a valid one is then convex), counter-clockwise, closed; nil otherwise.
    static func convexRing(_ shape: Shape) -> [Double]? {
        guard shape.type == .polygon, shape.ringEnds.count == 1, shape.positionCount >= 4 else { return nil }
        let xy = shape.xy, n = shape.positionCount - 1  // the last position repeats the first
        var left = false, right = false
        for i in 0..<n {
            let (a, b, c) = (i, (i + 1) % n, (i + 2) % n)
            let turn = (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * b + 1]) - (xy[2 * b + 1] - xy[2 * a + 1]) * (xy[2 * c] - xy[2 * b])
            if turn > 0 { left = true } else if turn < 0 { right = true }
            if left && right { return nil }
        }
        guard left != right else { return nil }
        if left { return Array(xy[0..<(2 * n + 2)]) }
        var reversed: [Double] = []
        reversed.reserveCapacity(2 * n + 2)
        for i in stride(from: n, through: 0, by: -1) { reversed += [xy[2 * i], xy[2 * i + 1]] }
        return reversed
    }

    /// The area of the (multi)polygon `shape` inside the convex
    /// counter-clockwise ring `clip` (as `convexRing` gives it).
    static func area(of shape: Shape, inside clip: [Double]) -> Double {
        let rings = shape.ringRanges
        let polygons = shape.type == .multiPolygon ? shape.polygonRanges : [0..<rings.count]
        var total = 0.0
        var work: [Double] = [], next: [Double] = []
        for polygon in polygons {
            var area = 0.0
            for (k, ring) in rings[polygon].enumerated() {
                work.removeAll(keepingCapacity: true)
                // The ring without its closing position.
                for i in ring.dropLast() { work += [shape.xy[2 * i], shape.xy[2 * i + 1]] }
                clipRing(&work, by: clip, using: &next)
                let ringArea = abs(signedArea(work))
                area += k == 0 ? ringArea : -ringArea
            }
            total += max(0, area)
        }
        return total
    }

    /// `ring` (open: its first position not repeated) cut by each edge of
    /// `clip` in turn: what lies left of (or on) the edge's line stays.
    private static func clipRing(_ ring: inout [Double], by clip: [Double], using next: inout [Double]) {
        let edges = clip.count / 2 - 1
        for e in 0..<edges where ring.count >= 6 {
            let (ax, ay, bx, by) = (clip[2 * e], clip[2 * e + 1], clip[2 * e + 2], clip[2 * e + 3])
            let (dx, dy) = (bx - ax, by - ay)
            func side(_ x: Double, _ y: Double) -> Double { dx * (y - ay) - dy * (x - ax) }
            next.removeAll(keepingCapacity: true)
            let count = ring.count / 2
            var (px, py) = (ring[2 * count - 2], ring[2 * count - 1])
            var ps = side(px, py)
            for i in 0..<count {
                let (qx, qy) = (ring[2 * i], ring[2 * i + 1])
                let qs = side(qx, qy)
                if (ps >= 0) != (qs >= 0) {
                    // The crossing of the edge p→q with the clip line.
                    let t = ps / (ps - qs)
                    next += [px + t * (qx - px), py + t * (qy - py)]
                }
                if qs >= 0 { next += [qx, qy] }
                (px, py, ps) = (qx, qy, qs)
            }
            swap(&ring, &next)
        }
        if ring.count < 6 { ring.removeAll() }
    }

    /// The shoelace area of an open ring, positive when counter-clockwise.
    private static func signedArea(_ ring: [Double]) -> Double {
        let count = ring.count / 2
        guard count >= 3 else { return 0 }
        // About the first position, as GEOS does, to keep the products small.
        let (x0, y0) = (ring[0], ring[1])
        var sum = 0.0
        for i in 1..<(count - 1) {
            sum += (ring[2 * i] - x0) * (ring[2 * i + 3] - y0) - (ring[2 * i + 2] - x0) * (ring[2 * i + 1] - y0)
        }
        return sum / 2
    }
}
