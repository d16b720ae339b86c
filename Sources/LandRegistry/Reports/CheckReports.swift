import Foundation

extension Finding {
    /// Whether the finding is about a distance rather than an overlap.
    var isDistanceFinding: Bool { overlapM2 == 0 && { if case .overlaps = rule.test { return false }; return true }() }

    /// The finding as a sentence in `language`.
    public func message(_ language: ReportLanguage) -> String { sentence.text(language) }

    /// The rule's message, the feature, and the overlap or the distance.
    var sentence: Phrase {
        let feature: Phrase = name.map { "\(code) \($0)" } ?? "\(code)"
        let (overlap, distance) = (fixed(overlapM2, 1), fixed(distanceM, 1))
        if rule.id.hasPrefix("undecided.") { return "\(rule.message) (\(feature))" }
        if rule.id == RuleTable.coverage.id {
            // The area outside the coverage, and how far the proposal is from the county.
            return overlapM2 > 0 ? "\(rule.message) (\(feature), \(overlap) m² outside the county, \(distance) m from the county)"
                : "\(rule.message) (\(feature), \(distance) m from the county)"
        }
        if overlapM2 > 0 { return "\(rule.message) (\(feature), overlap \(overlap) m² / \(fixed(overlapM2 / squareMetresPerMu, 2)) mu)" }
        return isDistanceFinding ? "\(rule.message) (\(feature), distance \(distance) m)" : "\(rule.message) (\(feature), inside it)"
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

    /// Each rule's `"basis":…,"sources":[…]}`, the same in every finding of the rule: written once per run.
    private var basisTails: [String: [UInt8]] = [:]

    public func add(_ result: CheckResult) {
        var out: [UInt8] = []
        out.reserveCapacity(512 + 1024 * result.findings.count)
        out.append(contentsOf: (first ? "\n    " : ",\n    ").utf8)
        first = false
        let p = result.proposal
        var members: [(String, JSONValue)] = [("id", .string(p.id)), ("verdict", .string(result.verdict.name))]
        if let use = p.use { members.append(("use", .string(use))) }
        members.append(("action", .string(p.action.rawValue)))
        members.append(("area_m2", .number(result.areaM2, formatDecimal(result.areaM2))))
        JSONValue.object(members).append(to: &out)
        out.removeLast()
        out.append(contentsOf: ",\"findings\":[".utf8)
        for (i, f) in result.findings.enumerated() {
            out.append(contentsOf: (i == 0 ? "\n      " : ",\n      ").utf8)
            var finding: [(String, JSONValue)] = [
                ("rule", .string(f.rule.id)), ("severity", .string(f.severity.rawValue)),
                ("layer", .string(f.layer.rawValue)), ("code", .string(f.code)),
            ]
            if let name = f.name { finding.append(("name", .string(name.text(.zh)))) }
            finding += [
                ("overlap_m2", .number(f.overlapM2, formatDecimal(f.overlapM2))),
                ("distance_m", .number(f.distanceM, formatDecimal(f.distanceM))),
                ("message", .string(f.message(language))),
            ]
            JSONValue.object(finding).append(to: &out)
            out.removeLast()
            out += basisTail(f.rule)
        }
        out.append(contentsOf: (result.findings.isEmpty ? "]}" : "\n    ]}").utf8)
        out.withUnsafeBufferPointer { sink.write(bytes: $0) }
    }

    private func basisTail(_ rule: Rule) -> [UInt8] {
        if let known = basisTails[rule.id] { return known }
        var tail: [UInt8] = [0x2C]
        JSONValue.object([
            ("basis", .string(rule.basis.text)),
            ("sources", .array(rule.basis.sources.map { source in
                .object([("kind", .string(source.kind.rawValue)), ("instrument", .string(source.instrument)),
                         ("article", .string(source.article)), ("quote", .string(source.quote))])
            })),
        ]).append(to: &tail)
        tail.remove(at: 1)  // the object's own {: its members follow the finding's
        basisTails[rule.id] = tail
        return tail
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
            sink.write(notes.map { "\(Terms.text("label.note", language))\(language.colon)\($0)\n" }.joined() + "\n")
        }
    }

    public func add(_ result: CheckResult) {
        let p = result.proposal
        var head = "\(p.id)  \(result.verdict.label(language))"
        var facts: [String] = []
        if let use = p.use { facts.append(LandUse.name(use).map { "\(use) \($0)" } ?? use) }
        facts.append(p.action.text(language))
        if result.areaM2 > 0 {
            facts.append(Phrase("\(fixed(result.areaM2, 1)) m² (\(fixed(result.areaM2 / squareMetresPerMu, 2)) mu)").text(language))
        }
        head += "  " + language.parenthesized(facts.joined(separator: language.comma))
        var out = head + "\n"
        if let name = p.name { out += "  \(name)\n" }
        out += "  \(CheckedAs.line(p, language))\n"
        if let mismatch = CheckedAs.areaMismatch(result, language) { out += "  \(Terms.text("label.note", language)): \(mismatch)\n" }
        for f in result.findings {
            out += "  [\(f.severity.text(language))] \(f.rule.id): \(f.message(language))\n"
            for source in f.rule.basis.sources {
                out += "      \(source.kind.label(language))\(language.colon)\(source.citation)：“\(source.quote)”\n"
            }
        }
        sink.write(out + "\n")
    }

    public func finish(_ summary: CheckSummary) throws {
        let counts: Phrase = summary.proposals == 1
            ? Phrase("1 proposal: \(summary.block) block, \(summary.condition) condition, \(summary.warn) warn, \(summary.clear) clear")
            : Phrase("\(summary.proposals) proposals: \(summary.block) block, \(summary.condition) condition, \(summary.warn) warn, \(summary.clear) clear")
        sink.write(counts.text(language) + "\n")
        try sink.finish()
    }
}
