/// One thing the audit found wrong with the registry's data.
public struct AuditFinding: Sendable {
    public let check: AuditCheck
    public let layer: Layer
    public let code: String
    public let otherCode: String?
    public let detail: Phrase
}

extension Registry {
    /// The registry's health (the data, not the software): features whose
    /// `town` disagrees with the town polygon holding them, features outside
    /// the county, overlapping farmland parcels, duplicate or overlapping
    /// risk-plots, risk-plots without `stage_date`, outfalls and sections off
    /// their rivers (setting `river_distance_m`).
    public func audit() throws -> [AuditFinding] {
        let minimum = try setting(.overlapMinimum)
        let riverDistance = try setting(.riverDistance)
        return try snapshot { snapshot in
            let auditor = Auditor(snapshot: snapshot, overlapMinimum: minimum)
            // First what another program may have written: the checks after it pass over those features.
            var findings = try auditor.unusable()
            findings += try auditor.stageJumps()
            findings += try auditor.towns()
            findings += try auditor.outsideCounty()
            findings += try auditor.selfOverlaps(.farmland, check: .farmlandOverlap)
            findings += try auditor.selfOverlaps(.riskPlots, check: .riskPlotOverlap)
            findings += try auditor.noStageDate()
            findings += try auditor.offRiver(.outfalls, check: .outfallOffRiver, distance: riverDistance)
            findings += try auditor.offRiver(.sections, check: .sectionOffRiver, distance: riverDistance)
            return findings
        }
    }
}

/// The audit's checks, one method each, on one snapshot.
final class Auditor {
    let snapshot: Snapshot
    let geos = GEOSContext()
    let overlapMinimum: Double

    init(snapshot: Snapshot, overlapMinimum: Double) {
        self.snapshot = snapshot
        self.overlapMinimum = overlapMinimum
    }

    /// Features whose geometry the other checks cannot use, by "layer\u{1}code".
    private var unusableKeys: Set<String> = []

    /// A layer's features that the checks can use (those `unusable()` found are passed over).
    func features(_ layer: Layer, filters: [PropertyFilter] = []) throws -> [SideFeature] {
        var features: [SideFeature] = []
        try snapshot.forEachFeatureRow(layer, asOf: nil, filters: filters) { row in
            guard let properties = try row.properties() else { return }
            let code = properties.first { $0.0 == "code" }?.1.stringValue ?? ""
            guard !unusableKeys.contains(layer.rawValue + "\u{1}" + code),
                  let feature = try? SideFeature(code: code, properties: properties, wkb: row.wkb, geos: geos) else { return }
            features.append(feature)
        }
        return features
    }

    /// Every feature whose geometry is missing, unreadable, of a type its
    /// layer does not take or invalid, and every contract value outside its
    /// enumeration: what QGIS or `sqlite3` can write and landreg's imports never do.
    func unusable() throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for layer in Layer.allCases {
            try snapshot.forEachFeatureRow(layer, asOf: nil, filters: []) { row in
                guard let properties = try row.properties() else { return }
                let wkb = row.wkb
                let code = properties.first { $0.0 == "code" }?.1.stringValue ?? ""
                func found(check: AuditCheck, detail: Phrase) {
                    findings.append(AuditFinding(check: check, layer: layer, code: code, otherCode: nil, detail: detail))
                }
                for spec in layer.properties {
                    guard case .enumeration(let allowed, let context) = spec.kind,
                          let value = properties.first(where: { $0.0 == spec.name })?.1.stringValue, !allowed.contains(value) else { continue }
                    found(check: .unknownValue, detail: "\(spec.name) '\(value)' is not one of \(terms: allowed, in: context)")
                }
                let geometry: Geometry
                do {
                    guard let shape = try? Shape(wkb: wkb) else {
                        unusableKeys.insert(layer.rawValue + "\u{1}" + code)
                        return found(check: .invalidGeometry, detail: wkb.isEmpty ? "no geometry" : "a geometry landreg cannot read")
                    }
                    guard layer.geometryTypes.contains(shape.type) else {
                        unusableKeys.insert(layer.rawValue + "\u{1}" + code)
                        return found(check: .wrongGeometryType, detail: "a \(term: shape.type), where layer \(term: layer) takes \(terms: layer.geometryTypes.sorted { $0.name < $1.name })")
                    }
                    geometry = try Geometry(wkb: wkb, in: geos)
                } catch {
                    unusableKeys.insert(layer.rawValue + "\u{1}" + code)
                    return found(check: .invalidGeometry, detail: "a geometry landreg cannot read")
                }
                if let invalid = try geometry.invalidity() {
                    unusableKeys.insert(layer.rawValue + "\u{1}" + code)
                    found(check: .invalidGeometry, detail: "\(term: invalid.reason, in: "geos") at (\(formatDecimal(invalid.x)), \(formatDecimal(invalid.y))) (import --make-valid repairs it)")
                }
            }
        }
        return findings
    }

    /// Risk-plots whose stage another program changed outside the lifecycle.
    func stageJumps() throws -> [AuditFinding] {
        try snapshot.stageChanges().compactMap { change in
            guard change.external, let from = Stage(rawValue: change.from), let to = Stage(rawValue: change.to),
                  from != to, !from.next.contains(to) else { return nil }
            return AuditFinding(check: .illegalStageChange, layer: .riskPlots, code: change.code, otherCode: nil,
                                detail: "stage \(term: from) → \(term: to) on \(change.date) by another program; from \(term: from) the next stage is one of \(terms: from.next)")
        }
    }

    func towns() throws -> [AuditFinding] {
        let towns = Towns(try features(.admin, filters: [PropertyFilter(property: "kind", values: [AdminKind.town.name])]), geos: geos)
        guard !towns.isEmpty else { return [] }
        var findings: [AuditFinding] = []
        for layer in Layer.allCases where layer.properties.contains(where: { $0.name == "town" }) {
            for feature in try features(layer) {
                guard let said = feature.properties.first(where: { $0.0 == "town" })?.1.stringValue else { continue }
                let holder = try towns.holdingMostOf(feature)
                if holder != said {
                    findings.append(AuditFinding(check: .townMismatch, layer: layer, code: feature.code, otherCode: nil,
                                                 detail: holder.isEmpty ? "town says \(said), but no town polygon holds it" : "town says \(said), the polygon holding it is \(holder)"))
                }
            }
        }
        return findings
    }

    func outsideCounty() throws -> [AuditFinding] {
        let counties = try features(.admin, filters: [PropertyFilter(property: "kind", values: ["county"])])
        guard !counties.isEmpty else { return [] }
        var findings: [AuditFinding] = []
        for layer in Layer.allCases where layer != .admin {
            for feature in try features(layer) where try !counties.contains(where: { try $0.geometry.intersects(feature.geometry) }) {
                findings.append(AuditFinding(check: .outsideCounty, layer: layer, code: feature.code, otherCode: nil,
                                             detail: "lies outside the county"))
            }
        }
        return findings
    }

    /// Pairs of a layer's features that overlap each other (or are the same).
    func selfOverlaps(_ layer: Layer, check: AuditCheck) throws -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let source = CandidateSource.registry(try CandidateLookup(snapshot, layer: layer, filters: []))
        for feature in try features(layer) where feature.areal {
            for other in try source.candidates(feature.bounds, reach: 0, geos: geos) where other.code > feature.code && other.areal {
                let relation = try SpatialRelation(feature.geometry, areal: true, other.geometry, areal: true, overlapMinimum: overlapMinimum)
                guard relation.overlaps else { continue }
                let overlap = relation.overlap
                let (area, otherArea) = (try feature.geometry.area(), try other.geometry.area())
                let same = abs(overlap - area) < 0.01 && abs(overlap - otherArea) < 0.01
                let kind: AuditCheck = same && layer == .riskPlots ? .riskPlotDuplicate : check
                findings.append(AuditFinding(check: kind, layer: layer,
                                             code: feature.code, otherCode: other.code,
                                             detail: same ? "the same plot twice" : "overlap \(fixed(overlap, 1)) m²"))
            }
        }
        return findings
    }

    func noStageDate() throws -> [AuditFinding] {
        try features(.riskPlots).filter { f in !f.properties.contains { $0.0 == "stage_date" } }.map {
            AuditFinding(check: .noStageDate, layer: .riskPlots, code: $0.code, otherCode: nil, detail: "no stage_date")
        }
    }

    /// Points farther than `distance` from any river, or from the river they name.
    func offRiver(_ layer: Layer, check: AuditCheck, distance: Double) throws -> [AuditFinding] {
        let rivers = try features(.rivers)
        guard !rivers.isEmpty else { return [] }
        var findings: [AuditFinding] = []
        for point in try features(layer) {
            let named = point.properties.first { $0.0 == "river" }?.1.stringValue
            let candidates = named.map { name in rivers.filter { $0.properties.first { $0.0 == "name" }?.1.stringValue == name } } ?? rivers
            guard !candidates.isEmpty else {
                findings.append(AuditFinding(check: check, layer: layer, code: point.code, otherCode: nil,
                                             detail: "names river \(named ?? ""), which the registry does not have"))
                continue
            }
            let nearest = try candidates.map { ($0, try point.geometry.distance(to: $0.geometry)) }.min { $0.1 < $1.1 }!
            if nearest.1 > distance {
                findings.append(AuditFinding(check: check, layer: layer, code: point.code, otherCode: nearest.0.code,
                                             detail: named.map { "\(fixed(nearest.1, 1)) m from \($0)" } ?? "\(fixed(nearest.1, 1)) m from the nearest river"))
            }
        }
        return findings
    }
}
