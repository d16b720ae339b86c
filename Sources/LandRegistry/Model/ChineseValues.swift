/// The Chinese words staff write for the contract's enumeration values
/// (`严格管控类` for `strict`, `一级` for `first`, `疑似` for `suspected` …),
/// accepted wherever a value is read; the registry stores the contract's.
public enum ChineseValues {
    static let words: [String: String] = [
        // stage
        "疑似": "suspected", "疑似地块": "suspected", "调查中": "investigating", "正在调查": "investigating",
        "未超标": "clean", "无污染": "clean", "污染": "contaminated", "污染地块": "contaminated",
        "列入名录": "listed", "已列入名录": "listed", "名录": "listed", "修复中": "remediating",
        "风险管控或修复中": "remediating", "治理修复中": "remediating", "移出名录": "delisted", "已移出名录": "delisted",
        // farmland class
        "优先保护类": "priority", "优先保护": "priority", "安全利用类": "safe_use", "安全利用": "safe_use",
        "严格管控类": "strict", "严格管控": "strict",
        // zone level and source type
        "一级": "first", "一级保护区": "first", "二级": "second", "二级保护区": "second", "准保护区": "quasi", "准": "quasi",
        "河流": "river", "河流型": "river", "水库": "reservoir", "湖库型": "reservoir", "湖泊": "reservoir",
        "地下水": "groundwater", "地下水型": "groundwater",
        // outfall type (and the labels landreg's tables print)
        "工业": "industrial", "工业排污口": "industrial", "污水处理厂": "sewage_plant", "城镇污水处理厂": "sewage_plant",
        "城镇污水处理厂排污口": "sewage_plant", "农业": "agricultural", "农业排口": "agricultural", "其他": "other", "其它": "other",
        "其他排口": "other", "其它排口": "other",
        // section target class (GB 3838 classes as printed: Ⅲ类) and water body
        "Ⅰ类": "I", "Ⅱ类": "II", "Ⅲ类": "III", "Ⅳ类": "IV", "Ⅴ类": "V", "Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V",
        "I类": "I", "II类": "II", "III类": "III", "IV类": "IV", "V类": "V",
        "湖库": "lake", "湖泊型": "lake", "水库型": "lake", "湖": "lake",
        // admin kind
        "县": "county", "县城": "county_seat", "县城建成区": "county_seat", "乡镇": "town", "镇": "town", "乡": "town",
        // proposal action
        "土地供应": "supply", "供地": "supply", "供应": "supply", "改变用途": "use_change", "变更用途": "use_change", "用途变更": "use_change",
        "规划许可": "planning_permit", "复垦": "reclamation", "土地复垦": "reclamation", "新建项目": "new_project", "新建": "new_project",
        "新设排污口": "new_outfall", "新设": "new_outfall",
        // permit status
        "有效": "valid", "正常": "valid", "注销": "cancelled", "已注销": "cancelled", "撤销": "revoked", "已撤销": "revoked",
    ]

    /// The enumeration case `text` names, by its contract name or a Chinese word.
    public static func parse<T: CaseIterable & RawRepresentable>(_ text: String, as type: T.Type = T.self) -> T? where T.RawValue == String {
        T(rawValue: text) ?? value(text, in: T.allCases.map(\.rawValue)).flatMap(T.init(rawValue:))
    }

    /// A boolean as people write it: true/false, 1/0, yes/no, 是/否 (nil otherwise).
    public static func flag(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "1", "yes", "是", "y", "t": return true
        case "false", "0", "no", "否", "n", "f": return false
        default: return nil
        }
    }

    /// The contract's value among `allowed` that a Chinese word stands for.
    public static func value(_ word: String, in allowed: [String]) -> String? {
        guard let value = words[word.trimmingCharacters(in: .whitespaces)], allowed.contains(value) else { return nil }
        return value
    }
}
