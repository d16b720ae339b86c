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
            case .file?: return zh ? "文件" : "file"
            case .option?: return zh ? "命令选项" : "option"
            case .default?, nil: return zh ? "默认" : "default"
            }
        }
        func flag(_ value: Bool) -> String { zh ? (value ? "是" : "否") : (value ? "true" : "false") }
        let items: [(String, String, String)] = [
            (zh ? "用途" : "use", p.use.map { code in LandUse.name(code).map { "\(code) \($0)" } ?? code } ?? (zh ? "无" : "none"), "use"),
            (zh ? "事项" : "action", Words.action(p.action, language), "action"),
            (zh ? "涉气" : "air_polluting", flag(p.airPolluting), "air_polluting"),
            (zh ? "可能造成土壤污染" : "soil_polluting", flag(p.soilPolluting), "soil_polluting"),
            (zh ? "排放水污染物" : "discharges", flag(p.discharges), "discharges"),
            (zh ? "种植食用农产品" : "food_crops", flag(p.foodCrops), "food_crops"),
        ]
        let parts = items.map { zh ? "\($0.0) \($0.1)（\(source($0.2))）" : "\($0.0) \($0.1) (\(source($0.2)))" }
        return (zh ? "核查依据：" : "checked as: ") + parts.joined(separator: zh ? "；" : ", ")
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
