/// What every check report says of a proposal besides its findings: what
/// it was checked as, and where each value came from, so that a reviewer
/// sees what the verdict rests on; and a declared area that the drawn plot
/// does not match.
enum CheckedAs {
    /// "use 0701 (file), action supply (option), air_polluting false (default), …".
    static func line(_ p: Proposal, _ language: ReportLanguage) -> String {
        func source(_ key: String) -> String {
            switch p.sources[key] {
            case .file?: return reportWord("file", language)
            case .option?: return reportWord("option", language)
            case .default?, nil: return reportWord("default", language)
            }
        }
        func flag(_ value: Bool) -> String { YesNo(value).text(language) }
        let items: [(String, String, String)] = [
            (reportWord("use", language), p.use.map { code in LandUse.name(code).map { "\(code) \($0)" } ?? code } ?? (reportWord("none", language)), "use"),
            (Terms.column("action", language), p.action.text(language), "action"),
            (reportWord("air_polluting", language), flag(p.airPolluting), "air_polluting"),
            (reportWord("soil_polluting", language), flag(p.soilPolluting), "soil_polluting"),
            (reportWord("discharges", language), flag(p.discharges), "discharges"),
            (reportWord("food_crops", language), flag(p.foodCrops), "food_crops"),
        ]
        let parts = items.map { "\($0.0) \($0.1)" + language.bracketed(source($0.2)) }
        return (reportWord("checked as: ", language)) + parts.joined(separator: language.listSeparator(english: ", "))
    }

    /// The declared area (a land-approval file's 地块面积, in ha) against the
    /// plot's computed area, when they differ by more than 1 %.
    static func areaMismatch(_ result: CheckResult, _ language: ReportLanguage) -> String? {
        guard case .number(let declared, let text)? = result.proposal.properties.first(where: { $0.0 == "declared_area_ha" })?.1,
              declared > 0, result.areaM2 > 0 else { return nil }
        let computed = result.areaM2 / 10_000
        let difference = abs(computed - declared) / declared * 100
        guard difference > 1 else { return nil }
        return Phrase("declared area \(text) ha, computed from the boundary points \(fixed(computed, 4)) ha: \(fixed(difference, 1)) % apart")
            .text(language)
    }
}
