/// The county's towns (admin `town`), and the one rule every report uses to
/// place a feature in a town — the review, the water report, the audit and
/// `query --sum-by town` alike: the town that holds the largest part of it
/// (for a point or a line, a town it touches; on a tie, the first name in
/// order); "" outside every town.
struct Towns {
    private let towns: [(name: String, geometry: Geometry, bounds: Envelope)]
    private let geos: GEOSContext

    /// From the admin areas (as they are now, or as of a date): their towns.
    init(_ areas: [FeatureState], geos: GEOSContext) throws {
        self.geos = geos
        towns = try areas.filter { $0["kind"] == AdminKind.town.name }.map { area in
            let geometry = try Geometry(wkb: area.wkb, in: geos)
            return (name: area["name"] ?? area.code, geometry: geometry, bounds: try geometry.bounds())
        }
    }

    /// From towns already read (features of admin `town`).
    init(_ features: [SideFeature], geos: GEOSContext) {
        self.geos = geos
        towns = features.map { town in
            (name: town.properties.first { $0.0 == "name" }?.1.stringValue ?? town.code, geometry: town.geometry, bounds: town.bounds)
        }
    }

    var isEmpty: Bool { towns.isEmpty }

    /// The town holding the largest part of a geometry (`areal`: a polygon,
    /// measured by area; else any town it touches), "" outside every town.
    func holdingMostOf(_ geometry: Geometry, bounds: Envelope, areal: Bool) throws -> String {
        var best: (name: String, area: Double)?
        for town in towns where town.bounds.intersects(bounds) {
            guard try town.geometry.intersects(geometry) else { continue }
            let area = areal ? try town.geometry.overlapArea(with: geometry) : 1
            if best == nil || area > best!.area || (area == best!.area && town.name < best!.name) { best = (town.name, area) }
        }
        return best?.name ?? ""
    }

    /// The same for a geometry as WKB ("" for none, or one GEOS cannot read).
    func holdingMostOf(wkb: [UInt8]) -> String {
        guard !wkb.isEmpty, let geometry = try? Geometry(wkb: wkb, in: geos), let bounds = try? geometry.bounds() else { return "" }
        let areal = (try? Shape(wkb: wkb).type.isAreal) ?? false
        return (try? holdingMostOf(geometry, bounds: bounds, areal: areal)) ?? ""
    }

    /// The same for a feature read for a query or the audit.
    func holdingMostOf(_ feature: SideFeature) throws -> String {
        try holdingMostOf(feature.geometry, bounds: feature.bounds, areal: feature.areal)
    }
}
