/// The county's towns (admin `town`) as prepared GEOS geometries, to tell
/// which town a feature lies in: the review's and the water report's.
struct Towns {
    private let towns: [(name: String, geometry: PreparedGeometry)]
    private let geos: GEOSContext

    /// From admin areas (as they are now, or as of a date).
    init(_ areas: [FeatureState], geos: GEOSContext) throws {
        self.geos = geos
        towns = try areas.filter { $0["kind"] == "town" }
            .map { (name: $0["name"] ?? $0.code, geometry: try Geometry(wkb: $0.wkb, in: geos).prepared()) }
    }

    /// The name of the town a geometry lies in (a point on its surface); "" outside every town.
    func name(of wkb: [UInt8]) -> String {
        guard !wkb.isEmpty, let point = try? Geometry(wkb: wkb, in: geos).pointOnSurface() else { return "" }
        return towns.first { (try? $0.geometry.intersects(point)) == true }?.name ?? ""
    }
}
