/// The nine layers of the registry (contract §3).
public enum Layer: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The contract's name of the layer, e.g. `risk-plots`.
    public var description: String { rawValue }

    case riskPlots = "risk-plots"
    case farmland
    case basicFarmland = "basic-farmland"
    case waterZones = "water-zones"
    case rivers
    case sections
    case outfalls
    case enterprises
    case admin

    /// The table that holds the layer.
    public var table: String {
        switch self {
        case .riskPlots: return "risk_plots"
        case .farmland: return "farmland"
        case .basicFarmland: return "basic_farmland"
        case .waterZones: return "water_zones"
        case .rivers: return "rivers"
        case .sections: return "sections"
        case .outfalls: return "outfalls"
        case .enterprises: return "enterprises"
        case .admin: return "admin"
        }
    }

    /// What the layer holds, for help texts (its legend in the terms table).
    public var summary: String { Terms.label("legend." + rawValue, .en) }

    /// Geometry types the layer accepts.
    public var geometryTypes: Set<GeometryType> {
        switch self {
        case .riskPlots, .farmland, .basicFarmland, .waterZones, .admin: return [.polygon, .multiPolygon]
        case .rivers: return [.lineString, .multiLineString]
        case .sections, .outfalls: return [.point]
        case .enterprises: return [.point, .polygon, .multiPolygon]
        }
    }

    /// The contract's properties of the layer, `code` first.
    /// (A switch over tables made once, not a dictionary: the check asks it for every candidate feature.)
    public var properties: [PropertySpec] {
        switch self {
        case .riskPlots: return Layer.riskPlotsProperties
        case .farmland: return Layer.farmlandProperties
        case .basicFarmland: return Layer.basicFarmlandProperties
        case .waterZones: return Layer.waterZonesProperties
        case .rivers: return Layer.riversProperties
        case .sections: return Layer.sectionsProperties
        case .outfalls: return Layer.outfallsProperties
        case .enterprises: return Layer.enterprisesProperties
        case .admin: return Layer.adminProperties
        }
    }

    private static let riskPlotsProperties = Layer.riskPlots.makeProperties()
    private static let farmlandProperties = Layer.farmland.makeProperties()
    private static let basicFarmlandProperties = Layer.basicFarmland.makeProperties()
    private static let waterZonesProperties = Layer.waterZones.makeProperties()
    private static let riversProperties = Layer.rivers.makeProperties()
    private static let sectionsProperties = Layer.sections.makeProperties()
    private static let outfallsProperties = Layer.outfalls.makeProperties()
    private static let enterprisesProperties = Layer.enterprises.makeProperties()
    private static let adminProperties = Layer.admin.makeProperties()

    private func makeProperties() -> [PropertySpec] {
        let code = PropertySpec("code", .text, required: true)
        switch self {
        case .riskPlots:
            return [code,
                    PropertySpec("stage", .terms(Stage.self), required: true),
                    PropertySpec("name", .text), PropertySpec("former_use", .text),
                    PropertySpec("toxic_history", .bool), PropertySpec("enterprise", .text),
                    PropertySpec("town", .text), PropertySpec("stage_date", .date)]
        case .farmland:
            return [code,
                    PropertySpec("class", .terms(FarmlandClass.self), required: true),
                    PropertySpec("town", .text), PropertySpec("crop", .text)]
        case .basicFarmland:
            return [code, PropertySpec("concentrated", .bool)]
        case .waterZones:
            return [code,
                    PropertySpec("level", .terms(ZoneLevel.self), required: true),
                    PropertySpec("source", .text, required: true),
                    PropertySpec("source_type", .terms(SourceType.self))]
        case .rivers:
            return [code, PropertySpec("name", .text, required: true)]
        case .sections:
            return [code, PropertySpec("name", .text, required: true),
                    PropertySpec("target_class", .enumeration(WaterClass.allCases.filter { $0 != .worseThanV }.map(\.name), context: WaterClass.context),
                                 required: true),
                    PropertySpec("river", .text), PropertySpec("assessed_by", .text)]
        case .outfalls:
            return [code,
                    PropertySpec("type", .terms(OutfallType.self), required: true),
                    PropertySpec("name", .text), PropertySpec("river", .text), PropertySpec("status", .text)]
        case .enterprises:
            return [code, PropertySpec("name", .text, required: true),
                    PropertySpec("key_supervised", .bool), PropertySpec("air_emitting", .bool),
                    PropertySpec("permit_status", .terms(PermitStatus.self)),
                    PropertySpec("permit_date", .date)]
        case .admin:
            return [code,
                    PropertySpec("kind", .terms(AdminKind.self), required: true),
                    PropertySpec("name", .text, required: true)]
        }
    }

    /// The properties `list` shows beside code and area.
    public var listedProperties: [String] {
        switch self {
        case .riskPlots: return ["name", "stage", "town"]
        case .farmland: return ["class", "town", "crop"]
        case .basicFarmland: return ["concentrated"]
        case .waterZones: return ["level", "source"]
        case .rivers: return ["name"]
        case .sections: return ["name", "target_class", "river"]
        case .outfalls: return ["type", "name", "river"]
        case .enterprises: return ["name", "permit_status"]
        case .admin: return ["kind", "name"]
        }
    }

    /// Looks a layer up by its name, accepting the table spelling too.
    public init?(name: String) {
        if let layer = Layer(rawValue: name) { self = layer; return }
        if let layer = Layer.allCases.first(where: { $0.table == name }) { self = layer; return }
        return nil
    }
}

/// A property the contract defines for a layer.
public struct PropertySpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case text
        case bool
        /// YYYY-MM-DD
        case date
        /// One of `values`, the names of a `Term` type whose context is `context`.
        case enumeration([String], context: String)

        /// One of the values of a `Term` type.
        public static func terms<T: Term>(_ type: T.Type) -> Kind { .enumeration(T.names, context: T.context) }
    }

    public let name: String
    public let kind: Kind
    public let required: Bool

    public init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
    }
}

/// Lifecycle stage of a risk-plot, in order.
public enum Stage: String, CaseIterable, Sendable, Codable {
    case suspected, investigating, clean, contaminated, listed, remediating, delisted

    /// On the risk control and remediation list.
    public var isOnRiskList: Bool { self == .listed || self == .remediating }
    /// Not yet investigated or assessed to a conclusion.
    public var isUnresolved: Bool { self == .suspected || self == .investigating || self == .contaminated }
    /// A plot on the risk list or unresolved: removing it from the registry
    /// (`delete`, `import --mode replace`) needs a reason.
    public var needsReasonToRemove: Bool { isOnRiskList || isUnresolved }
}

/// Soil-quality class of farmland.
public enum FarmlandClass: String, CaseIterable, Sendable {
    case priority
    case safeUse = "safe_use"
    case strict
}

/// Level of a drinking-water source protection zone.
public enum ZoneLevel: String, CaseIterable, Sendable {
    case first, second, quasi
}

extension Stage {
    /// The stages a plot may move to from this one (contract §3; the 污染地块
    /// 办法's order: investigation, assessment, the risk list, remediation,
    /// removal). A clean or delisted plot can be re-opened as suspected,
    /// with a reason.
    public var next: [Stage] {
        switch self {
        case .suspected: return [.investigating]
        case .investigating: return [.clean, .contaminated]
        case .contaminated: return [.listed, .clean]
        case .listed: return [.remediating]
        case .remediating: return [.delisted]
        case .delisted, .clean: return [.suspected]
        }
    }
}
