/// What every check report says of a proposal besides its findings: what
/// it was checked as, and where each value came from, so that a reviewer
/// sees what the verdict rests on; and a declared area that the drawn plot
/// does not match.
enum CheckedAs {
    /// "use 0701 (file), action supply (option), air_polluting false (default), …".
    static func line(_ p: Proposal, _ language: ReportLanguage) -> String {
        let zh = language == .zh
        func source(_ key: String) -> String {
            switch p.sources[key] {
            case .file?: return reportWord("file", zh)
            case .option?: return reportWord("option", zh)
            case .default?, nil: return reportWord("default", zh)
            }
        }
        func flag(_ value: Bool) -> String { zh ? (value ? "是" : "否") : (value ? "true" : "false") }
        let items: [(String, String, String)] = [
            (reportWord("use", zh), p.use.map { code in LandUse.name(code).map { "\(code) \($0)" } ?? code } ?? (reportWord("none", zh)), "use"),
            (zh ? "事项" : "action", Words.action(p.action, language), "action"),
            (reportWord("air_polluting", zh), flag(p.airPolluting), "air_polluting"),
            (reportWord("soil_polluting", zh), flag(p.soilPolluting), "soil_polluting"),
            (reportWord("discharges", zh), flag(p.discharges), "discharges"),
            (reportWord("food_crops", zh), flag(p.foodCrops), "food_crops"),
        ]
        let parts = items.map { zh ? "\($0.0) \($0.1)（\(source($0.2))）" : "\($0.0) \($0.1) (\(source($0.2)))" }
        return (reportWord("checked as: ", zh)) + parts.joined(separator: zh ? "；" : ", ")
    }

    /// The declared area (a land-approval file's 地块面积, in ha) against the
    /// plot's computed area, when they differ by more than 1 %.
    static func areaMismatch(_ result: CheckResult, _ language: ReportLanguage) -> String? {
        guard case .number(let declared, let text)? = result.proposal.properties.first(where: { $0.0 == "declared_area_ha" })?.1,
              declared > 0, result.areaM2 > 0 else { return nil }
        let computed = result.areaM2 / 10_000
        let difference = abs(computed - declared) / declared * 100
        guard difference > 1 else { return nil }
        return language == .zh
            ? "申报面积 \(text) 公顷，按界址点计算 \(fixed(computed, 4)) 公顷，相差 \(fixed(difference, 1))%"
            : "declared area \(text) ha, computed from the boundary points \(fixed(computed, 4)) ha: \(fixed(difference, 1)) % apart"
    }
}
