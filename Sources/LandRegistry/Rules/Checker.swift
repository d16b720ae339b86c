import Foundation
import GRDB

/// One rule met by one registry feature.
public struct Finding: Sendable {
    public let rule: Rule
    public let layer: Layer
    public let code: String
    public let name: String?
    /// Area of the intersection in m² (0 for distance-only findings and points).
    public let overlapM2: Double
    /// Shortest distance in m (0 for overlaps).
    public let distanceM: Double
    /// The feature's geometry in the registry's CRS, when the check keeps
    /// geometry for maps (`CheckOptions.context`).
    public var shape: Shape?
    public var severity: Severity { rule.severity }
}

/// A registry feature near a proposal, for the report's map.
public struct ContextFeature: Sendable {
    public let layer: Layer
    public let code: String
    public let name: String?
    public let shape: Shape
    public let distanceM: Double
}

/// The check of one proposal.
public struct CheckResult: Sendable {
    public let proposal: Proposal
    public let findings: [Finding]
    /// The proposal's geometry in the registry's CRS.
    public let shape: Shape
    /// Its area in m² (0 for points and lines).
    public let areaM2: Double
    /// Features within `CheckOptions.context` metres, when asked for.
    public var context: [ContextFeature] = []
    /// The most severe finding's severity; nil when clear.
    public var verdict: Severity? { findings.map(\.severity).max() }
}

/// Counts of verdicts over a batch.
public struct CheckSummary: Sendable {
    public var proposals = 0
    public var block = 0
    public var condition = 0
    public var warn = 0
    public var clear = 0

    mutating func add(_ verdict: Severity?) {
        proposals += 1
        switch verdict {
        case .block?: block += 1
        case .condition?: condition += 1
        case .warn?: warn += 1
        case nil: clear += 1
        }
    }
}

public struct CheckOptions: Sendable {
    /// The CRS of the proposals, overriding what the file declares.
    public var srid: Int?
    /// Who ran the check, for the record.
    public var by: String
    /// Keep a record of the check in the registry.
    public var record: Bool
    /// Collect the features within this many metres of each proposal, and
    /// the geometry of every finding's feature, for maps.
    public var context: Double?

    public init(srid: Int? = nil, by: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown", record: Bool = true,
                context: Double? = nil) {
        self.srid = srid
        self.by = by
        self.record = record
        self.context = context
    }
}

extension Registry {
    /// Checks every proposal of `reader` against the rule table, streaming:
    /// `each` receives each result as soon as it is known. Bad input stops
    /// the batch with an `InputError` before any record is written.
    @discardableResult
    public func check(_ reader: FeatureReader, options: CheckOptions = CheckOptions(),
                      each: (CheckResult) throws -> Void) throws -> CheckSummary {
        let checker = try Checker(registry: self, context: options.context)
        var summary = CheckSummary()
        var ids = Set<String>()
        let recorder = options.record ? CheckRecorder(registry: self, file: reader.fileName, by: options.by) : nil
        var transformer: Transformer?
        while let feature = try reader.next() {
            let proposal = try Proposal(feature, file: reader.fileName)
            guard ids.insert(proposal.id).inserted else {
                throw InputError(file: reader.fileName, feature: feature.number, code: proposal.id, property: "id",
                                 message: "duplicate proposal id in the file")
            }
            if transformer == nil {
                transformer = try Transformer.forInput(srid: options.srid, declared: reader.declaredSRID,
                                                       registrySRID: srid, file: reader.fileName)
            }
            let result = try checker.check(proposal, shape: feature.shape, transformer: transformer!, file: reader.fileName)
            summary.add(result.verdict)
            try recorder?.add(result)
            try each(result)
        }
        try recorder?.finish(summary)
        return summary
    }

}

/// Applies the rule table to proposals, one at a time.
final class Checker {
    let registry: Registry
    let geos = GEOSContext()
    let thresholds: [Setting: Double]
    let overlapMinimum: Double
    let context: Double?

    /// Per layer: its contract columns, its name, its geometry as WKB, for
    /// the features whose R*Tree box meets a window.
    static let candidateSQL: [Layer: String] = Dictionary(uniqueKeysWithValues: Layer.allCases.map { layer in
        let specs = layer.properties
        let hasName = specs.contains { $0.name == "name" }
        return (layer, """
            SELECT \(specs.map(\.column).joined(separator: ", ")), \(hasName ? "NULL" : "json_extract(extra, '$.name')"), AsBinary(geom)
            FROM \(layer.table)
            WHERE fid IN (SELECT pkid FROM idx_\(layer.table)_geom
                          WHERE xmin <= ?1 AND xmax >= ?2 AND ymin <= ?3 AND ymax >= ?4)
            """)
    })

    init(registry: Registry, context: Double? = nil) throws {
        self.registry = registry
        self.context = context
        var thresholds: [Setting: Double] = [:]
        try registry.read { db in
            for setting in Setting.allCases { thresholds[setting] = try registry.setting(setting, db) }
        }
        self.thresholds = thresholds
        self.overlapMinimum = thresholds[.overlapMinimum] ?? 1
    }

    /// The proposal's geometry in the registry's CRS, validated.
    func projectedGeometry(_ proposal: Proposal, shape: Shape?, transformer: Transformer, file: String) throws -> Geometry {
        func fail(_ message: String) -> InputError {
            InputError(file: file, feature: proposal.number, code: proposal.id, message: message)
        }
        guard let shape else { throw fail("the proposal has no geometry") }
        if let problem = shape.structuralProblem() { throw fail("invalid geometry: \(problem)") }
        if CRS.isGeographic(transformer.source) {
            let b = shape.bounds
            if b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 {
                throw fail("coordinates out of longitude/latitude range; if they are projected metres, pass --srid (e.g. --srid 4547)")
            }
        }
        var projected = shape
        do {
            try transformer.transform(&projected)
        } catch {
            throw fail("\(error)")
        }
        let geometry = try Geometry(wkb: projected.wkb(), in: geos)
        if let problem = try geometry.invalidity() {
            throw fail("invalid geometry: \(problem.reason)")
        }
        return geometry
    }

    func check(_ proposal: Proposal, shape: Shape?, transformer: Transformer, file: String) throws -> CheckResult {
        try registry.read { db in
            let geometry = try projectedGeometry(proposal, shape: shape, transformer: transformer, file: file)
            let prepared = try geometry.prepared()
            let areal = shape?.type.isAreal ?? false
            let bounds = try geometry.bounds()
            let rules = RuleTable.rules.filter { $0.applies(proposal) }
            var findings: [Finding] = []
            for layer in Layer.allCases {
                let layerRules = rules.filter { $0.layer == layer }
                if layerRules.isEmpty { continue }
                let reach = layerRules.compactMap { $0.test.distanceSetting.map { thresholds[$0] ?? $0.defaultValue } }.max() ?? 0
                try forEachCandidate(db, layer: layer, bounds: bounds, reach: reach) { candidate, candidateGeometry in
                    let concerned = layerRules.filter { $0.concerns(candidate) }
                    if concerned.isEmpty { return }
                    let featureGeometry = try candidateGeometry()
                    let intersects = try prepared.intersects(featureGeometry)
                    var overlap = 0.0
                    var overlaps = false
                    if intersects {
                        if areal {
                            overlap = try geometry.overlapArea(with: featureGeometry)
                            overlaps = overlap > overlapMinimum
                        } else {
                            overlaps = true
                        }
                    }
                    var distance: Double?
                    func measuredDistance() throws -> Double {
                        if let distance { return distance }
                        let d = intersects ? 0 : try prepared.distance(to: featureGeometry)
                        distance = d
                        return d
                    }
                    for rule in concerned {
                        var found: (Double, Double)?
                        switch rule.test {
                        case .overlaps:
                            if overlaps { found = (overlap, 0) }
                        case .within(let setting):
                            let d = try measuredDistance()
                            if d <= thresholds[setting]! { found = (0, d) }
                        case .withinNotOverlapping(let setting):
                            if !overlaps {
                                let d = try measuredDistance()
                                if d <= thresholds[setting]! { found = (0, d) }
                            }
                        case .overlapsOrWithin(let setting):
                            if overlaps {
                                found = (overlap, 0)
                            } else {
                                let d = try measuredDistance()
                                if d <= thresholds[setting]! { found = (0, d) }
                            }
                        }
                        if let (area, d) = found {
                            findings.append(Finding(rule: rule, layer: layer, code: candidate.code, name: candidate.name,
                                                    overlapM2: rounded(area), distanceM: rounded(d),
                                                    shape: context == nil ? nil : try Shape(wkb: featureGeometry.wkb())))
                        }
                    }
                }
            }
            let order = Dictionary(uniqueKeysWithValues: RuleTable.rules.enumerated().map { ($1.id, $0) })
            findings.sort {
                if $0.severity != $1.severity { return $0.severity > $1.severity }
                if $0.rule.id != $1.rule.id { return order[$0.rule.id]! < order[$1.rule.id]! }
                return $0.code < $1.code
            }
            var nearby: [ContextFeature] = []
            if let context {
                for layer in Layer.allCases {
                    try forEachCandidate(db, layer: layer, bounds: bounds, reach: context) { candidate, candidateGeometry in
                        let featureGeometry = try candidateGeometry()
                        let d = try prepared.distance(to: featureGeometry)
                        if d <= context {
                            nearby.append(ContextFeature(layer: layer, code: candidate.code, name: candidate.name,
                                                         shape: try Shape(wkb: featureGeometry.wkb()), distanceM: rounded(d)))
                        }
                    }
                }
            }
            let projected = try Shape(wkb: try geometry.wkb())
            var result = CheckResult(proposal: proposal, findings: findings, shape: projected,
                                     areaM2: areal ? rounded(try geometry.area()) : 0)
            result.context = nearby
            return result
        }
    }

    /// Features of `layer` whose bounding box comes within `reach` of
    /// `bounds`, from the layer's R*Tree.
    func forEachCandidate(_ db: Database, layer: Layer,
                          bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), reach: Double,
                          _ body: (CandidateFeature, () throws -> Geometry) throws -> Void) throws {
        let specs = layer.properties
        let hasName = specs.contains { $0.name == "name" }
        let rows = FastStatement(try db.cachedStatement(sql: Checker.candidateSQL[layer]!))
        rows.bind(bounds.maxX + reach, at: 1)
        rows.bind(bounds.minX - reach, at: 2)
        rows.bind(bounds.maxY + reach, at: 3)
        rows.bind(bounds.minY - reach, at: 4)
        defer { rows.reset() }
        let nameColumn = Int32(specs.count), blobColumn = Int32(specs.count + 1)
        while try rows.step(db) {
            var values: [String: String] = [:]
            for (i, spec) in specs.enumerated() where !rows.isNull(Int32(i)) {
                values[spec.name] = spec.kind == .bool ? String(rows.int64(Int32(i))) : rows.text(Int32(i))
            }
            let name = hasName ? values["name"] : rows.text(nameColumn)
            let candidate = CandidateFeature(layer: layer, code: values["code"] ?? "", name: name, values: values)
            try body(candidate) {
                let wkb = rows.blob(blobColumn)
                guard !wkb.isEmpty else { throw RegistryError("feature \(candidate.code) of \(layer.rawValue) has no geometry") }
                return try Geometry(wkb: wkb, in: self.geos)
            }
        }
    }
}

/// Rounds to 0.01 (m, m²).
func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
