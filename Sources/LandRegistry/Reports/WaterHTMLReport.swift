import Foundation

/// `landreg water --format html`: one self-contained page a reviewer can
/// print and sign — per section a chart of each parameter month by month
/// against its target-class limit, a map of each failing section with the
/// outfalls traced upstream, the exceedance table, the overdue remedies.
enum WaterHTMLReport {
    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:70em;color:#222;line-height:1.45}
        h1{font-size:1.5em}h2{font-size:1.15em;border-top:2px solid #444;padding-top:.6em;margin-top:1.6em}h3{font-size:1em;margin:1.2em 0 .3em}
        table{border-collapse:collapse;margin:.5em 0;font-size:.85em}td,th{border:1px solid #bbb;padding:.2em .45em;vertical-align:top;text-align:left}
        th{background:#eee}.num{text-align:right}.bad{color:#b71c1c;font-weight:bold}.meta td:first-child{color:#555}
        .charts{display:flex;flex-wrap:wrap;gap:.4em}.charts svg{border:1px solid #ccc}
        .swatch{display:inline-block;width:.9em;height:.9em;border:2px solid;margin:0 .3em 0 .8em;vertical-align:-.1em;border-radius:50%}
        figure{margin:.6em 0}figcaption{font-size:.85em;color:#444}
        @media print{body{margin:0;max-width:none}h2{page-break-before:always}.charts svg{page-break-inside:avoid}}
        """

    static func html(_ report: WaterReport, registry: RegistryDescription, language: ReportLanguage) -> String {
        let w = WaterWords(language)
        var html = """
            <!doctype html>
            <html lang="\(language.htmlTag)"><head><meta charset="utf-8">
            <title>\(w.title) \(report.period.label)</title><style>\(style)</style></head><body>
            <h1>\(w.title) — \(report.period.label)\(w.language.bracketed("\(report.period.start) – \(report.period.end)"))</h1>
            <table class="meta"><tr><td>\(reportWord("Registry", language))</td><td>\(escapeHTML(registry.path)) (EPSG:\(registry.srid))</td></tr>
            <tr><td>\(reportWord("Made at", language))</td><td>\(localTime(Date()))</td></tr>
            <tr><td>\(Terms.label("label.evaluation-basis", language))</td><td>\(reportWord("GB 3838-2002 Table 1, single-factor evaluation; sewage plants by GB 18918-2002 class 1A; industrial outfalls by their permits' limits", language))</td></tr>
            <tr><td>\(reportWord("Task", language))</td><td>\(reportWord("Lingchuan water plan 2023, task 11: outfalls — survey, monitor, trace, remedy", language))</td></tr></table>

            """
        for warning in report.warnings { html += "<p class=\"bad\">\(w.warning): \(escapeHTML(warning.text(language)))</p>\n" }
        html += "<h2>\(escapeHTML(w.sectionsTitle(report.period)))</h2>\n" + table(w.sectionHeader, report.sections.map { s in
            [escapeHTML(s.code), escapeHTML(s.name), w.waterClass(s.targetClass), s.waterClass.map(w.waterClass) ?? w.noData,
             s.meets == false || !s.monthsMissed.isEmpty ? "<span class=\"bad\">\(escapeHTML(w.verdict(s)))</span>" : w.verdict(s),
             escapeHTML(w.overLimits(s)),
             escapeHTML(w.monthClasses(s))]
        })
        for section in report.sections { html += charts(section, w: w) }
        html += traces(report, w: w)
        html += "<h2>\(escapeHTML(w.outfallsTitle))</h2>\n" + table(w.outfallHeader, report.outfalls.filter(\.measured).map { o in
            [escapeHTML(o.code), escapeHTML(o.name), escapeHTML(w.outfallType(o.type)),
             "<span class=\"bad\">" + escapeHTML(o.exceedances.map(w.exceedance).joined(separator: "; ")) + "</span>",
             escapeHTML(o.noLimit.map { w.parameter($0) }.joined(separator: ", "))]
        })
        html += "<h2>\(escapeHTML(w.overdueTitle(report.asOf)))</h2>\n" + table(w.overdueHeader, report.overdue.map { r in
            [escapeHTML(r.outfall), escapeHTML(r.name), r.measure.map(w.measure) ?? "", escapeHTML(r.responsible), r.deadline, String(r.daysOverdue)]
        })
        html += "<p>\(reportWord("Reviewed by (signature):", language))\(reportWord(" ________________  Date: ____________", language))</p>\n"
        return html + "</body></html>\n"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var html = "<table><tr>" + header.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        if rows.isEmpty { html += "<tr><td colspan=\"\(header.count)\">—</td></tr>\n" }
        return html + "</table>\n"
    }

    /// One chart per parameter of a section, month by month over a year, against the target class's limit.
    static func charts(_ section: SectionResult, w: WaterWords) -> String {
        var html = "<h3>\(escapeHTML(section.code)) \(escapeHTML(section.name))\(w.language.bracketed(w.waterClass(section.targetClass)))</h3>\n<div class=\"charts\">"
        for (parameter, limit, means) in section.series {
            var chart = SVGChart(title: w.parameter(parameter), unit: parameter.unit, labels: means.map { String($0.month.suffix(2)) },
                                 values: means.map(\.mean))
            if parameter == .ph {
                chart.references = [("6–9", means.map { _ in 9.0 }), ("", means.map { _ in 6.0 })]
                chart.over = means.map { $0.mean.map { !GB3838.phRange.contains($0) } ?? false }
            } else if let limit {
                chart.references = [("\(w.waterClass(section.targetClass)) \(formatValue(limit))", means.map { _ in limit })]
                chart.over = means.map { $0.mean.map { GB3838.timesLimit(parameter, $0, limit: limit) != nil } ?? false }
            }
            html += chart.render()
        }
        if section.series.isEmpty { html += "<p>\(w.noData)</p>" }
        return html + "</div>\n"
    }

    /// For each failing section: a map with the rivers searched and the outfalls found, and their table.
    static func traces(_ report: WaterReport, w: WaterWords) -> String {
        var html = "<h2>\(escapeHTML(w.traceTitle(report.traceDistance)))</h2>\n"
        let language = w.language
        for trace in report.traces {
            guard let section = report.sections.first(where: { $0.code == trace.section }) else { continue }
            var map = SVGMap(width: 620, height: 420)
            for river in report.rivers { map.add(river.shape, style: .init(stroke: "#90caf9", strokeWidth: 2), label: river.name) }
            for part in trace.searched { map.add(part, style: .init(stroke: "#0d47a1", strokeWidth: 4)) }
            for o in trace.outfalls {
                let color = o.exceeding.isEmpty ? "#ef6c00" : "#b71c1c"
                map.add(o.shape, style: .init(stroke: color, fill: color, fillOpacity: 0.9), label: "\(o.code) \(fixed(o.distance / 1000, 1)) km", placement: .above)
            }
            map.add(section.shape, style: .init(stroke: "#000", fill: "#ffeb3b", fillOpacity: 1, strokeWidth: 2.5), label: section.name, placement: .below)
            var focus = section.shape.bounds
            for shape in trace.searched.map(\.bounds) + trace.outfalls.map(\.shape.bounds) {
                focus = focus.union(shape)
            }
            html += "<h3>\(escapeHTML(trace.section)) \(escapeHTML(trace.sectionName))</h3>\n<figure>"
            html += map.render(focus: focus, title: trace.sectionName, northLabel: reportWord("N", language))
            html += "<figcaption><span class=\"swatch\" style=\"border-color:#000;background:#ffeb3b\"></span>\(reportWord("section missing its target", language))"
            html += "<span class=\"swatch\" style=\"border-color:#0d47a1;background:#0d47a1;border-radius:0\"></span>\(reportWord("river searched upstream", language))"
            html += "<span class=\"swatch\" style=\"border-color:#b71c1c;background:#b71c1c\"></span>\(reportWord("outfall over its limit", language))"
            html += "<span class=\"swatch\" style=\"border-color:#ef6c00;background:#ef6c00\"></span>\(reportWord("other outfall", language))</figcaption></figure>\n"
            html += table(w.traceHeader, trace.outfalls.map { o in
                [fixed(o.distance, 0), escapeHTML(o.code), escapeHTML(o.name), escapeHTML(o.riverName),
                 o.exceeding.isEmpty ? escapeHTML(w.tracedStatus(o)) : "<span class=\"bad\">" + escapeHTML(w.tracedStatus(o)) + "</span>",
                 escapeHTML(o.town), o.enterprise.map { escapeHTML($0.name + w.language.bracketed("\(fixed($0.distance, 0)) m")) } ?? ""]
            })
        }
        if report.traces.isEmpty { html += "<p>\(reportWord("Every section met its target or had no data.", language))</p>\n" }
        return html
    }
}
