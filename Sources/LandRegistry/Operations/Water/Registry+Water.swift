import Foundation

extension Registry {
    /// The water report of a month or a quarter: sections by GB 3838-2002
    /// on the period's means, outfalls against their limits, the outfalls
    /// upstream of each section that misses its target, overdue remedies.
    public func waterReport(_ period: MonitoringPeriod) throws -> WaterReport {
        try snapshot { try WaterEvaluator($0, period: period).report() }
    }
}

/// Builds one period's water report from one snapshot.
final class WaterEvaluator {
    let snapshot: Snapshot
    let period: MonitoringPeriod
    let geos = GEOSContext()
    /// site → parameter → month → mean.
    private var means: [String: [MonitoringParameter: [String: Double]]] = [:]
    /// site → parameter → the period's samples, by date.
    private var samples: [String: [MonitoringParameter: [Sample]]] = [:]
    /// site → parameter → month → target (kind `target` rows).
    private var targets: [String: [MonitoringParameter: [String: Double]]] = [:]
    private var towns: Towns!

    init(_ snapshot: Snapshot, period: MonitoringPeriod) throws {
        self.snapshot = snapshot
        self.period = period
        let months = Array(Set(period.trailingYear + period.months)).sorted()
        for mean in try snapshot.monthlyMeans(months: months, kind: .value) {
            means[mean.site, default: [:]][mean.parameter, default: [:]][mean.month] = mean.mean
        }
        for sample in try snapshot.samples(months: period.months) {
            samples[sample.site, default: [:]][sample.parameter, default: []].append(sample)
        }
        for target in try snapshot.monthlyMeans(months: period.months, kind: .target) {
            targets[target.site, default: [:]][target.parameter, default: [:]][target.month] = target.mean
        }
        towns = try Towns(try snapshot.currentStates(.admin), geos: geos)
    }

    func report() throws -> WaterReport {
        let today = todayUTC()
        var report = WaterReport(period: period, asOf: min(period.end, today),
                                 traceDistance: try snapshot.setting(.traceUpstreamDistance))
        let rivers = try snapshot.currentStates(.rivers)
        report.rivers = try rivers.map { ($0["name"] ?? $0.code, try Shape(wkb: $0.wkb)) }
        let network = try RiverNetwork(rivers: rivers)
        let outfallStates = try snapshot.currentStates(.outfalls)
        report.outfalls = try outfalls(outfallStates)
        // Where every outfall and section sits on the network, found once.
        let placedOutfalls = try place(outfallStates, on: network)
        var enterprises: [(FeatureState, Geometry)]?
        for placed in try place(try snapshot.currentStates(.sections), on: network) {
            let section = try section(placed.state)
            report.sections.append(section)
            report.warnings += placementWarnings(placed, layer: "section", network: network)
            if section.meets == false {
                if enterprises == nil {
                    enterprises = try snapshot.currentStates(.enterprises).map { ($0, try Geometry(wkb: $0.wkb, in: geos)) }
                }
                report.traces.append(try trace(section, from: placed.position, network: network, outfalls: placedOutfalls,
                                               results: report.outfalls, enterprises: enterprises!, within: report.traceDistance))
            }
        }
        for placed in placedOutfalls { report.warnings += placementWarnings(placed, layer: "outfall", network: network) }
        report.overdue = try overdueRemedies(asOf: report.asOf, outfalls: outfallStates)
        return report
    }

    /// The period's mean of each parameter at a site: the mean of its monthly means.
    func periodMeans(_ site: String, months: [String]) -> [(MonitoringParameter, Double)] {
        (means[site] ?? [:]).compactMap { parameter, byMonth -> (MonitoringParameter, Double)? in
            let values = months.compactMap { byMonth[$0] }
            return values.isEmpty ? nil : (parameter, values.reduce(0, +) / Double(values.count))
        }.sorted { $0.0 < $1.0 }
    }

    /// A section's class on some months' means: the worst single parameter.
    func judge(_ site: String, months: [String], lake: Bool, target: WaterClass) -> (WaterClass?, [ParameterResult]) {
        var worst: WaterClass?
        var results: [ParameterResult] = []
        for (parameter, mean) in periodMeans(site, months: months) where parameter != .flow && parameter.isWater {
            let waterClass = GB3838.waterClass(parameter, mean, lake: lake)
            if let waterClass { worst = max(worst ?? .i, waterClass) }
            let limit = GB3838.limit(parameter, for: target, lake: lake)
            var result = ParameterResult(parameter: parameter, mean: mean, waterClass: waterClass, limit: limit,
                                         timesLimit: limit.flatMap { GB3838.timesLimit(parameter, mean, limit: $0) })
            let own = months.compactMap { targets[site]?[parameter]?[$0] }
            if !own.isEmpty {
                let goal = own.reduce(0, +) / Double(own.count)
                result.target = goal
                result.meetsTarget = parameter == .do ? mean >= goal * (1 - 1e-9) : mean <= goal * (1 + 1e-9)
            }
            results.append(result)
        }
        return (worst, results)
    }

    func section(_ state: FeatureState) throws -> SectionResult {
        let target = WaterClass(name: state["target_class"] ?? "") ?? .iii
        let lake = WaterEvaluator.isLake(state["water_body"])
        let (waterClass, parameters) = judge(state.code, months: period.months, lake: lake, target: target)
        let months = period.months.map { month -> (String, WaterClass?, Bool?) in
            let (monthClass, _) = judge(state.code, months: [month], lake: lake, target: target)
            return (month, monthClass, monthClass.map { $0 <= target })
        }
        let judged = MonitoringParameter.allCases.filter { GB3838.limits($0, lake: lake) != nil || $0 == .ph }
        let series = judged.compactMap { parameter -> (MonitoringParameter, Double?, [(String, Double?)])? in
            guard let byMonth = means[state.code]?[parameter] else { return nil }
            return (parameter, GB3838.limit(parameter, for: target, lake: lake), period.trailingYear.map { ($0, byMonth[$0]) })
        }
        return SectionResult(code: state.code, name: state["name"] ?? state.code, river: state["river"],
                             town: towns.holdingMostOf(wkb: state.wkb), targetClass: target,
                             waterClass: waterClass, meets: waterClass.map { $0 <= target }, lake: lake,
                             parameters: parameters, months: months, series: series, shape: try Shape(wkb: state.wkb))
    }

    /// `lake` (also 湖库, 湖泊, 水库, reservoir) is a lake; anything else a river.
    static func isLake(_ value: String?) -> Bool {
        guard let value = value?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return ["lake", "reservoir", "湖库", "湖泊", "水库", "湖"].contains(value)
    }

    func outfalls(_ states: [FeatureState]) throws -> [OutfallResult] {
        var limits: [String: [MonitoringParameter: DischargeLimit]] = [:]
        for recorded in try snapshot.dischargeLimits() { limits[recorded.subject, default: [:]][recorded.parameter] = recorded.limit }
        return states.map { state in
            let type = state["type"] ?? ""
            var exceedances: [Exceedance] = [], noLimit: [MonitoringParameter] = [], within: [MonitoringParameter] = []
            let measured = periodMeans(state.code, months: period.months)
            for (parameter, mean) in measured where parameter != .flow {
                let limit = Self.limit(parameter, outfall: state.code, type: type, limits)
                guard let limit else { noLimit.append(parameter); continue }
                // Each sample against the limit: a quarter whose mean is within it can still have exceeded it.
                let over = (samples[state.code]?[parameter] ?? []).compactMap { sample -> Exceedance? in
                    limit.timesExceeded(parameter, sample.value).map {
                        Exceedance(parameter: parameter, date: sample.date, value: sample.value, mean: mean, limit: limit, timesLimit: $0)
                    }
                }
                if over.isEmpty { within.append(parameter) } else { exceedances += over }
            }
            return OutfallResult(code: state.code, name: state["name"] ?? "", type: type, river: state["river"],
                                 town: towns.holdingMostOf(wkb: state.wkb), measured: !measured.isEmpty, exceedances: exceedances,
                                 noLimit: noLimit, within: within)
        }
    }

    /// The limit of a parameter for an outfall: its own, else its type's,
    /// else GB 18918-2002 1A for a sewage plant; a removed limit is none.
    static func limit(_ parameter: MonitoringParameter, outfall: String, type: String,
                      _ limits: [String: [MonitoringParameter: DischargeLimit]]) -> DischargeLimit? {
        if let own = limits[outfall], own.keys.contains(parameter) { return own[parameter] ?? nil }
        if let byType = limits[type], byType.keys.contains(parameter) { return byType[parameter] ?? nil }
        return type == "sewage_plant" ? GB18918.class1A[parameter] : nil
    }

    /// A section or an outfall with its point and its place on the river network (nil without rivers).
    struct PlacedSite {
        let state: FeatureState
        let shape: Shape
        let position: RiverNetwork.Position?
    }

    func place(_ states: [FeatureState], on network: RiverNetwork) throws -> [PlacedSite] {
        try states.map { state in
            let shape = try Shape(wkb: state.wkb)
            return PlacedSite(state: state, shape: shape,
                              position: shape.xy.count >= 2 ? network.position(shape.xy[0], shape.xy[1]) : nil)
        }
    }

    /// A warning when a point's `river` names another river than the nearest line.
    func placementWarnings(_ placed: PlacedSite, layer: String, network: RiverNetwork) -> [Phrase] {
        guard let position = placed.position else { return [] }
        let reach = network.reaches[position.reach], state = placed.state
        if let named = state["river"], named != reach.name, named != reach.code {
            return ["\(term: layer, in: Layer.context) \(state.code): its river is '\(named)' but the nearest river line is \(reach.name) (\(reach.code)), \(formatDecimal(rounded(position.offset))) m away; traced on \(reach.name)"]
        }
        return []
    }
}
