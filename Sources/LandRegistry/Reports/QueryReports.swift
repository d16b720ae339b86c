/// A query's answer as a table, CSV (UTF-8 with BOM, for Excel), JSON
/// (contract §9) or RFC 7946 GeoJSON (the matched features, for the one map).
public enum QueryReport {
    public enum Format: String, CaseIterable, Sendable { case table, csv, json, geojson }

    /// Writes `result` to `sink` (closing it); `srid` is the registry's CRS.
    public static func write(_ result: QueryResult, format: Format, srid: Int, language: ReportLanguage = .en,
                             to sink: OutputSink) throws {
        switch format {
        case .table: sink.write(table(result, language))
        case .csv: sink.write(csv(result, language))
        case .json: sink.write(json(result))
        case .geojson: try geojson(result, srid: srid, to: sink)
        }
        try sink.finish()
    }

    /// The property names of the rows, in order of first appearance.
    static func propertyNames(_ result: QueryResult) -> [String] {
        var names: [String] = []
        for row in result.rows { for (key, _) in row.properties where key != "code" && !names.contains(key) { names.append(key) } }
        return names
    }

    static func cells(_ row: QueryRow, _ names: [String], _ language: ReportLanguage = .en) -> [String] {
        let values = Dictionary(row.properties, uniquingKeysWith: { a, _ in a })
        return [row.code, row.otherCode ?? "", formatDecimal(row.overlapM2), fixed(row.overlapM2 / squareMetresPerMu, 4),
                formatDecimal(row.distanceM)] + names.map { name in
                    values[name].map { Layer.valueText($0.stringValue ?? $0.jsonText, property: name, language) } ?? ""
                }
    }

    static func header(_ result: QueryResult, _ names: [String], _ language: ReportLanguage) -> [String] {
        (["code", "other_code", "overlap_m2", "overlap_mu", "distance_m"] + names)
            .map { Terms.column($0, language, table: result.query.layer.rawValue) }
    }

    static func table(_ result: QueryResult, _ language: ReportLanguage = .en) -> String {
        let names = propertyNames(result)
        let header = header(result, names, language)
        var text = textTable(header: header, rows: result.rows.map { cells($0, names, language) }) + "\n"
        text += totalsLine(reportWord("total", language), result.totals, language)
        for group in result.groups {
            text += totalsLine(group.key.isEmpty ? (reportWord("(outside any town)", language)) : group.key, group.totals, language)
        }
        return text
    }

    static func totalsLine(_ label: String, _ t: QueryTotals, _ language: ReportLanguage = .en) -> String {
        let (area, areaMu) = (fixed(t.areaM2, 1), fixed(t.areaM2 / squareMetresPerMu, 2))
        let (overlap, overlapMu) = (fixed(t.overlapM2, 1), fixed(t.overlapM2 / squareMetresPerMu, 2))
        let line: Phrase = t.features == 1
            ? Phrase("\(label): 1 feature, \(area) m² (\(areaMu) mu), overlap \(overlap) m² (\(overlapMu) mu)")
            : Phrase("\(label): \(t.features) features, \(area) m² (\(areaMu) mu), overlap \(overlap) m² (\(overlapMu) mu)")
        return line.text(language) + "\n"
    }

    static func csv(_ result: QueryResult, _ language: ReportLanguage = .en) -> String {
        let names = propertyNames(result)
        var text = "\u{FEFF}" + csvLine(header(result, names, language))
        for row in result.rows { text += csvLine(cells(row, names, language)) }
        return text
    }

    static func json(_ result: QueryResult) -> String {
        let q = result.query
        func number(_ value: Double) -> JSONValue { .number(value, formatDecimal(rounded(value))) }
        func totals(_ t: QueryTotals) -> [(String, JSONValue)] {
            [("features", .number(Double(t.features), "\(t.features)")), ("area_m2", number(t.areaM2)), ("overlap_m2", number(t.overlapM2))]
        }
        var relation: JSONValue = .null
        var distance: JSONValue = .null
        switch q.relation {
        case .overlapping?: relation = .string("overlapping")
        case .within(let d)?: relation = .string("within"); distance = .number(d, formatNumber(d))
        case .nearest?: relation = .string("nearest")
        case nil: break
        }
        let rows: [JSONValue] = result.rows.map { row in
            .object([("code", .string(row.code)), ("other_code", row.otherCode.map(JSONValue.string) ?? .null),
                     ("overlap_m2", number(row.overlapM2)), ("distance_m", number(row.distanceM)),
                     ("properties", .object(row.properties))])
        }
        let groups: [JSONValue] = result.groups.map { .object([("key", .string($0.key))] + totals($0.totals)) }
        let object: JSONValue = .object([
            ("layer", .string(q.layer.rawValue)), ("relation", relation), ("other", q.other.map { .string($0.name) } ?? .null),
            ("distance_m", distance), ("as_of", q.asOf.map(JSONValue.string) ?? .null), ("rows", .array(rows)),
            ("totals", .object(totals(result.totals))), ("groups", .array(groups)),
        ])
        return object.jsonText + "\n"
    }

    static func geojson(_ result: QueryResult, srid: Int, to sink: OutputSink) throws {
        var writer = GeoJSONWriter(sink: sink, precision: 7)
        let transformer = try Transformer(from: srid, to: CRS.lonLat)
        writer.begin()
        for match in result.matches {
            var shape = match.shape
            try transformer.transform(&shape)
            var properties = match.properties
            if result.query.relation != nil { properties.append(("matches", .array(match.matches.map(JSONValue.string)))) }
            properties.append(("overlap_m2", .number(rounded(match.overlapM2), formatDecimal(rounded(match.overlapM2)))))
            writer.feature(properties: JSONValue.object(properties).jsonText, shape: shape)
        }
        writer.end()
    }
}

/// `list --format csv|json`: a layer's features (now or as of a date), each
/// with its properties and area.
public enum ListReport {
    public static func csv(_ result: QueryResult, language: ReportLanguage = .en) -> String {
        var names: [String] = []
        for match in result.matches { for (key, _) in match.properties where key != "code" && !names.contains(key) { names.append(key) } }
        let layer = result.query.layer.rawValue
        // Points carry their position (lon, lat), areas their area.
        let points = result.matches.contains { $0.lonLat != nil }
        let measures = points ? ["lon", "lat"] : ["area_m2", "mu"]
        var text = "\u{FEFF}" + csvLine((["code"] + names + measures).map { Terms.column($0, language, table: layer) })
        for match in result.matches {
            let values = Dictionary(match.properties, uniquingKeysWith: { a, _ in a })
            let measured = points ? [match.lonLat.map { fixed($0.lon, 7) } ?? "", match.lonLat.map { fixed($0.lat, 7) } ?? ""]
                : [formatDecimal(rounded(match.areaM2)), fixed(match.areaM2 / squareMetresPerMu, 4)]
            text += csvLine([match.code] + names.map { name in
                values[name].map { Layer.valueText($0.stringValue ?? $0.jsonText, property: name, language) } ?? ""
            } + measured)
        }
        return text
    }

    public static func json(_ result: QueryResult) -> String {
        let features: [JSONValue] = result.matches.map { match in
            .object([("code", .string(match.code)), ("properties", .object(match.properties)),
                     ("area_m2", .number(rounded(match.areaM2), formatDecimal(rounded(match.areaM2))))])
        }
        let totals = result.totals
        return JSONValue.object([
            ("layer", .string(result.query.layer.rawValue)), ("as_of", result.query.asOf.map(JSONValue.string) ?? .null),
            ("features", .array(features)),
            ("totals", .object([("features", .number(Double(totals.features), "\(totals.features)")),
                                ("area_m2", .number(rounded(totals.areaM2), formatDecimal(rounded(totals.areaM2))))])),
        ]).jsonText + "\n"
    }
}
