/// The answer from the pairs: rows in code order, each matched feature once
/// with the union of its overlaps, totals and groups.
extension QueryRunner {
    func result(features: [String: SideFeature], pairs: [String: [Pair]]) throws -> QueryResult {
        var rows: [QueryRow] = []
        var matches: [QueryMatch] = []
        let towns = Towns(query.sumBy == "town" ? try loadTowns() : [], geos: geos)
        for code in features.keys.sorted() {
            let feature = features[code]!
            let found = (pairs[code] ?? []).sorted { $0.otherCode < $1.otherCode }
            if query.relation == nil {
                rows.append(QueryRow(code: code, otherCode: nil, overlapM2: 0, distanceM: 0, properties: feature.properties))
            }
            for pair in found {
                rows.append(QueryRow(code: code, otherCode: pair.otherCode, overlapM2: rounded(pair.overlap),
                                     distanceM: rounded(pair.distance), properties: feature.properties))
            }
            let overlap = try Geometry.unionArea(found.compactMap(\.intersection), in: geos)
            var match = QueryMatch(code: code, properties: feature.properties, shape: try Shape(wkb: feature.geometry.wkb()),
                                   areaM2: feature.areal ? try feature.geometry.area() : 0, overlapM2: overlap,
                                   matches: found.map(\.otherCode))
            if match.shape.type == .point {
                if pointTransformer == nil { pointTransformer = try Transformer(from: snapshot.srid, to: CRS.lonLat) }
                var point = match.shape
                try pointTransformer!.transform(&point)
                match.lonLat = (point.xy[0], point.xy[1])
            }
            if let sumBy = query.sumBy {
                match.group = sumBy == "town" ? try towns.holdingMostOf(feature)
                    : feature.properties.first { $0.0 == sumBy }.map { $0.1.stringValue ?? $0.1.jsonText } ?? ""
            }
            matches.append(match)
        }
        var totals = QueryTotals()
        var groups: [String: QueryTotals] = [:]
        for match in matches {
            totals.add(match)
            if let group = match.group { groups[group, default: QueryTotals()].add(match) }
        }
        return QueryResult(query: query, rows: rows, matches: matches, totals: totals,
                           groups: groups.keys.sorted().map { ($0, groups[$0]!) })
    }

    /// The admin towns as of the query's date.
    private func loadTowns() throws -> [SideFeature] {
        var towns: [SideFeature] = []
        try forEachFeature(.admin, filters: [PropertyFilter(property: "kind", values: [AdminKind.town.name])]) { towns.append($0) }
        return towns
    }

}
