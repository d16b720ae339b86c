import Foundation

/// What a proposal asks for (contract §4).
public enum ProposalAction: String, CaseIterable, Sendable {
    case supply
    case useChange = "use_change"
    case planningPermit = "planning_permit"
    case reclamation
    case newProject = "new_project"
    case newOutfall = "new_outfall"
}

/// A plot or project to check before approval (contract §4).
public struct Proposal: Sendable {
    public var id: String
    /// Land-use code of the 2023 classification, when the proposal has one.
    public var use: String?
    public var action: ProposalAction
    public var airPolluting: Bool
    public var soilPolluting: Bool
    public var discharges: Bool
    public var foodCrops: Bool
    /// All properties as read.
    public var properties: [(String, JSONValue)]
    /// 1-based position in its file.
    public var number: Int
    /// Where `use`, `action` and each flag came from (keys as in §4).
    public var sources: [String: ValueSource] = [:]
    /// The properties (`action`, flags) that were neither in the file nor
    /// given by the user, in a file whose format cannot say them (a
    /// coordinate TXT, a Shapefile or CSV without the field): the check says
    /// which rules they leave undecided. Empty for GeoJSON, where an absent
    /// property means the contract's default.
    public var assumed: Set<String> = []

    /// The proposal with one of §4's properties set otherwise (nil for a
    /// value that property cannot take).
    func with(_ property: String, _ value: String) -> Proposal? {
        var variant = self
        switch property {
        case "action":
            guard let action = ProposalAction(rawValue: value) else { return nil }
            variant.action = action
        case "air_polluting": variant.airPolluting = value == "true"
        case "discharges": variant.discharges = value == "true"
        case "food_crops": variant.foodCrops = value == "true"
        default: return nil
        }
        return variant
    }

    /// 一住两公: a `use` in 07 or 08.
    public var isSensitive: Bool { use.map(LandUse.isSensitive) ?? false }

    /// Whether `use` is in the class `prefix`.
    public func use(in prefix: String) -> Bool { use.map { LandUse.code($0, isIn: prefix) } ?? false }

    public var name: String? { properties.first { $0.0 == "name" }?.1.stringValue }

    /// A proposal made in code, checked as a file's would be (an unknown
    /// land-use code is an `InputError` naming the proposal). `soilPolluting`
    /// defaults to what `use` implies (industry, mining, hazardous storage).
    public init(id: String, use: String? = nil, action: ProposalAction = .useChange, airPolluting: Bool = false,
                soilPolluting: Bool? = nil, discharges: Bool = false, foodCrops: Bool = false, name: String? = nil) throws {
        var properties: [(String, JSONValue)] = [("id", .string(id))]
        if let name { properties.append(("name", .string(name))) }
        if let use { properties.append(("use", .string(use))) }
        properties.append(("action", .string(action.rawValue)))
        properties += [("air_polluting", .bool(airPolluting)), ("discharges", .bool(discharges)), ("food_crops", .bool(foodCrops))]
        if let soilPolluting { properties.append(("soil_polluting", .bool(soilPolluting))) }
        try self.init(InputFeature(number: 1, properties: properties, shape: nil), file: "proposal \(id)")
    }

    /// Reads and checks a proposal's properties; `defaults` fill in what
    /// the file does not say (a value in the file wins). A land proposal (any
    /// action but `new_outfall`) must have a `use`; a property close to one
    /// of §4's (`food_crop`, `Use`) is bad input with a "did you mean".
    /// The properties a proposal file may give (contract §4).
    static let propertyNames = ["id", "use", "action", "air_polluting", "soil_polluting", "discharges", "food_crops"]

    public init(_ feature: InputFeature, file: String, defaults: ProposalDefaults = ProposalDefaults()) throws {
        let reading = ProposalReading(feature: feature, file: file)
        try reading.checkNames()
        number = feature.number
        properties = feature.properties
        id = try reading.id()
        var sources: [String: ValueSource] = [:]
        func pick<T>(_ name: String, _ fromFile: T?, _ option: T?, _ fallback: T) -> T {
            if let fromFile { sources[name] = .file; return fromFile }
            if let option { sources[name] = .option; return option }
            sources[name] = .default
            return fallback
        }
        action = pick("action", try reading.action(), defaults.action, .useChange)
        if let fileUse = try reading.use(defaults.classification) {
            (use, sources["use"]) = (fileUse, .file)
        } else if let option = defaults.use {
            (use, sources["use"]) = (try reading.checkUse(option, option: true), .option)
        } else {
            (use, sources["use"]) = (nil, .default)
        }
        if use == nil && action != .newOutfall {
            throw reading.fail("use", "required for a land proposal (every action but new_outfall): give its land-use code (e.g. 0701), or a default use for the check",
                               remedy: .giveUse)
        }
        airPolluting = pick("air_polluting", try reading.flag("air_polluting"), defaults.airPolluting, false)
        discharges = pick("discharges", try reading.flag("discharges"), defaults.discharges, false)
        foodCrops = pick("food_crops", try reading.flag("food_crops"), defaults.foodCrops, false)
        soilPolluting = pick("soil_polluting", try reading.flag("soil_polluting"), defaults.soilPolluting,
                             use.map(LandUse.isSoilPollutingByDefault) ?? false)
        self.sources = sources
    }
}

/// What a check fills in where the proposals' file cannot say it (a
/// land-approval TXT has no action or flags); a value in the file wins.
public struct ProposalDefaults: Sendable, Equatable {
    public var use: String?
    public var action: ProposalAction?
    public var airPolluting: Bool?
    public var soilPolluting: Bool?
    public var discharges: Bool?
    public var foodCrops: Bool?
    /// The classification of the file's land-use codes (2017 codes are mapped to 2023).
    public var classification: LandUseClassification

    public init(use: String? = nil, action: ProposalAction? = nil, airPolluting: Bool? = nil, soilPolluting: Bool? = nil,
                discharges: Bool? = nil, foodCrops: Bool? = nil, classification: LandUseClassification = .y2023) {
        self.classification = classification
        self.use = use
        self.action = action
        self.airPolluting = airPolluting
        self.soilPolluting = soilPolluting
        self.discharges = discharges
        self.foodCrops = foodCrops
    }
}

/// Where a value a proposal was checked with came from.
public enum ValueSource: String, Sendable {
    /// The proposals' file.
    case file
    /// The check's defaults (`ProposalDefaults`, the CLI's options).
    case option
    /// The contract's default (§4).
    case `default`
}

/// The reading of one proposal feature's properties, with errors that name it.
private struct ProposalReading {
    let feature: InputFeature
    let file: String

    /// The properties of §4.
    static let known = Proposal.propertyNames

    func fail(_ property: String?, _ message: Phrase, remedy: Remedy? = nil) -> InputError {
        let code = feature.property("id").map { $0.stringValue ?? $0.jsonText }
        return InputError(file: file, feature: feature.number, code: code, property: property, message: message, remedy: remedy)
    }

    /// A property that is not one of §4's but close to one is a mistake, not an extra.
    func checkNames() throws {
        for (name, _) in feature.properties where !Self.known.contains(name) {
            let folded = name.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            guard let near = Self.known.first(where: { known in
                folded == known || editDistance(folded, known) <= (known.count >= 8 ? 2 : 1)
            }) else { continue }
            throw fail(name, "is not a proposal property; did you mean '\(near)'?")
        }
    }

    /// The proposal's id; a plot's `code` (地块编号) when the file has no `id`.
    func id() throws -> String {
        switch feature.property("id") ?? feature.property("code") {
        case .string(let text) where !text.trimmingCharacters(in: .whitespaces).isEmpty: return text
        case .number(_, let text): return text
        case nil, .null?: throw fail("id", "required but missing")
        case let value?: throw fail("id", "must be a non-empty string or a number, found \(term: value.jsonType)")
        }
    }

    /// The file's land-use code as a 2023 code: a 2017 code (三调) mapped
    /// when the file is said to be in that classification; a 2023 code
    /// checked against the file's own words for it (a coordinate file's
    /// 地块用途), so that a 2017 code is never silently read as 2023.
    func use(_ classification: LandUseClassification = .y2023) throws -> String? {
        let code: String
        switch feature.property("use") {
        case nil, .null?: return nil
        case .string(let text) where text.trimmingCharacters(in: .whitespaces).isEmpty: return nil
        case .string(let text): code = text.trimmingCharacters(in: .whitespaces)
        case .number(_, let text) where text.count == 4 || text.count == 6: code = text
        case let value?: throw fail("use", "must be a land-use code as a string (e.g. \"0701\"), found \(term: value.jsonType)")
        }
        let words = feature.property("land_use_name")?.stringValue
        if classification == .y2017 {
            guard let old = LandUse2017.name(code) else {
                throw fail("use", "'\(code)' is not in the 2017 land-use classification (GB/T 21010-2017)")
            }
            guard let mapped = LandUse2017.code2023(code) else {
                throw fail("use", "'\(code)' \(old) of the 2017 classification has no single class of the 2023 one: give its 2023 code")
            }
            if let words, !LandUse.agrees(words, with: code, in: LandUse2017.names) {
                throw fail("use", "'\(code)' is \(old) in the 2017 classification, but the file says \(words)")
            }
            return mapped
        }
        let checked = try checkUse(code, option: false)
        guard let words, !LandUse.agrees(words, with: checked, in: LandUse.names) else { return checked }
        let name = LandUse.name(checked) ?? ""
        if let old = LandUse2017.name(checked), LandUse.agrees(words, with: checked, in: LandUse2017.names) {
            let mapped = LandUse2017.code2023(checked).map { " \($0) \(LandUse.name($0) ?? "")" } ?? ""
            throw fail("use", "'\(checked)' is \(name) in the 2023 classification, but the file says \(words): \(checked) is \(old) in the 2017 classification (三调, GB/T 21010-2017); check the file as 2017 codes (mapped to 2023:\(mapped)) or give the 2023 code",
                       remedy: .giveClassification)
        }
        let named = LandUse.codes(named: words)
        let hint: Phrase = named.isEmpty ? "" : " (\(words) is \(named.joined(separator: ", ")) in 2023)"
        throw fail("use", "'\(checked)' is \(name) in the 2023 classification, but the file says \(words)\(hint)")
    }

    /// A land-use code of the 2023 classification.
    func checkUse(_ code: String, option: Bool) throws -> String {
        let which = option ? "the default use '\(code)'" : "'\(code)'"
        guard code.count == 2 || code.count == 4 || code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
            throw fail("use", "\(which) is not a land-use code (2, 4 or 6 digits of the 2023 classification, e.g. 0701)")
        }
        guard LandUse.isKnown(code) else {
            throw fail("use", "\(which) is not in the 2023 land-use classification (自然资发〔2023〕234号)")
        }
        return code
    }

    func action() throws -> ProposalAction? {
        switch feature.property("action") {
        case nil, .null?: return nil
        case .string(let text):
            guard let parsed = ProposalAction(word: text) else {
                throw fail("action", Layer.notOneOf(text, ProposalAction.names, context: ProposalAction.context))
            }
            return parsed
        case let value?: throw fail("action", "must be a string, found \(term: value.jsonType)")
        }
    }

    func flag(_ name: String) throws -> Bool? {
        guard let value = feature.property(name) else { return nil }
        switch value {
        case .bool(let b): return b
        case .null: return nil
        default: throw fail(name, "must be true or false, found \(term: value.jsonType)")
        }
    }
}
