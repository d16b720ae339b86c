/// One parameter of a section, judged on the period's mean (GB 3838-2002).
public struct ParameterResult: Sendable {
    public let parameter: MonitoringParameter
    public let mean: Double
    /// The class this parameter alone gives (nil: not judged here, e.g. flow).
    public let waterClass: WaterClass?
    /// The limit of the section's target class (nil for pH and parameters not judged).
    public let limit: Double?
    /// 超标倍数 against the target class's limit (nil when within it).
    public let timesLimit: Double?
    /// The section's own target for the parameter in the period (a `monitor
    /// import` row of kind `target`; a minimum for DO), and whether the mean meets it.
    public var target: Double? = nil
    public var meetsTarget: Bool? = nil
}

/// A section's verdict for a period.
public struct SectionResult: Sendable {
    public let code: String
    public let name: String
    public let river: String?
    /// The town it lies in ("" outside every town).
    public let town: String
    public let targetClass: WaterClass
    /// Nil when nothing was measured in the period.
    public let waterClass: WaterClass?
    public let meets: Bool?
    /// A lake or reservoir (TN judged, the lake TP column).
    public let lake: Bool
    public let parameters: [ParameterResult]
    /// Each month of the period: its class and verdict (nil: no values).
    public let months: [(month: String, waterClass: WaterClass?, meets: Bool?)]
    /// The months of the period whose own class missed the target (a
    /// quarter that meets it on its mean can still have missed it in some).
    public var monthsMissed: [String] { months.filter { $0.meets == false }.map(\.month) }
    /// For the charts: each judged parameter's monthly means over the twelve
    /// months ending with the period, with its target-class limit.
    public let series: [(parameter: MonitoringParameter, limit: Double?, means: [(month: String, mean: Double?)])]
    public let shape: Shape
}

/// One sample of an outfall over its limit (GB 18918 and discharge
/// permits judge each sample, not the period's mean): a monthly figure
/// where only those were recorded.
public struct Exceedance: Sendable {
    public let parameter: MonitoringParameter
    /// The sample's date (YYYY-MM-DD), or the month of a monthly figure (YYYY-MM).
    public let date: String
    public let value: Double
    /// The parameter's mean over the period, for reference.
    public let mean: Double
    public let limit: DischargeLimit
    /// How far the sample is over its limit (value / limit − 1).
    public let timesLimit: Double
}

/// An outfall's verdict for a period: what exceeds its limit, what has no limit.
public struct OutfallResult: Sendable {
    public let code: String
    public let name: String
    public let type: String
    public let river: String?
    public let town: String
    /// Whether anything was measured in the period.
    public let measured: Bool
    public let exceedances: [Exceedance]
    /// Measured parameters without any limit ("no limit", never "meets").
    public let noLimit: [MonitoringParameter]
    /// Measured parameters within their limits.
    public let within: [MonitoringParameter]
}

/// An outfall upstream of a section that misses its target (溯).
public struct TracedOutfall: Sendable {
    public let code: String
    public let name: String
    public let type: String
    /// The code of the river line it sits on.
    public let river: String
    public let riverName: String
    /// Metres along the rivers down to the section.
    public let distance: Double
    public let exceeding: [MonitoringParameter]
    /// Measured parameters it has no limit for (never read as "within").
    public let noLimit: [MonitoringParameter]
    /// Whether anything was measured there in the period.
    public let measured: Bool
    public let town: String
    /// The nearest enterprise and how far it is (metres).
    public let enterprise: (code: String, name: String, distance: Double)?
    public let shape: Shape
}

/// The outfalls upstream of one failing section, nearest first.
public struct SectionTrace: Sendable {
    public let section: String
    public let sectionName: String
    public let outfalls: [TracedOutfall]
    /// The river lines searched upstream (for the map).
    public let searched: [Shape]
}

/// A remedy whose deadline passed without being done.
public struct OverdueRemedy: Sendable {
    public let outfall: String
    public let name: String
    public let measure: RemedyMeasure?
    public let responsible: String
    public let deadline: String
    public let daysOverdue: Int
}

/// The water report of a month or a quarter (contract §10).
public struct WaterReport: Sendable {
    public let period: MonitoringPeriod
    /// The date remedies are judged on: the period's end, or today if sooner.
    public let asOf: String
    public let traceDistance: Double
    public var sections: [SectionResult] = []
    public var outfalls: [OutfallResult] = []
    public var traces: [SectionTrace] = []
    public var overdue: [OverdueRemedy] = []
    /// Data problems the reader must know (a section off its named river …).
    public var warnings: [Phrase] = []
    /// Every river line, for the maps.
    public var rivers: [(name: String, shape: Shape)] = []
}

/// One admin area's air quality in a year against its monthly targets.
public struct AirArea: Sendable {
    public let code: String
    public let name: String
    /// Per pollutant, each month's mean and target (nil: none).
    public let pollutants: [(parameter: MonitoringParameter, months: [(month: String, mean: Double?, target: Double?)])]

    /// Months whose mean is over their target.
    public func over(_ parameter: MonitoringParameter) -> [String] {
        pollutants.first { $0.parameter == parameter }?.months.compactMap { m in
            guard let mean = m.mean, let target = m.target, mean > target * (1 + 1e-9) else { return nil }
            return m.month
        } ?? []
    }
}

/// `landreg air --year`: each area's monthly means against the targets.
public struct AirReport: Sendable {
    public let year: Int
    public var areas: [AirArea] = []
}
