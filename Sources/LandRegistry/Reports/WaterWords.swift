/// The words of the water and air reports, in Chinese and English (the
/// contract's ASCII names stay in JSON).
struct WaterWords {
    let language: ReportLanguage
    init(_ language: ReportLanguage) { self.language = language }
    private var zh: Bool { language == .zh }
    private func t(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
    /// `text` in brackets, as each language writes them.
    func bracketed(_ text: String) -> String { zh ? "（\(text)）" : " (\(text))" }

    var title: String { reportWord("Water sections and outfalls", zh) }
    func sectionsTitle(_ period: MonitoringPeriod) -> String {
        period.months.count == 1 ? reportWord("Sections (GB 3838-2002, single factor, monthly means)", zh)
            : t("断面水质（GB 3838-2002 单因子评价，各月均值的期间均值；各月类别另列）",
                "Sections (GB 3838-2002, single factor on the mean of the monthly means; each month's class beside)")
    }
    var outfallsTitle: String { reportWord("Outfalls (over limit, no limit)", zh) }
    func traceTitle(_ metres: Double) -> String {
        t("未达标断面上游 \(fixed(metres / 1000, 1)) 公里内的排污口（溯源，沿河道由近及远）",
          "Outfalls within \(fixed(metres / 1000, 1)) km upstream of sections missing their target (along the rivers, nearest first)")
    }
    func overdueTitle(_ date: String) -> String { t("逾期未完成整治的排污口（截至 \(date)）", "Overdue remedies (as of \(date))") }
    var sectionHeader: [String] {
        zh ? ["断面编码", "断面名称", "目标", "水质类别", "是否达标", "超标指标（均值，超标倍数）", "各月类别"]
           : ["code", "name", "target", "class", "meets", "over the target class (mean, times over)", "each month"]
    }
    var outfallHeader: [String] {
        zh ? ["排口编码", "名称", "类型", "超标样品（监测值 > 限值，超标倍数，日期）", "无排放限值的指标"]
           : ["code", "name", "type", "samples over the limit (value > limit, times over, date)", "no limit"]
    }
    var overdueHeader: [String] {
        zh ? ["排口编码", "名称", "整治措施", "责任主体", "完成时限", "逾期天数"]
           : ["outfall", "name", "measure", "responsible", "deadline", "days overdue"]
    }
    /// Each month's class, `07 Ⅲ类 / 08 Ⅳ类` (a failing month marked).
    func monthClasses(_ s: SectionResult) -> String {
        s.months.map { m in
            "\(m.month.suffix(2)) \(m.waterClass.map(waterClass) ?? "-")\(m.meets == false ? "✗" : "")"
        }.joined(separator: " / ")
    }

    /// What a section's parameters exceed: the target class's limit (times
    /// over), and the section's own targets where it has them.
    func overLimits(_ s: SectionResult) -> String {
        var parts = s.parameters.filter { $0.timesLimit != nil }.map { "\(parameter($0.parameter)) \(formatValue($0.mean)) (\(times($0.timesLimit!)))" }
        for p in s.parameters where p.meetsTarget == false {
            parts.append(t("\(parameter(p.parameter)) 未达考核目标 \(formatValue(p.target!))", "\(parameter(p.parameter)) misses its target \(formatValue(p.target!))"))
        }
        return parts.joined(separator: "; ")
    }

    var noData: String { reportWord("no data", zh) }
    var noneUpstream: String { reportWord("no outfall upstream within the distance", zh) }
    var noExceedance: String { reportWord("no exceedance this period", zh) }

    /// What a traced outfall did in the period: over which limits, which
    /// parameters have none, or nothing measured.
    func tracedStatus(_ o: TracedOutfall) -> String {
        guard o.measured else { return reportWord("not measured this period", zh) }
        var parts: [String] = []
        if !o.exceeding.isEmpty { parts.append(reportWord("over its limit: ", zh) + o.exceeding.map(parameter).joined(separator: ", ")) }
        if !o.noLimit.isEmpty { parts.append(reportWord("no limit: ", zh) + o.noLimit.map(parameter).joined(separator: ", ")) }
        return parts.isEmpty ? noExceedance : parts.joined(separator: t("；", "; "))
    }
    var nearestEnterprise: String { reportWord("nearest enterprise", zh) }
    var town: String { reportWord("town", zh) }
    var warning: String { reportWord("Note", zh) }

    /// A section's verdict for the period, naming the months that missed
    /// the target when the period has several.
    func verdict(_ s: SectionResult) -> String {
        let missed = s.months.count > 1 ? s.monthsMissed.map { String($0.suffix(2)) } : []
        guard !missed.isEmpty else { return verdict(s.meets) }
        let months = missed.joined(separator: zh ? "、" : ", ")
        switch (s.meets, zh) {
        case (true?, true): return "季度均值达标，但 \(months) 月未达标"
        case (true?, false): return "yes on the mean, but missed in \(months)"
        case (_, true): return "\(verdict(s.meets))（\(months) 月未达标）"
        case (_, false): return "\(verdict(s.meets)) (missed in \(months))"
        }
    }

    func verdict(_ meets: Bool?) -> String {
        switch meets {
        case true?: return reportWord("yes", zh)
        case false?: return reportWord("NO", zh)
        case nil: return reportWord("no data", zh)
        }
    }

    func waterClass(_ c: WaterClass) -> String {
        if zh { return ["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类"][c.rawValue - 1] }
        return c == .worseThanV ? "worse than V" : "class \(c)"
    }

    func times(_ value: Double) -> String { zh ? "超标 \(fixed(value, 2)) 倍" : "\(fixed(value, 2))× over" }

    /// One sample over its limit: "NH3-N 7.2 > 5 (0.44× over, 2023-07-08)".
    func exceedance(_ e: Exceedance) -> String {
        "\(parameter(e.parameter)) \(formatValue(e.value)) > \(e.limit) (\(times(e.timesLimit))\(zh ? "，" : ", ")\(e.date))"
    }

    func parameter(_ p: MonitoringParameter) -> String {
        guard zh else {
            return ["cod": "COD", "codmn": "CODMn", "bod5": "BOD5", "nh3n": "NH3-N", "tp": "TP", "tn": "TN", "do": "DO",
                    "ph": "pH", "flow": "flow", "so2": "SO2", "no2": "NO2", "pm10": "PM10", "pm25": "PM2.5", "co": "CO",
                    "o3": "O3"][p.rawValue]!
        }
        return ["cod": "化学需氧量", "codmn": "高锰酸盐指数", "bod5": "五日生化需氧量", "nh3n": "氨氮", "tp": "总磷",
                "tn": "总氮", "do": "溶解氧", "ph": "pH", "flow": "流量", "so2": "二氧化硫", "no2": "二氧化氮",
                "pm10": "PM10", "pm25": "PM2.5", "co": "一氧化碳", "o3": "臭氧"][p.rawValue]!
    }

    func outfallType(_ type: String) -> String {
        guard zh else { return type }
        return ["industrial": "工业排污口", "sewage_plant": "城镇污水处理厂排污口", "agricultural": "农业排口", "other": "其他排口"][type] ?? type
    }

    func measure(_ m: RemedyMeasure) -> String {
        guard zh else { return m.rawValue }
        switch m {
        case .ban: return "取缔"
        case .merge: return "合并"
        case .regularize: return "规范整治"
        case .other: return "其他"
        }
    }
}
