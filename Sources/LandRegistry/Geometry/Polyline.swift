/// One line of a river in a projected CRS (metres), with linear
/// referencing: where along the line (from its first point) a point lies
/// nearest, and the point at a distance along it.
struct Polyline: Sendable {
    let x: [Double]
    let y: [Double]
    /// The distance along the line to each vertex.
    let measures: [Double]

    init(x: [Double], y: [Double]) {
        self.x = x
        self.y = y
        var measures = [0.0]
        for i in 1..<max(x.count, 1) {
            measures.append(measures[i - 1] + ((x[i] - x[i - 1]) * (x[i] - x[i - 1]) + (y[i] - y[i - 1]) * (y[i] - y[i - 1])).squareRoot())
        }
        self.measures = measures
    }

    /// Every line of a LineString or MultiLineString shape.
    static func lines(of shape: Shape) -> [Polyline] {
        guard shape.type == .lineString || shape.type == .multiLineString else { return [] }
        return shape.ringRanges.filter { $0.count >= 2 }.map { range in
            Polyline(x: range.map { shape.xy[2 * $0] }, y: range.map { shape.xy[2 * $0 + 1] })
        }
    }

    var length: Double { measures[measures.count - 1] }
    var last: (x: Double, y: Double) { (x[x.count - 1], y[y.count - 1]) }

    /// The distance along the line of the nearest point to (px, py), and how
    /// far (px, py) is from it.
    func locate(_ px: Double, _ py: Double) -> (measure: Double, distance: Double) {
        var best = (measure: 0.0, distance: Double.infinity)
        for i in 0..<(x.count - 1) {
            let dx = x[i + 1] - x[i], dy = y[i + 1] - y[i]
            let squared = dx * dx + dy * dy
            var t = squared > 0 ? ((px - x[i]) * dx + (py - y[i]) * dy) / squared : 0
            t = min(max(t, 0), 1)
            let qx = x[i] + t * dx, qy = y[i] + t * dy
            let distance = ((px - qx) * (px - qx) + (py - qy) * (py - qy)).squareRoot()
            if distance < best.distance { best = (measures[i] + t * (measures[i + 1] - measures[i]), distance) }
        }
        return best
    }

    /// The vertices between two distances along the line (for maps).
    func part(from start: Double, to end: Double) -> [(x: Double, y: Double)] {
        var points = [point(at: start)]
        for i in 0..<x.count where measures[i] > start && measures[i] < end { points.append((x[i], y[i])) }
        points.append(point(at: end))
        return points
    }

    /// The point at a distance along the line.
    func point(at measure: Double) -> (x: Double, y: Double) {
        guard let i = measures.indices.dropFirst().first(where: { measures[$0] >= measure }) else { return last }
        let span = measures[i] - measures[i - 1]
        let t = span > 0 ? (measure - measures[i - 1]) / span : 0
        return (x[i - 1] + t * (x[i] - x[i - 1]), y[i - 1] + t * (y[i] - y[i - 1]))
    }
}
