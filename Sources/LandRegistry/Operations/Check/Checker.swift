/// Applies the rule table to proposals, one at a time: per layer that a
/// rule applying to the proposal tests, the candidates come from the layer's
/// R*Tree (the window grown by the rules' distance), GEOS decides.
final class Checker {
    let registry: Registry
    let geos = GEOSContext()
    let thresholds: [Setting: Double]
    let overlapMinimum: Double
    let context: Double?
    /// Geometries of the layers of few, large features (admin areas, water
    /// zones, basic farmland), made once per run and kept.
    private var kept: [KeptKey: (Geometry, PreparedGeometry)] = [:]
    /// A kept feature: its layer and code (no string made per candidate).
    private struct KeptKey: Hashable {
        let layer: Layer
        let code: String
    }
    static func isKept(_ layer: Layer) -> Bool { layer == .admin || layer == .waterZones || layer == .basicFarmland }
    /// Each rule's position in the table, for the order of findings.
    private let order = Dictionary(uniqueKeysWithValues: RuleTable.rules.enumerated().map { ($1.id, $0) })

    init(registry: Registry, context: Double? = nil, thresholds: [Setting: Double]? = nil) throws {
        self.registry = registry
        self.context = context
        self.thresholds = try thresholds ?? registry.store.thresholds()
        overlapMinimum = self.thresholds[.overlapMinimum] ?? 1
    }

    /// The check of one proposal whose geometry went through the input step.
    func check(_ proposal: Proposal, _ input: InputGeometry.Prepared, in snapshot: Snapshot) throws -> CheckResult {
        // From the coordinates when the input step had no need of GEOS (a point, a small simple polygon).
        let geometry = try input.geometry ?? Geometry(shape: input.shape, in: geos)
        let areal = input.shape.type.isAreal
        // Its positions as GEOS holds them, for the overlaps measured by clipping (`ConvexClip`).
        if areal && geometry.shape == nil { geometry.shape = try Shape(wkb: geometry.wkb()) }
        let subject = Subject(geometry: geometry, prepared: try geometry.prepared(), bounds: try geometry.bounds(), areal: areal)
        let rules = RuleTable.rules.filter { $0.applies(proposal) } + RuleTable.assumed(for: proposal, areal: areal)
        var findings: [Finding] = []
        if let outside = try coverage(snapshot).finding(for: subject, overlapMinimum: overlapMinimum) { findings.append(outside) }
        for layer in Layer.allCases {
            let layerRules = rules.filter { $0.layer == layer }
            if layerRules.isEmpty { continue }
            findings += try self.findings(of: layerRules, in: layer, for: subject, snapshot)
        }
        findings.sort {
            if $0.severity != $1.severity { return $0.severity > $1.severity }
            if $0.rule.id != $1.rule.id { return rank($0.rule) < rank($1.rule) }
            return $0.code < $1.code
        }
        var result = CheckResult(proposal: proposal, findings: findings, shape: input.shape,
                                 areaM2: areal ? rounded(try geometry.area()) : 0)
        if let context { result.context = try nearby(subject, within: context, snapshot) }
        return result
    }

    /// A finding's place among its severity's: the rule table's order, a
    /// rule not decided (`assumed.…`, `undecided.…`) after the rule it stands for.
    private func rank(_ rule: Rule) -> Int {
        if let at = order[rule.id] { return at * 2 }
        let stands = rule.id.split(separator: ".", maxSplits: 1).last.map(String.init) ?? rule.id
        return (order[stands] ?? order.count) * 2 + 1
    }

    /// The registry's counties, read once per run.
    private var counties: Coverage?

    func coverage(_ snapshot: Snapshot) throws -> Coverage {
        if let counties { return counties }
        var found: [Coverage.County] = []
        try snapshot.forEachCandidate(layer: .admin, bounds: .everywhere, reach: 0, concerns: [RuleTable.coverage.concern],
                                      geos: geos) { candidate, makeGeometry in
            let geometry = try makeGeometry()
            found.append(Coverage.County(code: candidate.code, name: candidate.name, geometry: geometry,
                                         prepared: try geometry.prepared(), bounds: try geometry.bounds()))
        }
        let coverage = Coverage(counties: found, margin: thresholds[.coverageMargin] ?? Setting.coverageMargin.defaultValue)
        counties = coverage
        return coverage
    }

    /// The proposal as the rules measure it.
    struct Subject {
        let geometry: Geometry
        let prepared: PreparedGeometry
        let bounds: Envelope
        let areal: Bool
    }

    /// The findings of `rules` (all of one layer) against that layer's features.
    private func findings(of rules: [Rule], in layer: Layer, for subject: Subject, _ snapshot: Snapshot) throws -> [Finding] {
        let reach = rules.compactMap { $0.test.distanceSetting.map { thresholds[$0] ?? $0.defaultValue } }.max() ?? 0
        var findings: [Finding] = []
        try snapshot.forEachCandidate(layer: layer, bounds: subject.bounds, reach: reach, concerns: rules.map(\.concern),
                                      geos: geos) { candidate, makeGeometry in
            // Most candidates concern every rule asked: the same array then, none made per candidate.
            let concerned = rules.allSatisfy { $0.concerns(candidate) } ? rules : rules.filter { $0.concerns(candidate) }
            if concerned.isEmpty { return }
            let feature: Geometry, featurePrepared: PreparedGeometry?
            if Checker.isKept(layer) {
                let key = KeptKey(layer: layer, code: candidate.code)
                if let known = kept[key] {
                    (feature, featurePrepared) = known
                } else {
                    let made = try makeGeometry(), prepared = try made.prepared()
                    (feature, featurePrepared) = (made, prepared)
                    kept[key] = (made, prepared)
                }
            } else {
                (feature, featurePrepared) = (try makeGeometry(), nil)
            }
            // A geometry another program wrote may be invalid: the rules cannot be decided on it.
            if let reason = try unusable(layer, candidate.code, feature, snapshot) {
                // Only the rules whose reach its box comes within could have been met.
                let box = try feature.bounds(), b = subject.bounds
                findings += concerned.filter { rule in
                    let reach = rule.test.distanceSetting.map { thresholds[$0] ?? $0.defaultValue } ?? 0
                    return box.minX <= b.maxX + reach && box.maxX >= b.minX - reach && box.minY <= b.maxY + reach && box.maxY >= b.minY - reach
                }.map { undecided($0, layer, candidate, reason) }
                return
            }
            do {
                var relation = try SpatialRelation(subject.geometry, prepared: subject.prepared, areal: subject.areal, feature,
                                                   prepared: featurePrepared, areal: feature.isAreal, overlapMinimum: overlapMinimum)
                var met: [Finding] = []
                for rule in concerned {
                    guard let (area, d) = try self.met(rule.test, &relation) else { continue }
                    met.append(Finding(rule: rule, layer: layer, code: candidate.code, name: candidate.knownAs,
                                       overlapM2: rounded(area), distanceM: rounded(d),
                                       shape: context == nil ? nil : try Shape(wkb: feature.wkb())))
                }
                findings += met
            } catch let error as GeometryEngineError {
                findings += concerned.map { undecided($0, layer, candidate, error.messages.joined(separator: "; ")) }
            }
        }
        return findings
    }

    /// The features other programs wrote (never validated by landreg), read once per run.
    private var editedElsewhere: Set<String>?
    /// Their validity, once each: the reason a geometry is invalid, nil when valid.
    private var invalid: [String: String?] = [:]

    /// Why a registry feature's geometry cannot be used (nil: it can):
    /// only a feature another program wrote can be invalid.
    private func unusable(_ layer: Layer, _ code: String, _ geometry: Geometry, _ snapshot: Snapshot) throws -> String? {
        if editedElsewhere == nil { editedElsewhere = try snapshot.editedElsewhere() }
        // Most registries: nothing edited elsewhere, nothing to look up per candidate.
        if editedElsewhere!.isEmpty { return nil }
        let key = layer.rawValue + "\u{1}" + code
        guard editedElsewhere!.contains(key) else { return nil }
        if let known = invalid[key] { return known }
        let reason = try geometry.invalidity().map { "\($0.reason) at (\(formatDecimal($0.x)), \(formatDecimal($0.y)))" }
        invalid[key] = reason
        return reason
    }

    /// The finding of a rule that could not be decided against a registry
    /// feature: as severe as the rule, naming the feature and why.
    private func undecided(_ rule: Rule, _ layer: Layer, _ candidate: CandidateFeature, _ reason: String) -> Finding {
        Finding(rule: RuleTable.undecided(rule, reason: reason), layer: layer, code: candidate.code, name: candidate.knownAs,
                overlapM2: 0, distanceM: 0, shape: nil)
    }

    /// (overlap m², distance m) when the test is met, else nil.
    private func met(_ test: SpatialTest, _ relation: inout SpatialRelation) throws -> (Double, Double)? {
        switch test {
        case .overlaps:
            return relation.overlaps ? (relation.overlap, 0) : nil
        case .within(let setting):
            let d = try relation.distance()
            return d <= thresholds[setting]! ? (0, d) : nil
        case .withinNotOverlapping(let setting):
            guard !relation.overlaps else { return nil }
            let d = try relation.distance()
            return d <= thresholds[setting]! ? (0, d) : nil
        case .overlapsOrWithin(let setting):
            if relation.overlaps { return (relation.overlap, 0) }
            let d = try relation.distance()
            return d <= thresholds[setting]! ? (0, d) : nil
        }
    }

    /// Every feature within `distance` of the proposal, for the report's map.
    private func nearby(_ subject: Subject, within distance: Double, _ snapshot: Snapshot) throws -> [MapFeature] {
        var nearby: [MapFeature] = []
        for layer in Layer.allCases {
            try snapshot.forEachCandidate(layer: layer, bounds: subject.bounds, reach: distance, geos: geos) { candidate, makeGeometry in
                let feature = try makeGeometry()
                let d = try subject.prepared.distance(to: feature)
                if d <= distance {
                    let kind = candidate["stage"] ?? candidate["class"] ?? candidate["level"]
                    nearby.append(MapFeature(layer: layer.rawValue, code: candidate.code, name: candidate.knownAs,
                                             shape: try Shape(wkb: feature.wkb()), kind: kind, distanceM: rounded(d)))
                }
            }
        }
        return nearby
    }
}
