import Foundation

extension Finding {
    /// Whether the finding is about a distance rather than an overlap.
    var isDistanceFinding: Bool { overlapM2 == 0 && { if case .overlaps = rule.test { return false }; return true }() }

    /// The finding as a sentence in `language`.
    public func message(_ language: ReportLanguage) -> String {
        let feature = name.map { "\(code) \($0.text(language))" } ?? code
        if rule.id.hasPrefix("undecided.") {
            return language == .zh ? "\(rule.messageZH)（\(feature)）" : "\(rule.messageEN) (\(feature))"
        }
        if rule.id == RuleTable.coverage.id {
            // The area outside the coverage, and how far the proposal is from the county.
            let outside = overlapM2 > 0 ? ", \(fixed(overlapM2, 1)) m² outside the county" : ""
            return language == .zh
                ? "\(rule.messageZH)（\(feature)\(overlapM2 > 0 ? "，县界外 \(fixed(overlapM2, 1)) 平方米" : "")，距县界 \(fixed(distanceM, 1)) 米）"
                : "\(rule.messageEN) (\(feature)\(outside), \(fixed(distanceM, 1)) m from the county)"
        }
        switch language {
        case .zh:
            var text = "\(rule.messageZH)（\(feature)"
            if overlapM2 > 0 { text += "，重叠 \(fixed(overlapM2, 1)) 平方米 / \(fixed(overlapM2 / squareMetresPerMu, 2)) 亩" }
            if isDistanceFinding { text += "，距离 \(fixed(distanceM, 1)) 米" } else if overlapM2 == 0 { text += "，位于其内" }
            return text + "）"
        case .en:
            var text = "\(rule.messageEN) (\(feature)"
            if overlapM2 > 0 { text += ", overlap \(fixed(overlapM2, 1)) m² / \(fixed(overlapM2 / squareMetresPerMu, 2)) mu" }
            if isDistanceFinding { text += ", distance \(fixed(distanceM, 1)) m" } else if overlapM2 == 0 { text += ", inside it" }
            return text + ")"
        }
    }
}


/// A report of a check, written as results stream in.
public protocol CheckReport: AnyObject {
    /// Adds one proposal's result.
    func add(_ result: CheckResult)
    /// Writes the summary and closes the output.
    func finish(_ summary: CheckSummary) throws
}


/// `check --format json`: the contract's shape (§6), keys in a stable order,
/// written as results arrive.
public final class CheckJSONReport: CheckReport {
    let sink: OutputSink
    let language: ReportLanguage
    private var first = true

    public init(sink: OutputSink, registry: String, language: ReportLanguage, conditions: CheckConditions? = nil) {
        self.sink = sink
        self.language = language
        var head = "{\n  \"registry\": "
        JSONValue.writeString(registry, to: &head)
        if let conditions {
            head += ",\n  \"coverage\": "
            JSONValue.object([
                ("counties", .array(conditions.counties.map { .string($0) })),
                ("margin_m", .number(conditions.coverageMargin, formatDecimal(conditions.coverageMargin))),
            ]).write(to: &head)
            head += ",\n  \"settings\": "
            JSONValue.object(conditions.changedSettings.map { ($0.0.rawValue, .number($0.1, formatDecimal($0.1))) }).write(to: &head)
            head += ",\n  \"notes\": "
            JSONValue.array(conditions.notes(language).map { .string($0) }).write(to: &head)
        }
        head += ",\n  \"proposals\": ["
        sink.write(head)
    }

    public func add(_ result: CheckResult) {
        var out = first ? "\n    " : ",\n    "
        first = false
        let p = result.proposal
        var members: [(String, JSONValue)] = [("id", .string(p.id)), ("verdict", .string(result.verdict?.rawValue ?? "clear"))]
        if let use = p.use { members.append(("use", .string(use))) }
        members.append(("action", .string(p.action.rawValue)))
        members.append(("area_m2", .number(result.areaM2, formatDecimal(result.areaM2))))
        JSONValue.object(members).write(to: &out)
        out.removeLast()
        out += ",\"findings\":["
        for (i, f) in result.findings.enumerated() {
            out += i == 0 ? "\n      " : ",\n      "
            var finding: [(String, JSONValue)] = [
                ("rule", .string(f.rule.id)), ("severity", .string(f.severity.rawValue)),
                ("layer", .string(f.layer.rawValue)), ("code", .string(f.code)),
            ]
            if let name = f.name { finding.append(("name", .string(name.text(.zh)))) }
            finding += [
                ("overlap_m2", .number(f.overlapM2, formatDecimal(f.overlapM2))),
                ("distance_m", .number(f.distanceM, formatDecimal(f.distanceM))),
                ("message", .string(f.message(language))),
                ("basis", .string(f.rule.basis.text)),
                ("sources", .array(f.rule.basis.sources.map { source in
                    .object([("kind", .string(source.kind.rawValue)), ("instrument", .string(source.instrument)),
                             ("article", .string(source.article)), ("quote", .string(source.quote))])
                })),
            ]
            JSONValue.object(finding).write(to: &out)
        }
        out += result.findings.isEmpty ? "]}" : "\n    ]}"
        sink.write(out)
    }

    public func finish(_ summary: CheckSummary) throws {
        var out = first ? "],\n" : "\n  ],\n"
        out += "  \"summary\": "
        JSONValue.object([
            ("proposals", .number(Double(summary.proposals), "\(summary.proposals)")),
            ("block", .number(Double(summary.block), "\(summary.block)")),
            ("condition", .number(Double(summary.condition), "\(summary.condition)")),
            ("warn", .number(Double(summary.warn), "\(summary.warn)")),
            ("clear", .number(Double(summary.clear), "\(summary.clear)")),
        ]).write(to: &out)
        out += "\n}\n"
        sink.write(out)
        try sink.finish()
    }
}

/// `check --format text`: one block per proposal, the verdict first.
public final class CheckTextReport: CheckReport {
    let sink: OutputSink
    let language: ReportLanguage

    public init(sink: OutputSink, language: ReportLanguage, conditions: CheckConditions? = nil) {
        self.sink = sink
        self.language = language
        let notes = conditions?.notes(language) ?? []
        if !notes.isEmpty {
            sink.write(notes.map { "\(language == .zh ? "注意" : "note")\(language.colon)\($0)\n" }.joined() + "\n")
        }
    }

    private func verdictWord(_ verdict: Severity?) -> String {
        switch (language, verdict) {
        case (.zh, .block?): return "不予通过"
        case (.zh, .condition?): return "附条件"
        case (.zh, .warn?): return "提示"
        case (.zh, nil): return "未发现冲突"
        case (.en, let v?): return v.rawValue.uppercased()
        case (.en, nil): return "CLEAR"
        }
    }

    public func add(_ result: CheckResult) {
        let p = result.proposal
        var head = "\(p.id)  \(verdictWord(result.verdict))"
        var facts: [String] = []
        if let use = p.use { facts.append(LandUse.name(use).map { "\(use) \($0)" } ?? use) }
        facts.append(Words.action(p.action, language))
        if result.areaM2 > 0 {
            let (area, mu) = (fixed(result.areaM2, 1), fixed(result.areaM2 / squareMetresPerMu, 2))
            facts.append(language == .zh ? "\(area) 平方米（\(mu) 亩）" : "\(area) m² (\(mu) mu)")
        }
        head += language == .zh ? "  （\(facts.joined(separator: "，"))）" : "  (\(facts.joined(separator: ", ")))"
        var out = head + "\n"
        if let name = p.name { out += "  \(name)\n" }
        out += "  \(CheckedAs.line(p, language))\n"
        if let mismatch = CheckedAs.areaMismatch(result, language) { out += "  \(language == .zh ? "注意" : "note"): \(mismatch)\n" }
        for f in result.findings {
            out += "  [\(Words.severity(f.severity, language))] \(f.rule.id): \(f.message(language))\n"
            for source in f.rule.basis.sources {
                out += "      \(Words.sourceKind(source.kind, language))\(language.colon)\(source.citation)：“\(source.quote)”\n"
            }
        }
        sink.write(out + "\n")
    }

    public func finish(_ summary: CheckSummary) throws {
        let text: String
        switch language {
        case .zh:
            text = "共 \(summary.proposals) 个地块：不予通过 \(summary.block)，附条件 \(summary.condition)，提示 \(summary.warn)，未发现冲突 \(summary.clear)\n"
        case .en:
            text = "\(summary.proposals) proposal\(summary.proposals == 1 ? "" : "s"): \(summary.block) block, \(summary.condition) condition, \(summary.warn) warn, \(summary.clear) clear\n"
        }
        sink.write(text)
        try sink.finish()
    }
}
