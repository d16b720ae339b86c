import Foundation

/// `landreg water` as JSON (contract §10, with more keys) and as text.
public enum WaterReportWriter {
    public enum Format: String, CaseIterable, Sendable { case text, json, html }

    public static func write(_ report: WaterReport, format: Format, registry: RegistryDescription,
                             language: ReportLanguage, to sink: OutputSink) throws {
        switch format {
        case .json: sink.write(json(report).jsonText + "\n")
        case .text: sink.write(text(report, language: language))
        case .html: sink.write(WaterHTMLReport.html(report, registry: registry, language: language))
        }
        try sink.finish()
    }

    static func number(_ value: Double, _ decimals: Int = 4) -> JSONValue {
        var text = fixed(value, decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text += "0" }
        }
        return .number(Double(text) ?? value, text)
    }

    static func optional(_ value: Double?, _ decimals: Int = 4) -> JSONValue { value.map { number($0, decimals) } ?? .null }

    /// One section of the report as JSON.
    static func sectionJSON(_ section: SectionResult) -> JSONValue {
        .object([
            ("code", .string(section.code)), ("name", .string(section.name)),
            ("target_class", .string(section.targetClass.description)),
            ("class", section.waterClass.map { .string($0.description) } ?? .null),
            ("meets", section.meets.map(JSONValue.bool) ?? .null),
            ("months_missed", .array(section.monthsMissed.map { .string($0) })),
            ("water_body", .string(section.lake ? "lake" : "river")),
            ("parameters", .array(section.parameters.map { p in
                var members: [(String, JSONValue)] = [("parameter", .string(p.parameter.rawValue)), ("mean", number(p.mean)),
                                                      ("class", p.waterClass.map { .string($0.description) } ?? .null),
                                                      ("limit", optional(p.limit)), ("times_limit", optional(p.timesLimit, 3))]
                if let target = p.target {
                    members += [("target", number(target)), ("meets_target", p.meetsTarget.map(JSONValue.bool) ?? .null)]
                }
                return .object(members)
            })),
            ("months", .array(section.months.map { m in
                .object([("month", .string(m.month)), ("class", m.waterClass.map { .string($0.description) } ?? .null),
                         ("meets", m.meets.map(JSONValue.bool) ?? .null)])
            })),
        ])
    }

    /// The report as the contract's JSON.
    public static func json(_ report: WaterReport) -> JSONValue {
        let sections = report.sections.map(sectionJSON)
        let outfalls = report.outfalls.map { outfall -> JSONValue in
            .object([
                ("code", .string(outfall.code)), ("name", .string(outfall.name)), ("type", .string(outfall.type)),
                ("town", .string(outfall.town)), ("measured", .bool(outfall.measured)),
                ("exceedances", .array(outfall.exceedances.map { e in
                    var members: [(String, JSONValue)] = [("parameter", .string(e.parameter.rawValue)), ("date", .string(e.date)),
                                                          ("value", number(e.value)), ("mean", number(e.mean)),
                                                          ("limit", optional(violatedBound(e))),
                                                          ("times_limit", number(e.timesLimit, 3))]
                    if e.limit.minimum != nil && e.limit.maximum != nil { members.append(("limit_range", .string(e.limit.description))) }
                    members.append(("limit_source", .string(e.limit.source)))
                    return .object(members)
                })),
                ("no_limit", .array(outfall.noLimit.map { .string($0.rawValue) })),
                ("within_limit", .array(outfall.within.map { .string($0.rawValue) })),
            ])
        }
        let traces = report.traces.map { trace -> JSONValue in
            .object([("section", .string(trace.section)), ("outfalls", .array(trace.outfalls.map { o in
                .object([("code", .string(o.code)), ("name", .string(o.name)), ("river", .string(o.riverName)),
                         ("river_code", .string(o.river)), ("distance_m", number(o.distance, 2)),
                         ("exceeding", .array(o.exceeding.map { .string($0.rawValue) })),
                         ("no_limit", .array(o.noLimit.map { .string($0.rawValue) })), ("measured", .bool(o.measured)),
                         ("town", .string(o.town)),
                         ("enterprise", o.enterprise.map { e in
                             .object([("code", .string(e.code)), ("name", .string(e.name)), ("distance_m", number(e.distance, 2))])
                         } ?? .null)])
            }))])
        }
        let overdue = report.overdue.map { r -> JSONValue in
            .object([("outfall", .string(r.outfall)), ("measure", r.measure.map { .string($0.rawValue) } ?? .null),
                     ("responsible", .string(r.responsible)), ("deadline", .string(r.deadline)),
                     ("days_overdue", .number(Double(r.daysOverdue), String(r.daysOverdue)))])
        }
        return .object([
            ("period", .string(report.period.label)), ("as_of", .string(report.asOf)),
            ("trace_upstream_m", number(report.traceDistance, 2)),
            ("sections", .array(sections)), ("outfalls", .array(outfalls)), ("trace", .array(traces)),
            ("remedies_overdue", .array(overdue)), ("warnings", .array(report.warnings.map { JSONValue.string($0.text(.en)) })),
        ])
    }

    /// The bound of a limit that a sample breaks: the maximum it is over, or the minimum it is under.
    static func violatedBound(_ e: Exceedance) -> Double? {
        if let high = e.limit.maximum, e.value > high { return high }
        return e.limit.minimum ?? e.limit.maximum
    }

    /// The report as plain text tables.
    public static func text(_ report: WaterReport, language: ReportLanguage) -> String {
        let w = WaterWords(language)
        var out = "\(w.title) \(report.period.label)\n\n== \(w.sectionsTitle(report.period))\n"
        out += textTable(header: w.sectionHeader, rows: report.sections.map { s in
            [s.code, s.name, w.waterClass(s.targetClass), s.waterClass.map(w.waterClass) ?? w.noData, w.verdict(s),
             w.overLimits(s), w.monthClasses(s)]
        }) + "\n"
        out += "\n== \(w.outfallsTitle)\n"
        out += textTable(header: w.outfallHeader, rows: report.outfalls.filter(\.measured).map { o in
            [o.code, o.name, w.outfallType(o.type),
             o.exceedances.map(w.exceedance).joined(separator: "; "),
             o.noLimit.map { w.parameter($0) }.joined(separator: ", ")]
        }) + "\n"
        out += "\n== \(w.traceTitle(report.traceDistance))\n"
        for trace in report.traces {
            out += "\(trace.section) \(trace.sectionName):\n"
            if trace.outfalls.isEmpty { out += "  \(w.noneUpstream)\n" }
            for o in trace.outfalls {
                let exceeding = w.tracedStatus(o)
                let enterprise = o.enterprise.map { "; \(w.nearestEnterprise) \($0.name) \(fixed($0.distance, 0)) m" } ?? ""
                out += "  \(fixed(o.distance, 0)) m  \(o.code) \(o.name) [\(o.riverName)] \(exceeding); \(w.town) \(o.town.isEmpty ? "-" : o.town)\(enterprise)\n"
            }
        }
        out += "\n== \(w.overdueTitle(report.asOf))\n"
        out += textTable(header: w.overdueHeader, rows: report.overdue.map { r in
            [r.outfall, r.name, r.measure.map(w.measure) ?? "", r.responsible, r.deadline, String(r.daysOverdue)]
        }) + "\n"
        for warning in report.warnings { out += "\(w.warning): \(warning.text(w.language))\n" }
        return out
    }
}
