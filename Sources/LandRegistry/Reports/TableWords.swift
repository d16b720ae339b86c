/// The Chinese of the tables people read — the review's, `list`'s,
/// `query`'s, `audit`'s: column names, and the words their cells are made
/// of (contract values, events, verdicts). File names and JSON keep the
/// contract's names; in English the tables stay as they are made.
public enum TableWords {
    static let columns: [String: String] = [
        "event": "事件", "date": "日期", "proposal_id": "项目编号", "use": "用途代码", "use_name": "用途", "action": "事项",
        "verdict": "审查结论", "soil_findings": "土壤审查发现", "note": "备注", "town": "乡镇", "permit_id": "批准记录号",
        "permit_date": "批准日期", "kind": "批准类型", "plot": "地块", "plot_stage_then": "批准时地块阶段", "overlap_m2": "重叠面积（平方米）",
        "code": "编码", "name": "名称", "from": "原阶段", "to": "新阶段", "doc": "依据文件", "stage": "阶段", "since": "起始日期",
        "days_waiting": "已等待天数", "permit_status": "排污许可证状态", "covering_plot": "所在地块", "plot_stage": "地块阶段",
        "needs_supervision": "监管要求", "type": "类型", "finding": "发现", "detail": "详情", "target_class": "目标水质",
        "class": "水质类别", "meets": "是否达标", "over_target_class": "超标指标（均值，超标倍数）", "months": "各月类别",
        "exceedances": "超标样品（监测值 > 限值，超标倍数，日期）", "no_limit": "无排放限值的指标", "outfall": "排口编码",
        "measure": "整治措施", "responsible": "责任主体", "deadline": "完成时限", "days_overdue": "逾期天数",
        // layer properties and query/list/audit columns
        "area_m2": "面积（平方米）", "mu": "面积（亩）", "lon": "经度", "lat": "纬度", "other_code": "相关要素编码", "overlap_mu": "重叠面积（亩）",
        "distance_m": "距离（米）", "check": "检查项", "layer": "图层", "level": "保护区级别", "source": "水源",
        "source_type": "水源类型", "crop": "作物", "concentrated": "集中区", "river": "河流", "status": "状态",
        "assessed_by": "考核", "key_supervised": "重点监管", "air_emitting": "涉气", "toxic_history": "有毒有害物质历史",
        "enterprise": "企业", "former_use": "原用途", "stage_date": "阶段日期", "water_body": "水体类型", "industry": "行业",
        // towns.csv: one column per table
        "sensitive-approvals": "一住两公核查批准", "clear-to-zero": "违规开发利用", "risk-list-changes": "名录变化",
        "unresolved": "未完成调查评估", "vacated": "腾退地块", "outfalls": "保护区及断面上游排污口",
        "farmland-changes": "耕地类别调整", "water-sections": "断面水质", "water-outfalls": "超标或无限值排污口",
        "outfall-remedies": "逾期整治",
    ]

    /// Cells' words: the catalogue's terms for the contract's values
    /// (stages, actions, permit statuses, outfall types, remedy measures),
    /// and the review's own words.
    static let cells: [String: String] = {
        var cells: [String: String] = [
            // verdicts
            "block": "不予通过", "condition": "附条件", "warn": "提示", "clear": "通过",
            // events and findings
            "checked": "已审查", "permitted": "已批准", "class adjusted": "类别调整", "food crops proposed": "拟种植食用农产品",
            "in first zone": "位于一级保护区", "in second zone": "位于二级保护区", "upstream of section": "断面上游",
            "yes: no plot registered": "是：未登记地块", "follow the plot": "随地块监管",
            "yes": "是", "no": "否", "no data": "无数据", "(outside any town)": "（不在任何乡镇）",
            // an outfall type, in a cell of its own
            "other": "其他排口",
            // water classes
            "I": "Ⅰ类", "II": "Ⅱ类", "III": "Ⅲ类", "IV": "Ⅳ类", "V": "Ⅴ类", "worse_than_V": "劣Ⅴ类",
        ]
        let contract = Stage.allCases.map(\.rawValue) + ProposalAction.allCases.map(\.rawValue) + ["valid", "cancelled", "revoked"]
            + ["industrial", "sewage_plant", "agricultural"] + RemedyMeasure.allCases.map(\.rawValue).filter { $0 != "other" }
        for word in contract where cells[word] == nil { cells[word] = Catalogue.terms[word] }
        return cells
    }()

    /// Names that mean something else in one table.
    static let columnsOfTable: [String: String] = [
        "vacated.csv permit_date": "排污许可证日期", "vacated.csv plot_stage": "地块阶段",
        "water-sections.csv class": "水质类别", "farmland class": "耕地类别", "enterprises permit_date": "排污许可证日期",
        "admin kind": "区划类型", "outfalls type": "排口类型", "sections target_class": "目标水质",
    ]

    /// The contract's enumeration values by property: the catalogue's
    /// terms for every enumerated property of every layer, but where a
    /// property says a value otherwise.
    static let values: [String: [String: String]] = {
        var values: [String: [String: String]] = ["type": ["other": "其他排口"], "water_body": ["river": "河流", "lake": "湖库"]]
        for spec in Layer.allCases.flatMap(\.properties) {
            guard case .enumeration(let options) = spec.kind else { continue }
            for option in options where values[spec.name]?[option] == nil {
                if let term = Catalogue.terms[option] { values[spec.name, default: [:]][option] = term }
            }
        }
        values["layer"] = Dictionary(uniqueKeysWithValues: Layer.allCases.map { ($0.rawValue, Catalogue.terms[$0.rawValue] ?? $0.rawValue) })
        return values
    }()
    static let booleans: Set<String> = ["concentrated", "key_supervised", "air_emitting", "toxic_history"]

    /// A property's value in `language`: enumeration values and booleans in
    /// Chinese, everything else as it is.
    public static func value(_ text: String, property: String, _ language: ReportLanguage) -> String {
        guard language == .zh else { return text }
        if booleans.contains(property) { return text == "true" ? "是" : text == "false" ? "否" : text }
        return values[property]?[text] ?? text
    }

    /// Words inside composed cells: parameters and classes (with their punctuation kept).
    static let tokens: [String: String] = [
        "cod": "化学需氧量", "codmn": "高锰酸盐指数", "bod5": "五日生化需氧量", "nh3n": "氨氮", "tp": "总磷", "tn": "总氮",
        "do": "溶解氧", "ph": "pH", "flow": "流量",
        "I": "Ⅰ类", "II": "Ⅱ类", "III": "Ⅲ类", "IV": "Ⅳ类", "V": "Ⅴ类", "worse_than_V": "劣Ⅴ类", "-": "无数据",
    ]

    /// A column's name in `language` (`table` is the CSV file's or the layer's name).
    public static func column(_ name: String, _ language: ReportLanguage, table: String = "") -> String {
        guard language == .zh else { return name }
        return columnsOfTable["\(table) \(name)"] ?? columns[name] ?? name
    }

    /// A cell in `language`: its words translated where the whole cell, or
    /// each space-separated word of it (a list of stages), is one.
    public static func cell(_ text: String, _ language: ReportLanguage) -> String {
        guard language == .zh, !text.isEmpty else { return text }
        if let word = cells[text] { return word }
        if text.hasPrefix(ReviewRules.permittedDespiteBlock) {
            return "审查结论为不予通过仍予批准" + text.dropFirst(ReviewRules.permittedDespiteBlock.count).replacingOccurrences(of: ": ", with: "：")
        }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count > 1, words.allSatisfy({ cells[$0] != nil && $0.first!.isLowercase }) { return words.map { cells[$0]! }.joined(separator: " ") }
        return composed(text)
    }

    /// A composed cell (`nh3n 1.076 (0.08x); …`, `断面, 1980.84 m along 县城河`)
    /// with its parameters, classes and phrases in Chinese.
    static func composed(_ text: String) -> String {
        var out = text
        // "NAME, 123.4 m along RIVER" → "NAME，沿RIVER 123.4 米"
        if let along = out.range(of: ReviewRules.alongRiver) {
            let before = out[..<along.lowerBound], river = out[along.upperBound...]
            if let comma = before.range(of: ", ", options: .backwards) {
                out = before[..<comma.lowerBound] + "，沿" + river + " " + before[comma.upperBound...] + " 米"
            }
        }
        var result: [String] = []
        for word in out.split(separator: " ", omittingEmptySubsequences: false) {
            var token = String(word), tail = ""
            while let last = token.last, ";,".contains(last) { tail = String(last) + tail; token.removeLast() }
            if token.hasPrefix("("), token.hasSuffix("x)"), let times = Double(token.dropFirst().dropLast(2)) {
                result.append("（超标 \(formatValue(times)) 倍）" + tail)
            } else {
                result.append((tokens[token] ?? token) + tail)
            }
        }
        return result.joined(separator: " ")
    }
}
