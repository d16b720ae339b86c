/// How Shapefile fields (at most 10 characters) map to the contract's
/// properties: landreg's own abbreviations, then common Chinese names.
public enum ShapefileFields {
    /// Contract property → the field name landreg writes.
    public static let abbreviations: [String: String] = [
        "toxic_history": "toxic_hist", "stage_date": "stage_date", "former_use": "former_use",
        "concentrated": "concentrat", "source_type": "src_type", "target_class": "target_cls",
        "assessed_by": "assessedby", "key_supervised": "key_superv", "air_emitting": "air_emit",
        "permit_status": "permit_sts", "permit_date": "permit_dt", "enterprise": "enterprise",
        "air_polluting": "air_poll", "soil_polluting": "soil_poll", "food_crops": "food_crops",
    ]

    /// Field names staff's files use, by property.
    static let common: [String: [String]] = [
        "code": ["code", "dkbm", "bm", "编码", "编号", "代码", "地块编号", "地块代码", "bsm"],
        "name": ["name", "dkmc", "mc", "名称", "地块名称", "项目名称"],
        "stage": ["stage", "阶段", "状态"],
        "town": ["town", "xzmc", "乡镇", "乡镇名称"],
        "class": ["class", "lb", "类别", "质量类别"],
        "use": ["use", "dlbm", "ytbm", "用途", "地类编码", "用途编码"],
        "land_use_name": ["land_use_name", "dlmc", "ytmc", "地块用途", "地类名称", "用途名称"],
        "id": ["id", "项目编号"],
        "action": ["action", "事项", "审批事项", "办理事项", "申请事项"],
    ]

    /// The property a field name stands for (itself when nothing maps it):
    /// landreg's abbreviation, a common name, or the 10-character cut GDAL
    /// makes of a longer name (`air_pollut` for `air_polluting`) when it is
    /// the start of one property's name only.
    public static func property(for field: String) -> String {
        let lowered = field.lowercased()
        if let property = abbreviations.first(where: { $0.value == lowered })?.key { return property }
        if let property = common.first(where: { $0.value.contains(lowered) })?.key { return property }
        if lowered.utf8.count == 10 {
            let cut = contractNames.filter { $0.count > 10 && $0.hasPrefix(lowered) }
            if cut.count == 1 { return cut.first! }
        }
        // A Chinese name cut at 10 bytes (地块用 of 地块用途): the common name it begins, when only one property's does.
        if lowered.utf8.count >= 8, lowered.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            let begun = Set(common.filter { $0.value.contains { $0.utf8.count > 10 && $0.hasPrefix(lowered) } }.map(\.key))
            if begun.count == 1 { return begun.first! }
        }
        return field
    }

    /// Every property name of the contract: the layers' and the proposals'.
    static let contractNames: Set<String> = Set(Layer.allCases.flatMap { $0.properties.map(\.name) }).union(Proposal.propertyNames)
}
