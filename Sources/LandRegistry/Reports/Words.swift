/// The words reports use for the contract's values, in Chinese and English
/// (the contract's ASCII names stay in JSON and GeoJSON).
enum Words {
    static func action(_ action: ProposalAction, _ language: ReportLanguage) -> String {
        guard language == .zh else { return action.rawValue }
        switch action {
        case .supply: return "土地供应"
        case .useChange: return "改变用途"
        case .planningPermit: return "规划许可"
        case .reclamation: return "复垦"
        case .newProject: return "新建项目"
        case .newOutfall: return "新设排污口"
        }
    }

    static func severity(_ severity: Severity, _ language: ReportLanguage) -> String {
        guard language == .zh else { return severity.rawValue }
        switch severity {
        case .block: return "不予通过"
        case .condition: return "附条件"
        case .warn: return "提示"
        }
    }

    /// Whose words a quote is.
    static func sourceKind(_ kind: LegalBasis.Source.Kind, _ language: ReportLanguage) -> String {
        switch (kind, language) {
        case (.statute, .zh): return "法律"
        case (.plan, .zh): return "县行动计划"
        case (.statute, .en): return "law"
        case (.plan, .en): return "county plan"
        }
    }
}

/// A report's word (a title, a label, a caption) in Chinese — its entry in
/// the catalogue — or in the English it is written in.
func reportWord(_ phrase: Phrase, _ zh: Bool) -> String { phrase.text(zh ? .zh : .en) }
