/// The 2017 land-use classification (GB/T 21010-2017 《土地利用现状分类》, as
/// the third national land survey, 三调, uses it): code → name, and the
/// 2023 code each maps to (《国土空间调查、规划、用途管制用地用海分类指南》
/// 附录 — the correspondence for the classes a county's approvals use;
/// classes the 2023 guide splits or merges otherwise have none and must be
/// given as 2023 codes). The same digits mean other things in the two: 0601
/// is industrial land in 2017 and a rural road in 2023, 1001 a railway in
/// 2017 and industrial land in 2023 (domain notes §6).
public enum LandUse2017 {
    /// (2017 code, 2017 name, 2023 code or "" when there is no one class).
    static let table: [(String, String, String)] = [
        ("01", "耕地", "01"), ("0101", "水田", "0101"), ("0102", "水浇地", "0102"), ("0103", "旱地", "0103"),
        ("02", "园地", "02"), ("0201", "果园", "0201"), ("0202", "茶园", "0202"), ("0203", "橡胶园", "0203"), ("0204", "其他园地", "0205"),
        ("03", "林地", "03"), ("0301", "乔木林地", "0301"), ("0302", "竹林地", "0302"), ("0303", "红树林地", ""),
        ("0304", "森林沼泽", "0501"), ("0305", "灌木林地", "0303"), ("0306", "灌丛沼泽", "0502"), ("0307", "其他林地", "0304"),
        ("04", "草地", "04"), ("0401", "天然牧草地", "0401"), ("0402", "沼泽草地", "0503"), ("0403", "人工牧草地", "0402"),
        ("0404", "其他草地", "0403"),
        ("05", "商服用地", "09"), ("0501", "零售商业用地", "090101"), ("0502", "批发市场用地", "090102"), ("0503", "餐饮用地", "090103"),
        ("0504", "旅馆用地", "090104"), ("0505", "商务金融用地", "0902"), ("0506", "娱乐用地", "090301"), ("0507", "其他商服用地", "0904"),
        ("06", "工矿仓储用地", ""), ("0601", "工业用地", "1001"), ("0602", "采矿用地", "1002"), ("0603", "盐田", "1003"),
        ("0604", "仓储用地", "1101"),
        ("07", "住宅用地", "07"), ("0701", "城镇住宅用地", "0701"), ("0702", "农村宅基地", "0703"),
        ("08", "公共管理与公共服务用地", "08"), ("0801", "机关团体用地", "0801"), ("0802", "新闻出版用地", "0803"),
        ("0803", "教育用地", "0804"), ("0804", "科研用地", "0802"), ("0805", "医疗卫生用地", "0806"), ("0806", "社会福利用地", "0807"),
        ("0807", "文化设施用地", "0803"), ("0808", "体育用地", "0805"), ("0809", "公用设施用地", "13"), ("0810", "公园与绿地", "1401"),
        ("09", "特殊用地", "15"), ("0901", "军事设施用地", "1501"), ("0902", "使领馆用地", "1502"), ("0903", "监教场所用地", "1505"),
        ("0904", "宗教用地", "1503"), ("0905", "殡葬用地", "1506"), ("0906", "风景名胜设施用地", ""),
        ("10", "交通运输用地", "12"), ("1001", "铁路用地", "1201"), ("1002", "轨道交通用地", "1206"), ("1003", "公路用地", "1202"),
        ("1004", "城镇村道路用地", "1207"), ("1005", "交通服务场站用地", "1208"), ("1006", "农村道路", "0601"), ("1007", "机场用地", "1203"),
        ("1008", "港口码头用地", "1204"), ("1009", "管道运输用地", "1205"),
        ("11", "水域及水利设施用地", ""), ("1101", "河流水面", "1701"), ("1102", "湖泊水面", "1702"), ("1103", "水库水面", "1703"),
        ("1104", "坑塘水面", "1704"), ("1105", "沿海滩涂", ""), ("1106", "内陆滩涂", ""), ("1107", "沟渠", "1705"), ("1108", "沼泽地", "0504"),
        ("1109", "水工建筑用地", "1311"), ("1110", "冰川及永久积雪", "1706"),
        ("12", "其他土地", ""), ("1201", "空闲地", ""), ("1202", "设施农用地", "06"), ("1203", "田坎", ""), ("1204", "盐碱地", ""),
        ("1205", "沙地", ""), ("1206", "裸土地", ""), ("1207", "裸岩石砾地", ""),
    ]

    static let names = Dictionary(uniqueKeysWithValues: table.map { ($0.0, $0.1) })
    static let to2023 = Dictionary(uniqueKeysWithValues: table.compactMap { $0.2.isEmpty ? nil : ($0.0, $0.2) })

    /// The code's 2017 name.
    public static func name(_ code: String) -> String? { names[code] }

    /// The 2023 code a 2017 code maps to (nil: none, or not a 2017 code).
    public static func code2023(_ code: String) -> String? { to2023[code].flatMap { LandUse.isKnown($0) ? $0 : nil } }
}

/// Which land-use classification a file's codes are in.
public enum LandUseClassification: String, CaseIterable, Sendable {
    /// 《国土空间调查、规划、用途管制用地用海分类指南》 (2023): the check's own.
    case y2023 = "2023"
    /// GB/T 21010-2017 (三调): mapped to 2023 codes.
    case y2017 = "2017"
}

extension LandUse {
    /// Whether `words` (a file's 地块用途) name the class `code` is in — the
    /// code's own name, a broader or narrower class's — in `names`; names
    /// are compared without 用地 and each may abbreviate the other.
    static func agrees(_ words: String, with code: String, in names: [String: String]) -> Bool {
        func bare(_ text: String) -> String {
            var text = text.filter { !$0.isWhitespace }
            for suffix in ["用地", "地"] where text.hasSuffix(suffix) && text.count > suffix.count { text.removeLast(suffix.count) }
            return text
        }
        let said = bare(words)
        guard !said.isEmpty else { return true }
        let related = names.filter { code.hasPrefix($0.key) || $0.key.hasPrefix(code) }.map { bare($0.value) }
        return related.contains { $0 == said || $0.contains(said) || said.contains($0) }
    }

    /// The 2023 codes whose name is `words`, for a hint.
    static func codes(named words: String) -> [String] {
        names.filter { agrees(words, with: $0.key, in: [$0.key: $0.value]) }.map(\.key).sorted().filter { $0.count <= 4 }.prefix(3).map { $0 }
    }
}
