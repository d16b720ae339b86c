/// The sentences and columns of the water and air reports in the reader's
/// language (the contract's ASCII names stay in JSON): parameters, classes,
/// types and measures as their terms, the rest as phrases of the catalogue.
struct WaterWords {
    let language: ReportLanguage
    init(_ language: ReportLanguage) { self.language = language }
    private func say(_ phrase: Phrase) -> String { phrase.text(language) }

    var title: String { say("Water sections and outfalls") }
    func sectionsTitle(_ period: MonitoringPeriod) -> String {
        period.months.count == 1 ? say("Sections (GB 3838-2002, single factor, monthly means)")
            : say("Sections (GB 3838-2002, single factor on the mean of the monthly means; each month's class beside)")
    }
    var outfallsTitle: String { say("Outfalls (over limit, no limit)") }
    func traceTitle(_ metres: Double) -> String {
        say("Outfalls within \(fixed(metres / 1000, 1)) km upstream of sections missing their target (along the rivers, nearest first)")
    }
    func overdueTitle(_ date: String) -> String { say("Overdue remedies (as of \(date))") }

    /// The columns of one of the report's tables (`water.sections`, `water.outfalls`, `water.overdue`, `water.trace`, `air`).
    func header(_ table: String, _ columns: [String]) -> [String] { columns.map { Terms.column($0, language, table: table) } }
    var sectionHeader: [String] {
        header("water.sections", ["code", "name", "target", "class", "meets", "over the target class (mean, times over)", "each month"])
    }
    var outfallHeader: [String] {
        header("water.outfalls", ["code", "name", "type", "samples over the limit (value > limit, times over, date)", "no limit"])
    }
    var overdueHeader: [String] { header("water.overdue", ["outfall", "name", "measure", "responsible", "deadline", "days overdue"]) }
    var traceHeader: [String] {
        header("water.trace", ["distance (m)", "outfall", "name", "river", "over its limit", "town", "nearest enterprise"])
    }

    /// Each month's class, `07 Ⅲ类 / 08 Ⅳ类` (a failing month marked).
    func monthClasses(_ s: SectionResult) -> String {
        s.months.map { m in
            "\(m.month.suffix(2)) \(m.waterClass.map(waterClass) ?? "-")\(m.meets == false ? "✗" : "")"
        }.joined(separator: " / ")
    }

    /// What a section's parameters exceed: the target class's limit (times
    /// over), and the section's own targets where it has them.
    func overLimits(_ s: SectionResult) -> String {
        var parts = s.parameters.filter { $0.timesLimit != nil }.map { "\(parameter($0.parameter)) \(formatValue($0.mean)) (\(times($0.timesLimit!)))" }
        for p in s.parameters where p.meetsTarget == false {
            parts.append(say("\(Phrase(verbatim: parameter(p.parameter))) misses its target \(formatValue(p.target!))"))
        }
        return parts.joined(separator: "; ")
    }

    var noData: String { say("no data") }
    var noneUpstream: String { say("no outfall upstream within the distance") }
    var noExceedance: String { say("no exceedance this period") }

    /// What a traced outfall did in the period: over which limits, which
    /// parameters have none, or nothing measured.
    func tracedStatus(_ o: TracedOutfall) -> String {
        guard o.measured else { return say("not measured this period") }
        var parts: [String] = []
        if !o.exceeding.isEmpty { parts.append(say("over its limit: ") + o.exceeding.map(parameter).joined(separator: ", ")) }
        if !o.noLimit.isEmpty { parts.append(say("no limit: ") + o.noLimit.map(parameter).joined(separator: ", ")) }
        return parts.isEmpty ? noExceedance : parts.joined(separator: language.listSeparator())
    }
    var nearestEnterprise: String { say("nearest enterprise") }
    var town: String { say("town") }
    var warning: String { say("Note") }

    /// A section's verdict for the period, naming the months that missed
    /// the target when the period has several.
    func verdict(_ s: SectionResult) -> String {
        let missed = s.months.count > 1 ? s.monthsMissed.map { String($0.suffix(2)) } : []
        guard !missed.isEmpty else { return verdict(s.meets) }
        let months = missed.joined(separator: language.enumerationSeparator)
        if s.meets == true { return say("yes on the mean, but missed in \(months)") }
        return say("\(Phrase(verbatim: verdict(s.meets))) (missed in \(months))")
    }

    func verdict(_ meets: Bool?) -> String {
        switch meets {
        case true?: return say("yes")
        case false?: return say("NO")
        case nil: return say("no data")
        }
    }

    func waterClass(_ c: WaterClass) -> String { c.label(language) }
    func times(_ value: Double) -> String { say("\(fixed(value, 2))× over") }

    /// One sample over its limit: "NH3-N 7.2 > 5 (0.44× over, 2023-07-08)".
    func exceedance(_ e: Exceedance) -> String {
        say("\(Phrase(verbatim: parameter(e.parameter))) \(formatValue(e.value)) > \(e.limit) (\(Phrase(verbatim: times(e.timesLimit))), \(e.date))")
    }

    func parameter(_ p: MonitoringParameter) -> String { p.label(language) }
    func outfallType(_ type: String) -> String { OutfallType(rawValue: type)?.text(language) ?? type }
    func measure(_ m: RemedyMeasure) -> String { m.text(language) }
}
