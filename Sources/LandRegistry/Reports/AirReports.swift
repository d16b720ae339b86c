import Foundation

/// `landreg air --year`: each area's monthly means against its monthly
/// targets, months over target flagged — text, JSON, CSV (UTF-8 with BOM)
/// or HTML with a chart per area and pollutant.
public enum AirReportWriter {
    public enum Format: String, CaseIterable, Sendable { case text, json, csv, html }

    public static func write(_ report: AirReport, format: Format, registry: RegistryDescription,
                             language: ReportLanguage, to sink: OutputSink) throws {
        switch format {
        case .json: sink.write(json(report).jsonText + "\n")
        case .text: sink.write(text(report, language: language))
        case .csv:
            sink.write("\u{FEFF}")
            for row in rows(report, language: language) { sink.write(csvLine(row)) }
        case .html: sink.write(html(report, registry: registry, language: language))
        }
        try sink.finish()
    }

    static func over(_ mean: Double?, _ target: Double?) -> Bool? {
        guard let mean, let target else { return nil }
        return mean > target * (1 + 1e-9)
    }

    public static func json(_ report: AirReport) -> JSONValue {
        .object([("year", .number(Double(report.year), String(report.year))), ("areas", .array(report.areas.map { area in
            .object([("code", .string(area.code)), ("name", .string(area.name)), ("pollutants", .array(area.pollutants.map { p in
                .object([("parameter", .string(p.parameter.rawValue)), ("unit", .string(p.parameter.unit)),
                         ("months_over", .array(area.over(p.parameter).map(JSONValue.string))),
                         ("months", .array(p.months.map { m in
                             .object([("month", .string(m.month)), ("mean", WaterReportWriter.optional(m.mean, 3)),
                                      ("target", WaterReportWriter.optional(m.target, 3)),
                                      ("over", over(m.mean, m.target).map(JSONValue.bool) ?? .null)])
                         }))])
            }))])
        }))])
    }

    /// One row per area, pollutant and month (the header first).
    static func rows(_ report: AirReport, language: ReportLanguage) -> [[String]] {
        let w = WaterWords(language)
        var rows = [w.header("air", ["code", "area", "pollutant", "unit", "month", "mean", "target", "over target"])]
        for area in report.areas {
            for p in area.pollutants {
                for m in p.months {
                    let flag = over(m.mean, m.target).map { $0 ? (reportWord("over", language)) : (reportWord("within", language)) } ?? ""
                    rows.append([area.code, area.name, w.parameter(p.parameter), p.parameter.unit, m.month,
                                 m.mean.map(formatValue) ?? "", m.target.map(formatValue) ?? "", flag])
                }
            }
        }
        return rows
    }

    static func text(_ report: AirReport, language: ReportLanguage) -> String {
        let w = WaterWords(language)
        var out = reportWord("Air quality \(report.year): monthly means against the targets", language) + "\n"
        for area in report.areas {
            out += "\n== \(area.code) \(area.name)\n"
            let header = [reportWord("pollutant", language)] + (1...12).map { Terms.text(String(format: "month.%02d", $0), language) }
            out += textTable(header: header, rows: area.pollutants.map { p in
                [w.parameter(p.parameter)] + p.months.map { m in
                    guard let mean = m.mean else { return "-" }
                    return formatValue(mean) + (over(mean, m.target) == true ? "*" : "")
                }
            }) + "\n"
        }
        out += "\n" + reportWord("* over the month's target", language) + "\n"
        if report.areas.isEmpty { out += reportWord("No air values or targets this year.", language) + "\n" }
        return out
    }

    static func html(_ report: AirReport, registry: RegistryDescription, language: ReportLanguage) -> String {
        let w = WaterWords(language)
        let title = reportWord("Air quality \(report.year) against the monthly targets", language)
        var html = """
            <!doctype html>
            <html lang="\(language.htmlTag)"><head><meta charset="utf-8"><title>\(title)</title>
            <style>\(WaterHTMLReport.style)</style></head><body><h1>\(title)</h1>
            <table class="meta"><tr><td>\(reportWord("Registry", language))</td><td>\(escapeHTML(registry.path))</td></tr>
            <tr><td>\(reportWord("Made at", language))</td><td>\(localTime(Date()))</td></tr>
            <tr><td>\(reportWord("Targets", language))</td><td>\(reportWord("Lingchuan air plan 2023, annex 1 (monthly pre-control targets)", language))</td></tr></table>

            """
        for area in report.areas {
            html += "<h2>\(escapeHTML(area.code)) \(escapeHTML(area.name))</h2>\n<div class=\"charts\">"
            for p in area.pollutants {
                var chart = SVGChart(title: w.parameter(p.parameter), unit: p.parameter.unit,
                                     labels: p.months.map { String($0.month.suffix(2)) }, values: p.months.map(\.mean))
                chart.references = [(Terms.text("label.target", language), p.months.map(\.target))]
                chart.over = p.months.map { over($0.mean, $0.target) ?? false }
                html += chart.render()
            }
            html += "</div>\n"
            let overMonths = area.pollutants.compactMap { p -> String? in
                let months = area.over(p.parameter)
                return months.isEmpty ? nil : "\(w.parameter(p.parameter)): \(months.map { String($0.suffix(2)) }.joined(separator: ", "))"
            }
            html += "<p>\(reportWord("Months over target", language))：\(overMonths.isEmpty ? (reportWord("none", language)) : "<span class=\"bad\">\(escapeHTML(overMonths.joined(separator: "；")))</span>")</p>\n"
        }
        return html + "</body></html>\n"
    }
}
