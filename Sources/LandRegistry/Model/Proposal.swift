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

    /// Reads and checks a proposal's properties.
    public init(_ feature: InputFeature, file: String) throws {
        func fail(_ property: String?, _ message: String) -> InputError {
            InputError(file: file, feature: feature.number, code: feature.property("id").map(display), property: property,
                       message: message)
        }
        func display(_ value: JSONValue) -> String { value.stringValue ?? value.jsonText }
        func flag(_ name: String) throws -> Bool? {
            guard let value = feature.property(name) else { return nil }
            switch value {
            case .bool(let b): return b
            case .null: return nil
            default: throw fail(name, "must be true or false, found \(value.typeName)")
            }
        }
        number = feature.number
        properties = feature.properties
        switch feature.property("id") {
        case .string(let text) where !text.trimmingCharacters(in: .whitespaces).isEmpty: id = text
        case .number(_, let text): id = text
        case nil, .null?: throw fail("id", "required but missing")
        case let value?: throw fail("id", "must be a non-empty string or a number, found \(value.typeName)")
        }
        switch feature.property("use") {
        case nil, .null?: use = nil
        case .string(let code):
            guard code.count == 2 || code.count == 4 || code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
                throw fail("use", "'\(code)' is not a land-use code (2, 4 or 6 digits of the 2023 classification, e.g. 0701)")
            }
            guard LandUse.isKnown(code) else {
                throw fail("use", "'\(code)' is not in the 2023 land-use classification (自然资发〔2023〕234号)")
            }
            use = code
        case let value?:
            throw fail("use", "must be a land-use code as a string (e.g. \"0701\"), found \(value.typeName)")
        }
        switch feature.property("action") {
        case nil, .null?: action = .useChange
        case .string(let text):
            guard let parsed = ProposalAction(rawValue: text) else {
                throw fail("action", "'\(text)' is not one of \(ProposalAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            action = parsed
        case let value?:
            throw fail("action", "must be a string, found \(value.typeName)")
        }
        airPolluting = try flag("air_polluting") ?? false
        discharges = try flag("discharges") ?? false
        foodCrops = try flag("food_crops") ?? false
        soilPolluting = try flag("soil_polluting") ?? (use.map(LandUse.isSoilPollutingByDefault) ?? false)
    }
}
