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
    /// How far beyond the county boundary a proposal may reach and still be
    /// checked: the registry knows nothing farther out (the check's coverage).
    case coverageMargin = "coverage_margin_m"

    /// The values that make sense: beyond them a rule stops meaning what it
    /// says (an overlap minimum of 1e9 m² turns every overlap rule off).
    public var range: ClosedRange<Double> {
        switch self {
        case .overlapMinimum: return 0...100
        case .sequencingDistance: return 0...5_000
        case .concentratedFarmlandDistance: return 0...10_000
        case .countySeatDistance: return 0...100_000
        case .riverDistance: return 0...5_000
        case .traceUpstreamDistance: return 0...200_000
        case .coverageMargin: return 0...5_000
        }
    }

    public var defaultValue: Double {
        switch self {
        case .overlapMinimum: return 1
        case .sequencingDistance: return 500
        case .concentratedFarmlandDistance: return 1000
        case .countySeatDistance: return 20000
        case .riverDistance: return 200
        case .traceUpstreamDistance: return 10000
        case .coverageMargin: return 100
        }
    }
}
