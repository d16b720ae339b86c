/// The rivers as a network (contract §10): every line runs downstream (it
/// is digitised in the direction of flow); a line whose last point lies
/// within `joinDistance` of another line flows into that line there. A
/// section or an outfall sits on the nearest line.
struct RiverNetwork {
    struct Reach {
        let code: String
        let name: String
        let line: Polyline
    }

    /// Where on the network a point sits.
    struct Position {
        let reach: Int
        let measure: Double
        /// How far the point is from the line.
        let offset: Double
    }

    static let joinDistance = 50.0

    let reaches: [Reach]
    /// For each reach, the reaches flowing into it and where (distance along it).
    let inflows: [[(reach: Int, at: Double)]]

    init(rivers: [FeatureState]) throws {
        var reaches: [Reach] = []
        for river in rivers {
            for line in Polyline.lines(of: try Shape(wkb: river.wkb)) {
                reaches.append(Reach(code: river.code, name: river["name"] ?? river.code, line: line))
            }
        }
        var inflows = Array(repeating: [(reach: Int, at: Double)](), count: reaches.count)
        for (i, reach) in reaches.enumerated() {
            let end = reach.line.last
            var best: (reach: Int, at: Double, distance: Double)?
            for (j, other) in reaches.enumerated() where j != i {
                let found = other.line.locate(end.x, end.y)
                if found.distance <= RiverNetwork.joinDistance && found.distance < (best?.distance ?? .infinity) {
                    best = (j, found.measure, found.distance)
                }
            }
            if let best { inflows[best.reach].append((i, best.at)) }
        }
        self.reaches = reaches
        self.inflows = inflows
    }

    /// The nearest line to a point (nil when there are no rivers).
    func position(_ x: Double, _ y: Double) -> Position? {
        var best: Position?
        for (i, reach) in reaches.enumerated() {
            let found = reach.line.locate(x, y)
            if found.distance < (best?.offset ?? .infinity) { best = Position(reach: i, measure: found.measure, offset: found.distance) }
        }
        return best
    }

    /// The stretches upstream of a position within `budget` metres along
    /// the lines: on each reach, the measures from `low` to `high`, where a
    /// point at measure m lies `offset + (high − m)` upstream.
    func upstream(of position: Position, within budget: Double) -> [(reach: Int, low: Double, high: Double, offset: Double)] {
        var stretches: [(reach: Int, low: Double, high: Double, offset: Double)] = []
        var pending = [(reach: position.reach, high: position.measure, offset: 0.0, path: Set([position.reach]))]
        while let next = pending.popLast() {
            let remaining = budget - next.offset
            guard remaining >= 0 else { continue }
            stretches.append((next.reach, max(0, next.high - remaining), next.high, next.offset))
            for inflow in inflows[next.reach] where inflow.at <= next.high && !next.path.contains(inflow.reach) {
                let offset = next.offset + (next.high - inflow.at)
                guard offset <= budget else { continue }
                pending.append((inflow.reach, reaches[inflow.reach].line.length, offset, next.path.union([inflow.reach])))
            }
        }
        return stretches
    }

    /// How far upstream of `position` (along the lines) another position
    /// lies, within `budget`; nil when it is not upstream or farther.
    func distanceUpstream(_ point: Position, of position: Position,
                          stretches: [(reach: Int, low: Double, high: Double, offset: Double)], within budget: Double) -> Double? {
        var best: Double?
        for stretch in stretches where stretch.reach == point.reach && point.measure >= stretch.low - 1e-9 && point.measure <= stretch.high + 1e-9 {
            let distance = stretch.offset + max(0, stretch.high - point.measure)
            if distance <= budget && distance < (best ?? .infinity) { best = distance }
        }
        return best
    }
}
