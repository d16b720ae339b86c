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
    public var severity: Severity { rule.severity }
}

/// The check of one proposal.
public struct CheckResult: Sendable {
    public let proposal: Proposal
    public let findings: [Finding]
    /// The proposal's geometry in the registry's CRS.
    public let shape: Shape
    /// Its area in m² (0 for points and lines).
    public let areaM2: Double
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

    public init(srid: Int? = nil, by: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown", record: Bool = true) {
        self.srid = srid
        self.by = by
        self.record = record
    }
}

extension Registry {
    /// Checks every proposal of `reader` against the rule table, streaming:
    /// `each` receives each result as soon as it is known. Bad input stops
    /// the batch with an `InputError` before any record is written.
    @discardableResult
    public func check(_ reader: FeatureReader, options: CheckOptions = CheckOptions(),
                      each: (CheckResult) throws -> Void) throws -> CheckSummary {
        let checker = try Checker(registry: self)
        var summary = CheckSummary()
        var ids = Set<String>()
        let recorder = options.record ? CheckRecorder(registry: self, file: reader.fileName, by: options.by) : nil
        var sourceSRID: Int?
        while let feature = try reader.next() {
            let proposal = try Proposal(feature, file: reader.fileName)
            guard ids.insert(proposal.id).inserted else {
                throw InputError(file: reader.fileName, feature: feature.number, code: proposal.id, property: "id",
                                 message: "duplicate proposal id in the file")
            }
            if sourceSRID == nil { sourceSRID = try resolveInputSRID(options.srid ?? reader.declaredSRID, file: reader.fileName) }
            let result = try checker.check(proposal, shape: feature.shape, sourceSRID: sourceSRID!, file: reader.fileName)
            summary.add(result.verdict)
            try recorder?.add(result)
            try each(result)
        }
        try recorder?.finish(summary)
        return summary
    }

    /// The CRS of input coordinates: the given one, else lon/lat; WGS 84
    /// lon/lat is read as CGCS2000 lon/lat.
    func resolveInputSRID(_ srid: Int?, file: String) throws -> Int {
        let value = srid ?? CRS.lonLat
        let source = value == 4326 ? CRS.lonLat : value
        let known = try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM spatial_ref_sys WHERE srid = ?", arguments: [source]) ?? 0
        }
        guard known > 0 else { throw InputError(file: file, message: "EPSG:\(value) is not a CRS SpatiaLite knows") }
        return source
    }
}

/// Applies the rule table to proposals, one at a time.
final class Checker {
    let registry: Registry
    let geos = GEOSContext()
    let thresholds: [Setting: Double]
    let overlapMinimum: Double

    init(registry: Registry) throws {
        self.registry = registry
        var thresholds: [Setting: Double] = [:]
        try registry.read { db in
            for setting in Setting.allCases { thresholds[setting] = try registry.setting(setting, db) }
        }
        self.thresholds = thresholds
        self.overlapMinimum = thresholds[.overlapMinimum] ?? 1
    }

    /// The proposal's geometry in the registry's CRS, validated.
    func projectedGeometry(_ proposal: Proposal, shape: Shape?, sourceSRID: Int, file: String, _ db: Database) throws -> Geometry {
        func fail(_ message: String) -> InputError {
            InputError(file: file, feature: proposal.number, code: proposal.id, message: message)
        }
        guard let shape else { throw fail("the proposal has no geometry") }
        if let problem = shape.structuralProblem() { throw fail("invalid geometry: \(problem)") }
        if CRS.isGeographic(sourceSRID) {
            let b = shape.bounds
            if b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 {
                throw fail("coordinates out of longitude/latitude range; if they are projected metres, pass --srid (e.g. --srid 4547)")
            }
        }
        var wkb = shape.wkb()
        if sourceSRID != registry.srid {
            let statement = try db.cachedStatement(sql: "SELECT AsBinary(ST_Transform(GeomFromWKB(?, ?), ?))")
            guard let projected = try Data.fetchOne(statement, arguments: [Data(wkb), sourceSRID, registry.srid]) else {
                throw fail("the geometry could not be transformed from EPSG:\(sourceSRID) to EPSG:\(registry.srid)")
            }
            wkb = [UInt8](projected)
        }
        let geometry = try Geometry(wkb: wkb, in: geos)
        if let problem = try geometry.invalidity() {
            throw fail("invalid geometry: \(problem.reason)")
        }
        return geometry
    }

    func check(_ proposal: Proposal, shape: Shape?, sourceSRID: Int, file: String) throws -> CheckResult {
        try registry.read { db in
            let geometry = try projectedGeometry(proposal, shape: shape, sourceSRID: sourceSRID, file: file, db)
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
                                                    overlapM2: rounded(area), distanceM: rounded(d)))
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
            let projected = try Shape(wkb: try geometry.wkb())
            return CheckResult(proposal: proposal, findings: findings, shape: projected,
                               areaM2: areal ? rounded(try geometry.area()) : 0)
        }
    }

    /// Features of `layer` whose bounding box comes within `reach` of
    /// `bounds`, from the layer's R*Tree.
    func forEachCandidate(_ db: Database, layer: Layer,
                          bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), reach: Double,
                          _ body: (CandidateFeature, () throws -> Geometry) throws -> Void) throws {
        let specs = layer.properties
        let hasName = specs.contains { $0.name == "name" }
        let statement = try db.cachedStatement(sql: """
            SELECT \(specs.map(\.column).joined(separator: ", ")), \(hasName ? "" : "json_extract(extra, '$.name'), ")AsBinary(geom)
            FROM \(layer.table)
            WHERE fid IN (SELECT pkid FROM idx_\(layer.table)_geom
                          WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?)
            """)
        let rows = try Row.fetchCursor(statement, arguments: [bounds.maxX + reach, bounds.minX - reach,
                                                              bounds.maxY + reach, bounds.minY - reach])
        while let row = try rows.next() {
            var values: [String: String] = [:]
            for (i, spec) in specs.enumerated() {
                let value: DatabaseValue = row[i]
                switch value.storage {
                case .string(let s): values[spec.name] = s
                case .int64(let n): values[spec.name] = String(n)
                default: break
                }
            }
            let name: String? = hasName ? values["name"] : row[specs.count]
            let candidate = CandidateFeature(layer: layer, code: values["code"] ?? "", name: name, values: values)
            let blobIndex = hasName ? specs.count : specs.count + 1
            try body(candidate) {
                guard let wkb = row[blobIndex] as Data? else { throw RegistryError("feature \(candidate.code) of \(layer.rawValue) has no geometry") }
                return try Geometry(wkb: [UInt8](wkb), in: self.geos)
            }
        }
    }
}

/// Rounds to 0.01 (m, m²).
func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
