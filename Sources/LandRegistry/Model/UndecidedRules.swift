/// The rules of the check itself, beside the law's (`RuleTable.rules`):
/// what makes a proposal not clear when the check could not decide — it lies
/// beyond the registry's coverage, a file left unsaid what decides whether a
/// rule applies, a registry feature's geometry cannot be used (contract §6:
/// never clear for what it could not assess).
extension RuleTable {
    /// Not a rule of the law but of the check itself (contract §6: never
    /// clear for what it could not assess): the registry knows the county
    /// (admin `county`) and nothing beyond its boundary, with a margin.
    /// `overlap_m2` of its finding is the area outside, `distance_m` the
    /// distance to the county (0 for a proposal that crosses the boundary).
    public static let coverage = Rule(
        id: "coverage.outside", severity: .block, layer: .admin, test: .within(.coverageMargin),
        applies: { _ in true }, concern: .property("kind", ["county"]),
        basis: LegalBasis(instrument: "landreg 审查规则", article: "覆盖范围",
                          quote: "登记库只掌握本县（县界及其外扩距离内）的数据；此范围以外的地块无法审查，不得视为未发现冲突。"),
        messageZH: "超出登记库的覆盖范围（县界外扩距离）：该处没有登记数据，未作审查",
        messageEN: "outside the registry's coverage (the county boundary and its margin): the registry has no data there, nothing was assessed")

    /// What a file may leave unsaid that decides whether a rule applies, and
    /// the values that would make one apply: (property, its words in
    /// Chinese and English, the values with their Chinese).
    static let unsaid: [(property: String, zh: String, en: String, values: [(String, String)])] = [
        ("action", "事项", "the action", [("new_project", "新建项目"), ("reclamation", "复垦"), ("new_outfall", "新设排污口")]),
        ("air_polluting", "是否涉气", "whether it emits air pollutants", [("true", "是")]),
        ("discharges", "是否排放水污染物", "whether it discharges water pollutants", [("true", "是")]),
        ("food_crops", "是否种植食用农产品", "whether it grows food crops", [("true", "是")]),
    ]

    /// The rules that do not apply to `proposal` only because of what its
    /// file left unsaid (`Proposal.assumed`), each as a `warn` rule of its
    /// own (`assumed.<rule id>`) that tests what the rule tests: a proposal
    /// is clear only when every rule was decided on what the file or the
    /// user said (contract §6).
    /// A plot (`areal`) is never taken for a new outfall, which is a point.
    static func assumed(for proposal: Proposal, areal: Bool) -> [Rule] {
        guard !proposal.assumed.isEmpty else { return [] }
        var found: [Rule] = []
        for unsaid in unsaid where proposal.assumed.contains(unsaid.property) {
            for (value, valueZH) in unsaid.values where !(areal && value == ProposalAction.newOutfall.rawValue) {
                guard let variant = proposal.with(unsaid.property, value) else { continue }
                for rule in rules where !rule.applies(proposal) && rule.applies(variant) && !found.contains(where: { $0.id == "assumed." + rule.id }) {
                    found.append(Rule(
                        id: "assumed." + rule.id, severity: .warn, layer: rule.layer, test: rule.test, applies: { _ in false },
                        concern: rule.concern, basis: rule.basis,
                        messageZH: "未判定：文件未载明\(unsaid.zh)，按默认值检查；若为\(valueZH)，则\(rule.messageZH)（须先确认）",
                        messageEN: "not decided: the file does not say \(unsaid.en) and it was checked with the default; if it is \(value): \(rule.messageEN) (confirm it first)"))
                }
            }
        }
        return found
    }

    /// A rule that could not be decided against a registry feature whose
    /// geometry cannot be used (another program wrote an invalid one): as
    /// severe as the rule, so that the proposal is never clear on it.
    static func undecided(_ rule: Rule, reason: String) -> Rule {
        Rule(id: "undecided." + rule.id, severity: rule.severity, layer: rule.layer, test: rule.test, applies: { _ in false },
             concern: rule.concern, basis: rule.basis,
             messageZH: "未判定：登记库中该要素的几何图形无效（\(reason)），无法适用本规则（\(rule.messageZH)）；请修复该要素（landreg audit 可列出，导入时 --make-valid 可修复）",
             messageEN: "not decided: the registry feature's geometry is invalid (\(reason)), so the rule could not be applied (\(rule.messageEN)); repair the feature (landreg audit lists it, import --make-valid repairs it)")
    }
}
