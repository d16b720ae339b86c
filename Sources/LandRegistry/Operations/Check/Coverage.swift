/// Where the registry knows anything: its counties (admin `county`), each
/// with the margin the setting `coverage_margin_m` allows beyond its
/// boundary. A proposal that reaches farther out cannot be assessed, so it
/// is never clear (`RuleTable.coverage`); a registry without a county
/// cannot tell, and every report says so (`CheckConditions`).
final class Coverage {
    struct County {
        let code: String
        let name: String?
        let geometry: Geometry
        let prepared: PreparedGeometry
        let bounds: Envelope
    }

    let counties: [County]
    let margin: Double
    /// The counties near a proposal that crosses a boundary, buffered by the
    /// margin (made only then, and kept).
    private var buffered: [String: PreparedGeometry] = [:]

    init(counties: [County], margin: Double) {
        self.counties = counties
        self.margin = margin
    }

    /// The finding of a proposal that lies beyond the coverage, nil when it
    /// lies within (or when there is no county to tell by).
    func finding(for subject: Checker.Subject, overlapMinimum: Double) throws -> Finding? {
        guard !counties.isEmpty else { return nil }
        let b = subject.bounds
        let near = counties.filter { $0.bounds.expanded(by: margin).intersects(b) }
        for county in near where try county.prepared.covers(subject.geometry) { return nil }
        // What lies outside every county near it, and whether the margin holds it.
        var outside = subject.geometry
        for county in near { outside = try outside.difference(county.geometry) }
        if outside.isEmpty { return nil }
        let outsideArea = subject.areal ? try outside.area() : 0
        if subject.areal && outsideArea <= overlapMinimum { return nil }
        if !near.isEmpty {
            let key = near.map(\.code).joined(separator: "\u{1}")
            let reach: PreparedGeometry
            if let known = buffered[key] {
                reach = known
            } else {
                var union = near[0].geometry
                for county in near.dropFirst() { union = try union.union(county.geometry) }
                reach = try union.buffer(margin).prepared()
                buffered[key] = reach
            }
            if try reach.covers(outside) { return nil }
        }
        // The nearest county names the finding.
        var nearest: (county: County, distance: Double)?
        for county in counties {
            let d = try subject.prepared.distance(to: county.geometry)
            if nearest == nil || d < nearest!.distance { nearest = (county, d) }
        }
        guard let nearest else { return nil }
        return Finding(rule: RuleTable.coverage, layer: .admin, code: nearest.county.code,
                       name: nearest.county.name.map(Phrase.init(verbatim:)),
                       overlapM2: rounded(outsideArea), distanceM: rounded(nearest.distance), shape: nil)
    }
}
