extension Registry {
    /// Answers an overlay question (contract §9) from one snapshot: the
    /// pairs, each matched feature once with the union of its overlaps, the
    /// totals and, with `sumBy`, the groups.
    public func query(_ query: Query) throws -> QueryResult {
        var query = query
        if let asOf = query.asOf {
            guard let day = normalizedDate(asOf) else { throw InvalidArgument(.asOf, "'\(asOf)' is not a date YYYY-MM-DD") }
            query.asOf = day
        }
        if case .within(let d)? = query.relation, !(d >= 0 && d.isFinite) {
            throw InvalidArgument(.distance, "\(d) is not a distance in metres ≥ 0")
        }
        let minimum = try setting(.overlapMinimum)
        let other = try query.other.flatMap { other -> [SideFeature]? in
            guard case .file = other else { return nil }
            return try QueryRunner.readFile(other, registrySRID: srid, filters: query.otherFilters)
        }
        return try snapshot { snapshot in
            let runner = try QueryRunner(query, snapshot: snapshot, overlapMinimum: minimum, fileFeatures: other)
            return try runner.run()
        }
    }
}

/// Runs one query on one snapshot.
final class QueryRunner {
    let query: Query
    let snapshot: Snapshot
    let geos = GEOSContext()
    let overlapMinimum: Double
    private let fileFeatures: [SideFeature]?
    /// The distance of the last nearest feature found.
    private var lastNearest = 1000.0
    /// Points to lon/lat, for the tables (made at the first point).
    var pointTransformer: Transformer?

    init(_ query: Query, snapshot: Snapshot, overlapMinimum: Double, fileFeatures: [SideFeature]?) throws {
        self.query = query
        self.snapshot = snapshot
        self.overlapMinimum = overlapMinimum
        self.fileFeatures = fileFeatures
        try snapshot.check(query.filters, on: query.layer)
        if case .layer(let layer)? = query.other {
            do { try snapshot.check(query.otherFilters, on: layer) } catch let error as InvalidArgument {
                guard case .filter(let text) = error.argument else { throw error }
                throw InvalidArgument(.otherFilter(text), error.message)
            }
        }
        if let sumBy = query.sumBy, sumBy != "town" {
            do { try snapshot.check([PropertyFilter(property: sumBy, values: [])], on: query.layer) } catch {
                throw InvalidArgument(.sumBy(sumBy), "layer \(query.layer.rawValue) has no property '\(sumBy)'; sum by town or one of \(query.layer.properties.map(\.name).joined(separator: ", "))")
            }
        }
    }

    /// A file as the other side, read as `import` reads it, in the registry's CRS.
    /// Its features that pass `filters` (each property must be one the
    /// file has: a filter that can never hold is wrong usage, not an empty answer).
    static func readFile(_ other: Query.Other, registrySRID: Int, filters: [PropertyFilter] = []) throws -> [SideFeature] {
        guard case .file(let path, let format, let mapping, let encoding, let srid) = other else { return [] }
        let reader = try openFeatureReader(path: path, format: format, mapping: mapping, encoding: encoding)
        let geos = GEOSContext()
        var input: InputGeometry?
        var features: [SideFeature] = []
        while let feature = try reader.next() {
            // After the first feature: a GeoJSON's legacy crs member comes before it.
            if input == nil {
                input = try InputGeometry(reader: reader, srid: srid, registrySRID: registrySRID, geos: geos, accepted: nil, policy: .reject)
            }
            let code = feature.code ?? feature.property("id").map { $0.stringValue ?? $0.jsonText } ?? "\(feature.number)"
            let prepared = try input!.prepare(feature.shape, feature: feature.number, code: code)
            features.append(try SideFeature(code: code, properties: feature.properties, wkb: prepared.wkb, geos: geos))
        }
        for filter in filters where !features.contains(where: { f in f.properties.contains { $0.0 == filter.property } }) {
            let names = Set(features.flatMap { $0.properties.map(\.0) }).sorted()
            var message: Phrase = "\(reader.fileName) has no property '\(filter.property)'"
            if let near = closest(filter.property, in: names) {
                message += " (did you mean '\(near)'?)"
            } else if !names.isEmpty {
                message += "; its properties are \(names.joined(separator: ", "))"
            }
            throw InvalidArgument(.otherFilter("\(filter.property)=\(filter.values.joined(separator: ","))"), message)
        }
        return features.filter { feature in filters.allSatisfy { $0.holds(for: feature.properties) } }
    }

    /// One relation between a feature and an other feature: overlap and distance.
    struct Pair {
        let code: String
        let otherCode: String
        let overlap: Double
        let distance: Double
        /// The intersection, when both are areal and overlap.
        let intersection: Geometry?
    }

    func run() throws -> QueryResult {
        var pairs: [String: [Pair]] = [:]
        var features: [String: SideFeature] = [:]
        if try drivesByOther(), case .layer(let otherLayer)? = query.other {
            // Few features on the other side: look up the layer's R*Tree from each of them.
            let reach: Double
            if case .within(let d)? = query.relation { reach = d } else { reach = 0 }
            let layerSource = CandidateSource.registry(try CandidateLookup(snapshot, layer: query.layer, filters: query.filters))
            try forEachFeature(otherLayer, filters: query.otherFilters) { other in
                for feature in try layerSource.candidates(other.bounds, reach: reach, geos: geos) {
                    guard let pair = try measure(feature, other, within: query.relation == .overlapping ? nil : reach) else { continue }
                    features[feature.code] = feature
                    pairs[feature.code, default: []].append(pair)
                }
            }
            try fillProperties(&features)
            return try result(features: features, pairs: pairs)
        }
        let reach: Double
        if case .within(let d)? = query.relation { reach = d } else { reach = 0 }
        if query.asOf == nil && query.relation != nil {
            // Now: the layer's codes and geometries, its properties only for the matched features.
            try snapshot.forEachCodeAndGeometry(query.layer, filters: query.filters) { code, wkb in
                if let source = otherSource, query.relation != .nearest, !wkb.isEmpty,
                   try source.isEmpty(around: try Shape(wkb: wkb).bounds, reach: reach) { return }
                let feature = try SideFeature(code: code, properties: [], wkb: wkb, geos: geos)
                let found = try pairsOf(feature)
                if !found.isEmpty { (features[code], pairs[code]) = (feature, found) }
            }
            try fillProperties(&features)
            return try result(features: features, pairs: pairs)
        }
        try snapshot.forEachFeatureRow(query.layer, asOf: query.asOf, filters: query.filters) { row in
            // Rows with no candidate cost neither a JSON parse nor a GEOS geometry.
            if let source = otherSource, query.relation != .nearest, !row.wkb.isEmpty,
               try source.isEmpty(around: try Shape(wkb: row.wkb).bounds, reach: reach) { return }
            guard let properties = try row.properties() else { return }
            let feature = try SideFeature(code: properties.first { $0.0 == "code" }?.1.stringValue ?? "", properties: properties,
                                          wkb: row.wkb, geos: geos)
            guard query.relation != nil else { features[feature.code] = feature; return }
            let found = try pairsOf(feature)
            if !found.isEmpty { (features[feature.code], pairs[feature.code]) = (feature, found) }
        }
        return try result(features: features, pairs: pairs)
    }

    /// The properties of the matched features of the layer (now), read by code.
    private func fillProperties(_ features: inout [String: SideFeature]) throws {
        let properties = try snapshot.properties(query.layer, codes: Array(features.keys))
        for (code, feature) in features {
            features[code] = SideFeature(code: code, properties: properties[code] ?? [], geometry: feature.geometry,
                                         bounds: feature.bounds, areal: feature.areal)
        }
    }

    /// Whether to drive the query from the other side: both registry layers
    /// as they are now, overlapping or within, and the other side much smaller.
    private func drivesByOther() throws -> Bool {
        guard query.asOf == nil, case .layer(let other)? = query.other, query.relation != nil, query.relation != .nearest else { return false }
        let others = try snapshot.count(other, filters: query.otherFilters)
        return try others * 4 < snapshot.count(query.layer, filters: query.filters, upTo: others * 4 + 1)
    }

    /// The features of a layer (now or as of the query's date) that pass the filters.
    func forEachFeature(_ layer: Layer, filters: [PropertyFilter], _ body: (SideFeature) throws -> Void) throws {
        try snapshot.forEachFeatureRow(layer, asOf: query.asOf, filters: filters) { row in
            guard let properties = try row.properties() else { return }
            let code = properties.first { $0.0 == "code" }?.1.stringValue ?? ""
            try body(try SideFeature(code: code, properties: properties, wkb: row.wkb, geos: geos))
        }
    }

    /// Where the other side's candidates come from.
    private lazy var otherSource: CandidateSource? = {
        switch query.other {
        case nil: return nil
        case .file?: return .memory(MemoryIndex(fileFeatures ?? []))
        case .layer(let layer)?:
            if query.asOf == nil, let lookup = try? CandidateLookup(snapshot, layer: layer, filters: query.otherFilters) { return .registry(lookup) }
            var features: [SideFeature] = []
            try? forEachFeature(layer, filters: query.otherFilters) { features.append($0) }
            return .memory(MemoryIndex(features))
        }
    }()

    /// The pairs of one feature with the other side.
    private func pairsOf(_ feature: SideFeature) throws -> [Pair] {
        guard let source = otherSource, let relation = query.relation else { return [] }
        switch relation {
        case .overlapping:
            return try source.candidates(feature.bounds, reach: 0, geos: geos).compactMap { other in
                try measure(feature, other, within: nil)
            }
        case .within(let distance):
            return try source.candidates(feature.bounds, reach: distance, geos: geos).compactMap { other in
                try measure(feature, other, within: distance)
            }
        case .nearest:
            return try nearest(feature, source).map { [$0] } ?? []
        }
    }

    /// The pair when it meets the relation: overlapping (`within` nil) or
    /// within a distance. A geometry GEOS cannot use (another program wrote
    /// an invalid one) is named, with what to do.
    private func measure(_ feature: SideFeature, _ other: SideFeature, within: Double?) throws -> Pair? {
        do {
            return try measured(feature, other, within: within)
        } catch let error as GeometryEngineError {
            var named: (SideFeature, Layer?) = (feature, query.layer)
            if try feature.geometry.invalidity() == nil {
                if case .layer(let layer)? = query.other { named = (other, layer) } else { named = (other, nil) }
            }
            throw RegistryError("feature \(named.0.code) of \(named.1?.rawValue ?? "the file") has a geometry the geometry engine cannot use (\(error.messages.joined(separator: "; "))): repair it (landreg audit lists it)")
        }
    }

    private func measured(_ feature: SideFeature, _ other: SideFeature, within: Double?) throws -> Pair? {
        var relation = try SpatialRelation(feature.geometry, areal: feature.areal, other.geometry, areal: other.areal,
                                           overlapMinimum: overlapMinimum, keepIntersection: true)
        if let within {
            let distance = try relation.distance()
            guard distance <= within else { return nil }
            return Pair(code: feature.code, otherCode: other.code, overlap: relation.overlap, distance: distance,
                        intersection: relation.intersection)
        }
        guard relation.overlaps else { return nil }
        return Pair(code: feature.code, otherCode: other.code, overlap: relation.overlap, distance: 0, intersection: relation.intersection)
    }

    /// The nearest feature of the other side: windows doubling until one is
    /// found, then every feature within that distance measured (ties: the
    /// smallest code).
    private func nearest(_ feature: SideFeature, _ source: CandidateSource) throws -> Pair? {
        // Neighbours lie about as far apart everywhere: start near the last distance found.
        var reach = max(50, lastNearest / 2)
        while reach < 5_000_000 {
            let candidates = try source.candidates(feature.bounds, reach: reach, geos: geos)
            if !candidates.isEmpty {
                var best: (SideFeature, Double)?
                let all = try source.candidates(feature.bounds, reach: reach * 1.5, geos: geos)
                for other in all {
                    let d = try feature.geometry.distance(to: other.geometry)
                    if best == nil || d < best!.1 || (d == best!.1 && other.code < best!.0.code) { best = (other, d) }
                }
                guard let (other, distance) = best, distance <= reach * 1.5 else { reach *= 2; continue }
                lastNearest = distance
                return try measure(feature, other, within: distance)
            }
            reach *= 2
        }
        return nil
    }
}
