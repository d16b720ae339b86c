/// How serious a finding is; a proposal's verdict is its most severe one.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case warn, condition, block

    private var rank: Int {
        switch self {
        case .warn: return 1
        case .condition: return 2
        case .block: return 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The legal or policy text a rule rests on.
public struct LegalBasis: Sendable {
    /// A law's article, or a passage of the county's plan, quoted apart.
    public struct Source: Sendable {
        public enum Kind: String, CaseIterable, Sendable { case statute, plan }
        public let kind: Kind
        public let instrument: String
        public let article: String
        /// The quoted text, in Chinese.
        public let quote: String

        /// "instrument article" for reports.
        public var citation: String { "\(instrument) \(article)" }
    }

    /// The plan's words first (what the county applies), then the law's.
    public let sources: [Source]

    /// One source; a law (…法) is a statute, anything else the county's plan.
    init(instrument: String, article: String, quote: String, statute: Source? = nil) {
        let kind: Source.Kind = instrument.hasSuffix("法") ? .statute : .plan
        sources = [Source(kind: kind, instrument: instrument, article: article, quote: quote)] + (statute.map { [$0] } ?? [])
    }

    /// A law's article as a second source.
    static func law(_ instrument: String, _ article: String, _ quote: String) -> Source {
        Source(kind: .statute, instrument: instrument, article: article, quote: quote)
    }

    /// The first source's "instrument article".
    public var citation: String { sources[0].citation }
    /// The first source's words.
    public var quote: String { sources[0].quote }
    /// Every source as one line: "instrument article：“quote”；…".
    public var text: String { sources.map { "\($0.citation)：“\($0.quote)”" }.joined(separator: "；") }
}

/// How a rule relates a proposal to a registry feature.
public enum SpatialTest: Sendable {
    /// The intersection's area is above the overlap minimum (a point
    /// proposal: the point intersects the feature).
    case overlaps
    /// The shortest distance is at most the setting's value.
    case within(Setting)
    /// Within the distance but not overlapping (touching counts, at 0 m).
    case withinNotOverlapping(Setting)
    /// Overlapping, or within the distance.
    case overlapsOrWithin(Setting)

    var distanceSetting: Setting? {
        switch self {
        case .overlaps: return nil
        case .within(let s), .withinNotOverlapping(let s), .overlapsOrWithin(let s): return s
        }
    }
}

/// Which features of its layer a rule is about: all, those whose property
/// has one of some values, or those whose boolean property is true. A value,
/// not a closure, so that the storage can ask only for those.
public enum Concern: Sendable, Hashable {
    case all
    case property(String, [String])
    case flag(String)

    func holds(for candidate: CandidateFeature) -> Bool {
        switch self {
        case .all: return true
        case .property(let name, let values): return candidate[name].map(values.contains) ?? false
        case .flag(let name): return candidate.flag(name)
        }
    }
}

/// One rule of the pre-approval check: which proposals it applies to, which
/// features of which layer it tests, how, and why.
/// A class, not a struct: the check hands each rule to every candidate
/// feature, and a copy of a struct of this many strings, closures and
/// arrays retained each of them (a tenth of a large check's reference counting).
public final class Rule: Sendable {
    public let id: String
    public let severity: Severity
    public let layer: Layer
    public let test: SpatialTest
    /// Whether the rule applies to a proposal at all.
    let applies: @Sendable (Proposal) -> Bool
    /// Which features of its layer the rule is about.
    let concern: Concern
    public let basis: LegalBasis
    /// What the finding means (its Chinese in the catalogue).
    public let message: Phrase

    init(id: String, severity: Severity, layer: Layer, test: SpatialTest, applies: @escaping @Sendable (Proposal) -> Bool,
         concern: Concern, basis: LegalBasis, message: Phrase) {
        self.id = id
        self.severity = severity
        self.layer = layer
        self.test = test
        self.applies = applies
        self.concern = concern
        self.basis = basis
        self.message = message
    }

    /// Whether a candidate feature is one the rule is about.
    func concerns(_ candidate: CandidateFeature) -> Bool { concern.holds(for: candidate) }
}

/// Every rule of the contract (§5), in one readable table.
public enum RuleTable {
    static let soilPlan = "陵川县土壤污染防治2023年行动计划"
    static let soilLaw = "中华人民共和国土壤污染防治法"
    static let waterLaw = "中华人民共和国水污染防治法"
    static let landLaw = "中华人民共和国土地管理法"
    static let airPlan = "陵川县空气质量再提升2023年行动计划"

    public static let rules: [Rule] = [
        Rule(id: "soil.listed", severity: .block, layer: .riskPlots, test: .overlaps,
             applies: { _ in true },
             concern: .property("stage", Stage.allCases.filter(\.isOnRiskList).map(\.rawValue)),
             basis: LegalBasis(instrument: soilPlan, article: "任务7",
                               quote: "对列入建设用地土壤污染风险管控和修复名录的地块，自然资源部门、行政审批部门严禁作为“一住两公”用地，严禁办理土地收回、收购、土地供应以及改变土地用途等手续。",
                               statute: LegalBasis.law(soilLaw, "第六十一条", "列入建设用地土壤污染风险管控和修复名录的地块，不得作为住宅、公共管理与公共服务用地。")),
             message: "overlaps a plot on the risk control and remediation list: no supply, recovery or use change, never housing or public use"),
        Rule(id: "soil.investigation-required", severity: .condition, layer: .riskPlots, test: .overlaps,
             applies: { $0.isSensitive },
             concern: .property("stage", Stage.allCases.filter(\.isUnresolved).map(\.rawValue)),
             basis: LegalBasis(instrument: soilPlan, article: "任务7",
                               quote: "用途拟变更为“一住两公”用地的所有地块，要严格落实土壤污染状况调查评估及治理修复制度。",
                               statute: LegalBasis.law(soilLaw, "第五十九条", "用途变更为住宅、公共管理与公共服务用地的，变更前应当按照规定进行土壤污染状况调查。")),
             message: "housing or public use over a suspected or contaminated plot not yet resolved: a soil investigation and assessment must come first"),
        Rule(id: "soil.sequencing", severity: .warn, layer: .riskPlots, test: .withinNotOverlapping(.sequencingDistance),
             applies: { $0.isSensitive },
             concern: .property("stage", Stage.allCases.filter(\.isOnRiskList).map(\.rawValue)),
             basis: LegalBasis(instrument: soilPlan, article: "任务8",
                               quote: "原则上，“一住两公”等敏感类用地应后开发，在周边土壤环境风险得到全面管控后再投入使用。"),
             message: "housing or public use near a plot on the risk list: sequence the development so it is used only once the risk nearby is controlled"),
        Rule(id: "soil.toxic-reclamation", severity: .block, layer: .riskPlots, test: .overlaps,
             applies: { $0.action == .reclamation || $0.use(in: "01") },
             concern: .flag("toxic_history"),
             basis: LegalBasis(instrument: soilPlan, article: "任务5",
                               quote: "原则上曾用于生产、使用、贮存、回收、处置有毒有害物质的地块禁止复垦为种植食用农产品的耕地。"),
             message: "reclamation to farmland over a plot that produced, used, stored, recycled or disposed of toxic substances"),
        Rule(id: "farmland.basic", severity: .block, layer: .basicFarmland, test: .overlaps,
             applies: { $0.use != nil && !$0.use(in: "01") },
             concern: .all,
             basis: LegalBasis(instrument: landLaw, article: "第三十五条",
                               quote: "永久基本农田经依法划定后，任何单位和个人不得擅自占用或者改变其用途。"),
             message: "a use other than cultivated land on permanent basic farmland"),
        Rule(id: "farmland.polluting-project", severity: .block, layer: .basicFarmland,
             test: .overlapsOrWithin(.concentratedFarmlandDistance),
             applies: { $0.soilPolluting },
             concern: .flag("concentrated"),
             basis: LegalBasis(instrument: soilPlan, article: "任务3",
                               quote: "在永久基本农田集中区域，严禁规划新建可能造成土壤污染的建设项目。"),
             message: "a project that may pollute soil in or near a concentrated permanent basic farmland area"),
        Rule(id: "farmland.strict-food", severity: .warn, layer: .farmland, test: .overlaps,
             applies: { $0.foodCrops },
             concern: .property("class", [FarmlandClass.strict.rawValue]),
             basis: LegalBasis(instrument: soilPlan, article: "任务4",
                               quote: "鼓励对严格管控类耕地按规定采取种植结构调整、轮作休耕等风险管控措施。加强粮食收储和流通环节监管，杜绝重金属超标粮食进入口粮市场。"),
             message: "food crops on strictly controlled farmland"),
        Rule(id: "air.county-seat-20km", severity: .block, layer: .admin, test: .within(.countySeatDistance),
             applies: { $0.airPolluting },
             concern: .property("kind", ["county_seat"]),
             basis: LegalBasis(instrument: airPlan, article: "附件2 重点工作任务台账 第1项",
                               quote: "县城 20 公里范围内不再新上涉气项目。"),
             message: "an air-polluting project within 20 km of the county seat"),
        Rule(id: "water.outfall-in-zone", severity: .block, layer: .waterZones, test: .overlaps,
             applies: { $0.action == .newOutfall },
             concern: .property("level", [ZoneLevel.first.rawValue, ZoneLevel.second.rawValue]),
             basis: LegalBasis(instrument: waterLaw, article: "第六十四条",
                               quote: "在饮用水水源保护区内，禁止设置排污口。"),
             message: "a new outfall in a drinking-water source protection zone"),
        Rule(id: "water.first-zone", severity: .block, layer: .waterZones, test: .overlaps,
             applies: { $0.action == .newProject && !$0.use(in: "1301") },
             concern: .property("level", [ZoneLevel.first.rawValue]),
             basis: LegalBasis(instrument: waterLaw, article: "第六十五条",
                               quote: "禁止在饮用水水源一级保护区内新建、改建、扩建与供水设施和保护水源无关的建设项目。"),
             message: "a new project unrelated to water supply in a first-level drinking-water protection zone"),
        Rule(id: "water.second-zone-discharge", severity: .block, layer: .waterZones, test: .overlaps,
             applies: { $0.discharges },
             concern: .property("level", [ZoneLevel.second.rawValue]),
             basis: LegalBasis(instrument: waterLaw, article: "第六十六条",
                               quote: "禁止在饮用水水源二级保护区内新建、改建、扩建排放污染物的建设项目。"),
             message: "a project that discharges pollutants in a second-level drinking-water protection zone"),
        Rule(id: "water.quasi-zone-discharge", severity: .warn, layer: .waterZones, test: .overlaps,
             applies: { $0.discharges },
             concern: .property("level", [ZoneLevel.quasi.rawValue]),
             basis: LegalBasis(instrument: waterLaw, article: "第六十七条",
                               quote: "禁止在饮用水水源准保护区内新建、扩建对水体污染严重的建设项目；改建建设项目，不得增加排污量。"),
             message: "a project that discharges pollutants in a quasi drinking-water protection zone: nothing seriously polluting, no added discharge"),
    ]

    /// A rule by id.
    public static func rule(_ id: String) -> Rule? { (rules + [coverage]).first { $0.id == id } }
}
