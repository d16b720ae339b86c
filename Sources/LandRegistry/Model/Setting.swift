/// Numeric settings of a registry: the rule thresholds.
public enum Setting: String, CaseIterable, Sendable {
    case overlapMinimum = "overlap_min_m2"
    case sequencingDistance = "sequencing_distance_m"
    case concentratedFarmlandDistance = "concentrated_farmland_distance_m"
    case countySeatDistance = "county_seat_distance_m"
    /// How far an outfall or a section may lie from its river line (audit).
    case riverDistance = "river_distance_m"
    /// How far upstream of a failing section outfalls are traced, along the rivers (contract §10).
    case traceUpstreamDistance = "trace_upstream_m"

    public var defaultValue: Double {
        switch self {
        case .overlapMinimum: return 1
        case .sequencingDistance: return 500
        case .concentratedFarmlandDistance: return 1000
        case .countySeatDistance: return 20000
        case .riverDistance: return 200
        case .traceUpstreamDistance: return 10000
        }
    }
}
