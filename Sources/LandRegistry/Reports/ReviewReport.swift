import Foundation

/// The quarterly review as files: CSV tables, `flagged.geojson`, `review.html`.
public enum ReviewReport {
    /// Writes the review to `directory`: one CSV per table
    /// (UTF-8 with a BOM, for spreadsheets), `flagged.geojson` for the one
    /// map, and a self-contained `review.html` with a map of the county.
    /// Returns the files written.
    @discardableResult
    public static func write(_ review: QuarterlyReview, registry: RegistryDescription, to directory: String,
                             language: ReportLanguage) throws -> [String] {
        try AtomicFolder.write(directory) { folder in try write(review, registry: registry, into: folder, language: language) }
    }

    private static func write(_ review: QuarterlyReview, registry: RegistryDescription, into directory: String,
                              language: ReportLanguage) throws -> [String] {
        var written: [String] = []
        for table in review.tables + [review.towns] {
            let sink = try OutputSink(path: directory + "/" + table.file)
            sink.write("\u{FEFF}")
            sink.write(csvLine(table.header.map { Terms.column($0, language, table: table.file) }))
            for row in table.rows { sink.write(csvLine(row.map { $0.text(language) })) }
            try sink.finish()
            written.append(table.file)
        }
        // flagged.geojson: every flagged feature, with the table it is flagged in.
        let geojson = try OutputSink(path: directory + "/flagged.geojson")
        var writer = GeoJSONWriter(sink: geojson, precision: 7)
        let transformer = try Transformer(from: registry.srid, to: CRS.lonLat)
        writer.begin()
        for feature in review.flagged {
            var shape = feature.shape
            try transformer.transform(&shape)
            let properties = JSONValue.object([("table", .string(feature.table.replacingOccurrences(of: ".csv", with: ""))),
                                               ("layer", .string(feature.layer)), ("code", .string(feature.code))]).jsonText
            writer.feature(properties: properties, shape: shape)
        }
        writer.end()
        try geojson.finish()
        written.append("flagged.geojson")

        try writeHTML(review, registry: registry, to: try OutputSink(path: directory + "/review.html"), language: language)
        written.append("review.html")
        return written
    }

    private static let palette = ["#ad1457", "#b71c1c", "#e65100", "#f9a825", "#6d4c41", "#1565c0", "#2e7d32", "#0277bd", "#6a1b9a", "#00838f"]

    /// The review as one self-contained HTML page (`review.html`), with a map of the county.
    public static func writeHTML(_ review: QuarterlyReview, registry: RegistryDescription, to sink: OutputSink,
                                 language: ReportLanguage) throws {
        sink.write(htmlHead(review, registry: registry, language: language))
        for warning in review.warnings {
            sink.write("<p style=\"color:#b71c1c;font-weight:bold\">\(reportWord("Note", language)): \(escapeHTML(warning.text(language)))</p>\n")
        }
        sink.write(countyMap(review, language: language))
        sink.write(tableSections(review, language: language))
        sink.write("</body></html>\n")
        try sink.finish()
    }

    /// The page's head, the registry it was made from, the summary table.
    private static func htmlHead(_ review: QuarterlyReview, registry: RegistryDescription, language: ReportLanguage) -> String {
        var html = """
            <!doctype html>
            <html lang="\(language.htmlTag)"><head><meta charset="utf-8">
            <title>\(reportWord("Quarterly land-safety review", language)) \(review.quarter)</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:64em;color:#222;line-height:1.45}
            h1{font-size:1.5em}h2{font-size:1.15em;border-top:2px solid #444;padding-top:.6em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.85em}td,th{border:1px solid #bbb;padding:.2em .45em;vertical-align:top;text-align:left}
            th{background:#eee}.num{text-align:right}.meta td:first-child{color:#555}
            .swatch{display:inline-block;width:.9em;height:.9em;border:2px solid;margin:0 .3em 0 .8em;vertical-align:-.1em}
            @media print{body{margin:0;max-width:none}h2{page-break-before:always}}
            </style></head><body>
            <h1>\(reportWord("Quarterly land-safety review", language)) — \(review.quarter)\(language.bracketed("\(review.quarter.start) – \(review.quarter.end)"))</h1>
            <table class="meta"><tr><td>\(reportWord("Registry", language))</td><td>\(escapeHTML(registry.path)) (EPSG:\(registry.srid))</td></tr>
            <tr><td>\(reportWord("Made at", language))</td><td>\(localTime(Date()))</td></tr>
            <tr><td>\(Terms.label("label.basis", language))</td><td>\(reportWord("Lingchuan soil plan 2023, task 9 (quarterly review) and task 13 (clear to zero)", language))</td></tr></table>
            <h2>\(Terms.label("label.summary", language))</h2><table><tr><th>\(reportWord("table", language))</th><th class="num">\(reportWord("rows", language))</th></tr>

            """
        for table in review.tables {
            html += "<tr><td><a href=\"#\(table.file)\">\(escapeHTML(table.title.text(language)))</a> (\(table.file))</td><td class=\"num\">\(table.rows.count)</td></tr>\n"
        }
        html += "</table>\n"
        return html
    }

    /// The county map: towns as outlines, flagged features coloured by table.
    private static func countyMap(_ review: QuarterlyReview, language: ReportLanguage) -> String {
        var html = ""
        var map = SVGMap(width: 720, height: 520)
        for area in review.areas {
            let county = area.kind == AdminKind.county.name
            map.add(area.shape, style: SVGMap.Style(stroke: "#7e57c2", strokeWidth: county ? 2 : 1, dash: county ? nil : "6 3"),
                    label: area.kind == AdminKind.town.name ? area.name?.text(language) : nil)
        }
        var legend = ""
        for (k, table) in review.tables.enumerated() {
            let color = palette[k % palette.count]
            let features = review.flagged.filter { $0.table == table.file }
            for feature in features {
                map.add(feature.shape, style: SVGMap.Style(stroke: color, fill: color, fillOpacity: 0.5, strokeWidth: 2))
            }
            if !features.isEmpty {
                let stem = table.file.replacingOccurrences(of: ".csv", with: "")
                let name = language == .en ? table.file : Terms.column(stem, language)
                legend += "<span class=\"swatch\" style=\"border-color:\(color);background:\(color)\"></span>\(escapeHTML(name))"
            }
        }
        html += "<h2>\(reportWord("County map", language))</h2><figure>" + map.render(title: "county", northLabel: reportWord("N", language))
        html += "<figcaption>\(legend)</figcaption></figure>\n"
        return html
    }

    /// One section per table: its rows (the first 500) and maps of its places.
    private static func tableSections(_ review: QuarterlyReview, language: ReportLanguage) -> String {
        var html = ""
        for table in review.tables + [review.towns] {
            html += "<h2 id=\"\(table.file)\">\(escapeHTML(table.title.text(language))) <small>(\(table.file), \(table.rows.count))</small></h2>\n"
            if table.rows.isEmpty {
                html += "<p>\(reportWord("None.", language))</p>\n"
                continue
            }
            html += "<table><tr>" + table.header.map { "<th>\(escapeHTML(Terms.column($0, language, table: table.file)))</th>" }.joined() + "</tr>\n"
            for row in table.rows.prefix(500) {
                html += "<tr>" + row.map { "<td>\(escapeHTML($0.text(language)))</td>" }.joined() + "</tr>\n"
            }
            html += "</table>\n"
            html += placeMaps(review, table: table.file, color: palette[(review.tables.firstIndex { $0.file == table.file } ?? 0) % palette.count],
                              language: language)
            if table.rows.count > 500 { html += "<p>\(reportWord("First 500 rows; all of them in", language)) \(table.file).</p>\n" }
        }
        return html
    }

    /// How much of the county around a flagged place its small map shows (m).
    static let placeContext = 300.0

    /// Small maps of the first flagged places of a table: the place, the
    /// other flagged features around it, `placeContext` around.
    static func placeMaps(_ review: QuarterlyReview, table: String, color: String, language: ReportLanguage) -> String {
        let places = review.flagged.filter { $0.table == table && $0.layer != "proposals" }
        let proposals = review.flagged.filter { $0.table == table && $0.layer == "proposals" }
        guard !places.isEmpty || !proposals.isEmpty else { return "" }
        var html = "<div class=\"places\">"
        var shown = Set<String>()
        for place in (proposals + places) where shown.insert(place.layer + place.code).inserted {
            if shown.count > 12 { break }
            var map = SVGMap(width: 300, height: 220)
            let frame = place.shape.bounds.expanded(by: placeContext)
            for other in review.flagged where other.code != place.code {
                if other.shape.bounds.intersects(frame) {
                    map.add(other.shape, style: SVGMap.Style(stroke: "#888", fill: "#bbb", fillOpacity: 0.3, strokeWidth: 1), label: other.code)
                }
            }
            map.add(place.shape, style: SVGMap.Style(stroke: color, fill: color, fillOpacity: 0.5, strokeWidth: 2), label: place.code, placement: .below)
            html += "<figure style=\"display:inline-block;margin:.3em\">" + map.render(focus: frame,
                                                                                          margin: 0.02, title: place.code, northLabel: reportWord("N", language))
            let layer = Layer.valueText(place.layer, property: "layer", language)
            html += "<figcaption>\(escapeHTML(layer)) \(escapeHTML(place.code))</figcaption></figure>"
        }
        return html + "</div>\n"
    }
}

/// One CSV line (RFC 4180 quoting), CRLF-terminated as spreadsheets expect.
func csvLine(_ cells: [String]) -> String {
    cells.map { cell in
        cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }.joined(separator: ",") + "\r\n"
}
