extension WaterEvaluator {
    /// 溯: the outfalls upstream of a failing section along its river and
    /// the rivers flowing into it, within `budget` metres, nearest first,
    /// with what they exceed in the period, their town and nearest enterprise.
    func trace(_ section: SectionResult, from start: RiverNetwork.Position?, network: RiverNetwork, outfalls: [PlacedSite],
               results: [OutfallResult], enterprises: [(FeatureState, Geometry)], within budget: Double) throws -> SectionTrace {
        guard let start else { return SectionTrace(section: section.code, sectionName: section.name, outfalls: [], searched: []) }
        let stretches = network.upstream(of: start, within: budget)
        var found: [TracedOutfall] = []
        for (placed, result) in zip(outfalls, results) {
            guard let position = placed.position,
                  let distance = network.distanceUpstream(position, of: start, stretches: stretches, within: budget) else { continue }
            let point = try Geometry(shape: placed.shape, in: geos)
            var nearest: (code: String, name: String, distance: Double)?
            for (enterprise, geometry) in enterprises {
                let d = try point.distance(to: geometry)
                if d < (nearest?.distance ?? .infinity) { nearest = (enterprise.code, enterprise["name"] ?? "", d) }
            }
            let reach = network.reaches[position.reach]
            found.append(TracedOutfall(code: placed.state.code, name: result.name, type: result.type, river: reach.code,
                                       riverName: reach.name, distance: distance, exceeding: result.exceedances.map(\.parameter).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
                                       noLimit: result.noLimit, measured: result.measured,
                                       town: result.town, enterprise: nearest, shape: placed.shape))
        }
        found.sort { ($0.distance, $0.code) < ($1.distance, $1.code) }
        let searched = stretches.map { stretch -> Shape in
            let points = network.reaches[stretch.reach].line.part(from: stretch.low, to: stretch.high)
            return Shape(type: .lineString, xy: points.flatMap { [$0.x, $0.y] }, ringEnds: [points.count])
        }
        return SectionTrace(section: section.code, sectionName: section.name, outfalls: found, searched: searched)
    }

    /// 治: remedies whose deadline passed by `asOf` without being done by
    /// then, most overdue first. An outfall's remedy is its latest set on
    /// or before `asOf`; done counts when recorded after it.
    func overdueRemedies(asOf: String, outfalls: [FeatureState]) throws -> [OverdueRemedy] {
        let names = Dictionary(outfalls.map { ($0.code, $0["name"] ?? "") }, uniquingKeysWith: { a, _ in a })
        var current: [String: (set: RemedyEvent, done: Bool)] = [:]
        for event in try snapshot.remedyEvents() where event.date <= asOf {
            switch event.event {
            case .set: current[event.outfall] = (event, false)
            case .done: if current[event.outfall] != nil { current[event.outfall]!.done = true }
            }
        }
        return current.values.compactMap { remedy -> OverdueRemedy? in
            guard !remedy.done, let deadline = remedy.set.deadline, deadline < asOf else { return nil }
            return OverdueRemedy(outfall: remedy.set.outfall, name: names[remedy.set.outfall] ?? "", measure: remedy.set.measure,
                                 responsible: remedy.set.responsible ?? "", deadline: deadline,
                                 daysOverdue: days(from: deadline, to: asOf))
        }.sorted { ($0.daysOverdue, $1.outfall) > ($1.daysOverdue, $0.outfall) }
    }
}
