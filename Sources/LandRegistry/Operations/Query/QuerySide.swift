//// Where the other side's candidates come from: a registry layer's R*Tree
/// (the registry now), or features held in memory with a grid index (a
/// file, or a layer as it stood on a date).
enum CandidateSource {
    case registry(CandidateLookup)
    case memory(MemoryIndex)

    /// Whether no feature's box comes within `reach` of `bounds` (no geometry made).
    func isEmpty(around bounds: Envelope, reach: Double) throws -> Bool {
        switch self {
        case .registry(let lookup):
            var any = false
            try lookup.forEach(bounds, reach: reach) { _, _ in any = true }
            return !any
        case .memory(let index):
            return index.candidates(bounds, reach: reach).isEmpty
        }
    }

    /// The features whose box comes within `reach` of `bounds`.
    func candidates(_ bounds: Envelope, reach: Double,
                    geos: GEOSContext) throws -> [SideFeature] {
        switch self {
        case .registry(let lookup):
            var found: [SideFeature] = []
            try lookup.forEach(bounds, reach: reach) { candidate, makeGeometry in
                let geometry = try makeGeometry(geos)
                found.append(SideFeature(code: candidate.code, properties: [], geometry: geometry, bounds: try geometry.bounds(),
                                         areal: geometry.isAreal))
            }
            return found
        case .memory(let index):
            return index.candidates(bounds, reach: reach)
        }
    }
}

extension SideFeature {
    init(code: String, properties: [(String, JSONValue)], wkb: [UInt8], geos: GEOSContext) throws {
        guard !wkb.isEmpty else { throw RegistryError("feature \(code) has no geometry") }
        let geometry = try Geometry(wkb: wkb, in: geos)
        self.init(code: code, properties: properties, geometry: geometry, bounds: try geometry.bounds(), areal: Snapshot.isAreal(wkb))
    }
}

/// Features in memory with a uniform grid over their boxes.
final class MemoryIndex {
    let features: [SideFeature]
    private let cell: Double
    private var grid: [Int64: [Int]] = [:]
    /// The box of every feature.
    let extent: Envelope

    init(_ features: [SideFeature]) {
        self.features = features
        var extent = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        var size = 0.0
        for f in features {
            extent = extent.union(f.bounds)
            size += max(f.bounds.maxX - f.bounds.minX, f.bounds.maxY - f.bounds.minY)
        }
        self.extent = extent
        // Cells about the size of a feature, never so small that a large one fills millions.
        let width = features.isEmpty ? 1 : max(extent.maxX - extent.minX, extent.maxY - extent.minY)
        cell = max(50, size / Double(max(features.count, 1)), width / 1000)
        for (i, f) in features.enumerated() {
            for key in keys(f.bounds, reach: 0) { grid[key, default: []].append(i) }
        }
    }

    private func keys(_ b: Envelope, reach: Double) -> [Int64] {
        guard b.minX.isFinite, b.maxX.isFinite else { return [] }
        let x0 = Int64(((b.minX - reach) / cell).rounded(.down)), x1 = Int64(((b.maxX + reach) / cell).rounded(.down))
        let y0 = Int64(((b.minY - reach) / cell).rounded(.down)), y1 = Int64(((b.maxY + reach) / cell).rounded(.down))
        var keys: [Int64] = []
        for x in x0...x1 { for y in y0...y1 { keys.append(x &* 4_000_037 &+ y) } }
        return keys
    }

    func candidates(_ b: Envelope, reach: Double) -> [SideFeature] {
        // A window larger than the whole extent: everything.
        if (b.maxX - b.minX + 2 * reach) / cell * (b.maxY - b.minY + 2 * reach) / cell > Double(grid.count) {
            return features.filter { f in
                f.bounds.minX <= b.maxX + reach && f.bounds.maxX >= b.minX - reach && f.bounds.minY <= b.maxY + reach && f.bounds.maxY >= b.minY - reach
            }
        }
        var seen = Set<Int>()
        var found: [SideFeature] = []
        for key in keys(b, reach: reach) {
            for i in grid[key] ?? [] where seen.insert(i).inserted {
                let f = features[i]
                if f.bounds.minX <= b.maxX + reach && f.bounds.maxX >= b.minX - reach && f.bounds.minY <= b.maxY + reach && f.bounds.maxY >= b.minY - reach {
                    found.append(f)
                }
            }
        }
        return found
    }
}
