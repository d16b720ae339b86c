import Foundation

/// Map colours of the layers, shared by every report.
public enum LayerStyle {
    public static func color(_ layer: Layer) -> String {
        switch layer {
        case .riskPlots: return "#c62828"
        case .farmland: return "#7cb342"
        case .basicFarmland: return "#f9a825"
        case .waterZones: return "#1e88e5"
        case .rivers: return "#4fc3f7"
        case .sections: return "#00838f"
        case .outfalls: return "#6d4c41"
        case .enterprises: return "#616161"
        case .admin: return "#7e57c2"
        }
    }

    /// The colour of a feature by what matters about it: a plot's stage, a
    /// parcel's class, a zone's level; else its layer's.
    public static func color(_ layer: Layer, kind: String?) -> String {
        switch (layer, kind) {
        case (.riskPlots, "listed"?), (.riskPlots, "remediating"?): return "#b71c1c"
        case (.riskPlots, "suspected"?), (.riskPlots, "investigating"?), (.riskPlots, "contaminated"?): return "#ef6c00"
        case (.riskPlots, _?): return "#9e9e9e"
        case (.farmland, "priority"?): return "#9ccc65"
        case (.farmland, "safe_use"?): return "#fdd835"
        case (.farmland, "strict"?): return "#8e24aa"
        case (.waterZones, "first"?): return "#0d47a1"
        case (.waterZones, "second"?): return "#1e88e5"
        case (.waterZones, "quasi"?): return "#90caf9"
        default: return color(layer)
        }
    }

    /// The legend's words for a colour of `color(_:kind:)`.
    public static func name(_ layer: Layer, kind: String?, _ language: ReportLanguage) -> String {
        switch (layer, kind) {
        case (.riskPlots, "listed"?), (.riskPlots, "remediating"?): return reportWord("plots on the risk list", language)
        case (.riskPlots, "suspected"?), (.riskPlots, "investigating"?), (.riskPlots, "contaminated"?):
            return reportWord("plots not yet resolved", language)
        case (.riskPlots, _?): return reportWord("clean or delisted plots", language)
        case (.farmland, "priority"?): return reportWord("priority farmland", language)
        case (.farmland, "safe_use"?): return reportWord("safe-use farmland", language)
        case (.farmland, "strict"?): return reportWord("strictly controlled farmland", language)
        case (.waterZones, "first"?): return reportWord("first-level protection zone", language)
        case (.waterZones, "second"?): return reportWord("second-level protection zone", language)
        case (.waterZones, "quasi"?): return reportWord("quasi protection zone", language)
        default: return name(layer, language)
        }
    }

    /// A layer in a legend: what it holds.
    public static func name(_ layer: Layer, _ language: ReportLanguage) -> String { Terms.label("legend." + layer.name, language) }
}

/// `check --format html`: one self-contained file to print and attach to an
/// approval file. Per proposal a map (the proposal, every conflicting
/// feature, what lies within the context distance, a scale bar and a north
/// arrow), the findings with their legal basis; at the top the registry's
/// state so the report can be traced later.
public final class CheckHTMLReport: CheckReport {
    let sink: OutputSink
    let language: ReportLanguage
    private var count = 0

    public init(sink: OutputSink, registry: RegistryDescription, file: String, by: String, language: ReportLanguage,
                conditions: CheckConditions? = nil) {
        self.sink = sink
        self.language = language
        let counts = registry.counts
        let versions = registry.versions
        var html = """
            <!doctype html>
            <html lang="\(language.htmlTag)"><head><meta charset="utf-8">
            <title>\(reportWord("Pre-approval check report", language)) — \(escapeHTML(file))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.45}
            h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin:0 0 .3em}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}td,th{border:1px solid #bbb;padding:.25em .5em;vertical-align:top;text-align:left}
            th{background:#eee}.num{text-align:right;white-space:nowrap}
            .meta td:first-child{color:#555;white-space:nowrap}
            section{border-top:2px solid #444;padding-top:.8em;margin-top:1.5em;page-break-inside:avoid}
            .verdict{display:inline-block;padding:.05em .6em;border-radius:.3em;color:#fff;font-size:.9em;margin-left:.5em}
            .block{background:#b71c1c}.condition{background:#e65100}.warn{background:#f9a825;color:#222}.clear{background:#2e7d32}
            figure{margin:.5em 0}figcaption{font-size:.8em;color:#444}
            .swatch{display:inline-block;width:.9em;height:.9em;border:2px solid;margin:0 .3em 0 .8em;vertical-align:-.1em}
            .basis{font-size:.85em;color:#333}.warning{color:#b71c1c;font-weight:bold}
            @media print{body{margin:0;max-width:none}section{page-break-before:always}}
            </style></head><body>
            <h1>\(reportWord("Pre-approval check report", language))</h1>
            <table class="meta">
            <tr><td>\(reportWord("Proposals", language))</td><td>\(escapeHTML(file))</td></tr>
            <tr><td>\(reportWord("Checked at", language))</td><td>\(localTime(Date()))</td></tr>
            <tr><td>\(reportWord("Checked by", language))</td><td>\(escapeHTML(by))</td></tr>
            <tr><td>\(reportWord("Registry", language))</td><td>\(escapeHTML(registry.path)) (EPSG:\(registry.srid))</td></tr>
            <tr><td>\(reportWord("Layer counts", language))</td><td>\(counts.map { "\(escapeHTML(LayerStyle.name($0.0, language))) \($0.1)" }.joined(separator: language.listSeparator()))</td></tr>
            <tr><td>\(reportWord("Software", language))</td><td>landreg \(landregVersion); \(versions.map { "\($0.0) \(escapeHTML($0.1))" }.joined(separator: "; "))</td></tr>
            </table>

            """
        html += "<p>\(reportWord("Distances and areas are computed in EPSG:\(registry.srid).", language))</p>\n"
        for note in conditions?.notes(language) ?? [] { html += "<p class=\"warning\">\(escapeHTML(note))</p>\n" }
        sink.write(html)
    }

    private func verdictBadge(_ verdict: Verdict) -> String {
        "<span class=\"verdict \(verdict.name)\">\(verdict.label(language))</span>"
    }

    public func add(_ result: CheckResult) {
        count += 1
        let p = result.proposal
        var html = "<section id=\"\(escapeHTML(p.id))\"><h2>\(escapeHTML(p.id))\(p.name.map { " " + escapeHTML($0) } ?? "")\(verdictBadge(result.verdict))</h2>\n"
        var facts: [String] = []
        if let use = p.use { facts.append("\(reportWord("use", language)) \(use)\(LandUse.name(use).map { " " + $0 } ?? "")") }
        facts.append("\(Terms.column("action", language)) \(p.action.text(language))")
        if result.areaM2 > 0 {
            facts.append(reportWord("area \(fixed(result.areaM2, 1)) m² (\(fixed(result.areaM2 / squareMetresPerMu, 2)) mu)", language))
        }
        html += "<p>\(escapeHTML(facts.joined(separator: language.listSeparator())))</p>\n"
        html += "<p class=\"basis\">\(escapeHTML(CheckedAs.line(p, language)))</p>\n"
        if let mismatch = CheckedAs.areaMismatch(result, language) {
            html += "<p class=\"warning\">\(reportWord("Note", language)): \(escapeHTML(mismatch))</p>\n"
        }

        html += mapFigure(result)
        html += findingsTable(result.findings)
        html += "</section>\n"
        sink.write(html)
    }

    /// The proposal's map: what lies around it, each finding's feature
    /// labelled, a legend of the layers shown.
    private func mapFigure(_ result: CheckResult) -> String {
        var map = SVGMap()
        var legend: [(layer: Layer, kind: String?, color: String, name: String)] = []
        func note(_ layer: Layer, _ kind: String?) {
            let name = LayerStyle.name(layer, kind: kind, language)
            if !legend.contains(where: { $0.name == name }) { legend.append((layer, kind, LayerStyle.color(layer, kind: kind), name)) }
        }
        // Large areas first (towns, the county), as outlines only; what is near labelled (not every parcel).
        let findingCodes = Set(result.findings.map { "\($0.layer.rawValue) \($0.code)" })
        let admin = Layer.admin.rawValue
        for feature in result.context.sorted(by: { $0.layer == admin && $1.layer != admin }) {
            guard let layer = feature.registryLayer else { continue }
            let color = LayerStyle.color(layer, kind: feature.kind)
            let style = layer == .admin
                ? SVGMap.Style(stroke: color, strokeWidth: 1.2, dash: "8 4")
                : SVGMap.Style(stroke: color, fill: color, fillOpacity: layer == .farmland ? 0.3 : 0.18, strokeWidth: 1)
            let labelled = layer != .farmland && layer != .admin && !findingCodes.contains("\(feature.layer) \(feature.code)")
            map.add(feature.shape, style: style, label: labelled ? (feature.name?.text(language) ?? feature.code) : nil)
            note(layer, feature.kind)
        }
        for finding in result.findings {
            if let shape = finding.shape {
                let kind = result.context.first { $0.layer == finding.layer.rawValue && $0.code == finding.code }?.kind
                let color = LayerStyle.color(finding.layer, kind: kind)
                let style = finding.layer == .admin
                    ? SVGMap.Style(stroke: color, strokeWidth: 2, dash: "8 4")
                    : SVGMap.Style(stroke: color, fill: color, fillOpacity: 0.35, strokeWidth: 2)
                map.add(shape, style: style, label: finding.name.map { "\(finding.code) \($0.text(language))" } ?? finding.code, placement: .above)
                note(finding.layer, kind)
            }
        }
        map.add(result.shape, style: SVGMap.Style(stroke: "#000", fill: "#ffeb3b", fillOpacity: 0.55, strokeWidth: 2.5, dash: "6 3"),
                label: result.proposal.id, placement: .below)
        // The context, and a little room for the labels at its edge.
        var html = "<figure>" + map.render(focus: result.shape.bounds.expanded(by: CheckOptions.mapContext + 50), margin: 0.02,
                                        title: result.proposal.id, northLabel: reportWord("N", language))
        html += "<figcaption><span class=\"swatch\" style=\"border-color:#000;background:#ffeb3b\"></span>\(Terms.text("label.proposal", language))"
        for entry in legend {
            html += "<span class=\"swatch\" style=\"border-color:\(entry.color);background:\(entry.color)66\"></span>\(escapeHTML(entry.name))"
        }
        html += reportWord("; features within \(formatNumber(CheckOptions.mapContext)) m of the proposal are shown.", language)
        html += "</figcaption></figure>\n"
        return html
    }

    /// The findings with their measures, meaning and legal basis.
    private func findingsTable(_ findings: [Finding]) -> String {
        var html = ""
        if findings.isEmpty {
            html += "<p>\(reportWord("No conflict with the registry was found.", language))</p>\n"
        } else {
            html += "<table><tr><th>\(reportWord("rule", language))</th><th>\(reportWord("severity", language))</th><th>\(reportWord("feature", language))</th>"
            html += "<th class=\"num\">\(reportWord("overlap m²", language))</th><th class=\"num\">\(reportWord("distance m", language))</th><th>\(reportWord("finding and basis", language))</th></tr>\n"
            for f in findings {
                html += "<tr><td>\(f.rule.id)</td><td>\(f.severity.text(language))</td>"
                html += "<td>\(escapeHTML(LayerStyle.name(f.layer, language)))<br>\(escapeHTML(f.code))\(f.name.map { "<br>" + escapeHTML($0.text(language)) } ?? "")</td>"
                html += "<td class=\"num\">\(fixed(f.overlapM2, 1))<br>\(fixed(f.overlapM2 / squareMetresPerMu, 2)) \(reportWord("mu", language))</td>"
                html += "<td class=\"num\">\(fixed(f.distanceM, 1))</td>"
                html += "<td>\(escapeHTML(f.message(language)))\(CheckHTMLReport.basisHTML(f.rule.basis, language))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }

    public func finish(_ summary: CheckSummary) throws {
        var html = "<section><h2>\(Terms.label("label.totals", language))</h2><table><tr>"
        html += "<th>\(Terms.text("label.proposals", language))</th>"
            + [Verdict.block, .condition, .warn, .clear].map { "<th>\($0.text(language))</th>" }.joined() + "</tr>"
        html += "<tr><td class=\"num\">\(summary.proposals)</td><td class=\"num\">\(summary.block)</td><td class=\"num\">\(summary.condition)</td>"
        html += "<td class=\"num\">\(summary.warn)</td><td class=\"num\">\(summary.clear)</td></tr></table>"
        html += "<p>\(reportWord("Reviewed by:", language)) ____________ \(reportWord("Date:", language)) ____________</p></section>\n</body></html>\n"
        sink.write(html)
        try sink.finish()
    }
}

extension CheckHTMLReport {
    /// Each source of a rule quoted apart, attributed to its law or to the county's plan.
    static func basisHTML(_ basis: LegalBasis, _ language: ReportLanguage) -> String {
        basis.sources.map { source in
            let kind = source.kind.label(language)
            return "<div class=\"basis\"><b>\(escapeHTML(kind))</b> \(escapeHTML(source.citation))：“\(escapeHTML(source.quote))”</div>"
        }.joined()
    }
}
