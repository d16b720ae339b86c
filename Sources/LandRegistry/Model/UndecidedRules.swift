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
        message: "outside the registry's coverage (the county boundary and its margin): the registry has no data there, nothing was assessed")

    /// What a file may leave unsaid that decides whether a rule applies, and
    /// the values that would make one apply: (property, what it says, the
    /// context of its values, the values).
    static let unsaid: [(property: String, what: Phrase, context: String, values: [String])] = [
        ("action", "the action", ProposalAction.context,
         [ProposalAction.newProject, .reclamation, .newOutfall].map(\.name)),
        ("air_polluting", "whether it emits air pollutants", YesNo.context, [YesNo.true.name]),
        ("discharges", "whether it discharges water pollutants", YesNo.context, [YesNo.true.name]),
        ("food_crops", "whether it grows food crops", YesNo.context, [YesNo.true.name]),
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
        for (property, what, context, values) in unsaid where proposal.assumed.contains(property) {
            for value in values where !(areal && value == ProposalAction.newOutfall.rawValue) {
                guard let variant = proposal.with(property, value) else { continue }
                for rule in rules where !rule.applies(proposal) && rule.applies(variant) && !found.contains(where: { $0.id == "assumed." + rule.id }) {
                    found.append(Rule(
                        id: "assumed." + rule.id, severity: .warn, layer: rule.layer, test: rule.test, applies: { _ in false },
                        concern: rule.concern, basis: rule.basis,
                        message: "not decided: the file does not say \(what) and it was checked with the default; if it is \(term: value, in: context): \(rule.message) (confirm it first)"))
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
             message: "not decided: the registry feature's geometry is invalid (\(term: reason, in: "geos")), so the rule could not be applied (\(rule.message)); repair the feature (landreg audit lists it, import --make-valid repairs it)")
    }
}
