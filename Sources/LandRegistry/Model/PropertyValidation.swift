import Foundation

/// A contract property's value as the registry stores it.
enum StoredValue: Equatable {
    case null
    case text(String)
    case flag(Bool)

    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

/// A feature's properties checked against its layer: one database value per
/// contract property (in `layer.properties` order) and the unknown extra
/// properties as a JSON object text, in their original order.
struct ValidatedProperties {
    var code: String
    var values: [StoredValue]
    /// Whether the file carries each contract property (a `null` counts: it
    /// removes the property on update, as JSON Merge Patch does).
    var present: [Bool]
    /// The extra properties that are set, as a JSON object.
    var extra: String
    /// The extra properties as carried, `null`s included: the merge patch of an update.
    var extraPatch: [(String, JSONValue)]
    /// All the properties that are set, as the registry keeps and exports
    /// them: the contract's in its order, then the extra ones.
    var json: String
}

extension Layer {
    /// Checks a feature's properties against the contract (§3).
    func validate(_ feature: InputFeature, file: String) throws -> ValidatedProperties {
        let specs = properties
        var values = [StoredValue](repeating: .null, count: specs.count)
        var present = [Bool](repeating: false, count: specs.count)
        var extra: [(String, JSONValue)] = []
        let code = feature.code, number = feature.number
        func fail(_ property: String, _ message: Phrase) -> InputError {
            InputError(file: file, feature: number, code: code, property: property, message: message)
        }
        let properties = feature.properties
        for position in properties.indices {
            let name = properties[position].0
            for earlier in 0..<position where properties[earlier].0 == name {
                throw fail(name, "appears twice")
            }
            guard let index = specs.firstIndex(where: { $0.name == name }) else {
                extra.append((name, try Layer.optionalValue(self, name, properties[position].1, fail: { fail(name, $0) })))
                continue
            }
            present[index] = true
            if case .null = properties[position].1 { continue }
            values[index] = try specs[index].storedValue(properties[position].1, fail: { fail(name, $0) })
        }
        for (index, spec) in specs.enumerated() where spec.required && values[index] == .null {
            throw fail(spec.name, "required by layer \(term: self) but missing")
        }
        guard let code, Layer.hasNonWhitespace(code) else {
            throw fail("code", "must be a non-empty string")
        }
        // The JSON texts written as bytes, without the members' array JSONValue.object would need.
        var json: [UInt8] = [0x7B], extraJSON: [UInt8] = [0x7B]
        json.reserveCapacity(128)
        func member(_ name: String, _ value: JSONValue, to out: inout [UInt8]) {
            if out.count > 1 { out.append(0x2C) }
            JSONValue.appendString(name, to: &out)
            out.append(0x3A)
            value.append(to: &out)
        }
        for (spec, value) in zip(specs, values) {
            switch value {
            case .null: break
            case .text(let text): member(spec.name, .string(text), to: &json)
            case .flag(let flag): member(spec.name, .bool(flag), to: &json)
            }
        }
        for (name, value) in extra where value != .null {
            member(name, value, to: &json)
            member(name, value, to: &extraJSON)
        }
        json.append(0x7D)
        extraJSON.append(0x7D)
        return ValidatedProperties(code: code, values: values, present: present,
                                   extra: extraJSON.count == 2 ? "{}" : String(decoding: extraJSON, as: UTF8.self),
                                   extraPatch: extra, json: String(decoding: json, as: UTF8.self))
    }

    /// Whether `text` has a character that is not whitespace: at once when
    /// it has an ASCII byte that is not (no such byte is part of a character
    /// that begins with whitespace), else character by character.
    static func hasNonWhitespace(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }) { return true }
        return text.contains { !$0.isWhitespace }
    }
}

extension PropertySpec {
    /// The database value of a JSON property, or the error `fail` makes.
    func storedValue(_ value: JSONValue, fail: (Phrase) -> InputError) throws -> StoredValue {
        switch kind {
        case .text:
            // A number for a text property reads as its text (a `.dbf` keeps 标识码 as a number), as GDAL does.
            if case .number(_, let text) = value { return .text(text) }
            guard case .string(let text) = value else { throw fail("must be a string, found \(term: value.jsonType)") }
            return .text(text)
        case .bool:
            guard case .bool(let flag) = value else { throw fail("must be true or false, found \(term: value.jsonType)") }
            return .flag(flag)
        case .date:
            guard case .string(let text) = value else { throw fail("must be a date string YYYY-MM-DD, found \(term: value.jsonType)") }
            guard let day = normalizedDate(text) else { throw fail("'\(text)' is not a date YYYY-MM-DD") }
            return .text(day)
        case .enumeration(let allowed, let context):
            guard case .string(let text) = value else {
                throw fail("must be one of \(terms: allowed, in: context), found \(term: value.jsonType)")
            }
            if let value = Layer.enumerationValue(text, in: allowed, context: context) { return .text(value) }
            throw fail(Layer.notOneOf(text, allowed, context: context))
        }
    }
}

extension Layer {
    /// The contract's optional enumerations kept among a feature's other
    /// properties: a section's `water_body` (`river`, `lake`; a reservoir is
    /// a lake, contract §10), read from its Chinese words too and stored as
    /// the contract's value; anything else is refused, never read as a river.
    static let optionalEnumerations: [Layer: [String: PropertySpec.Kind]] = [.sections: ["water_body": .terms(WaterBody.self)]]

    static func optionalValue(_ layer: Layer, _ name: String, _ value: JSONValue,
                              fail: (Phrase) -> InputError) throws -> JSONValue {
        guard case .enumeration(let allowed, let context)? = optionalEnumerations[layer]?[name], case .string(let text) = value
        else { return value }
        if let known = enumerationValue(text, in: allowed, context: context) { return .string(known) }
        throw fail(notOneOf(text, allowed, context: context))
    }

    /// The kind of one of the layer's properties: a contract property's, or
    /// an optional enumeration's kept among the other properties (nil for
    /// any other property).
    func kind(of property: String) -> PropertySpec.Kind? {
        properties.first { $0.name == property }?.kind ?? Layer.optionalEnumerations[self]?[property]
    }

    /// An enumeration's value as people write it, read as the import and the
    /// filters read it: the contract's value, one of its Chinese words
    /// (严格管控类 → `strict`), or for a water body `reservoir` (水库 and
    /// 湖库型 are words of `lake`: a reservoir is judged as a lake); nil
    /// when it is none of them.
    static func enumerationValue(_ text: String, in allowed: [String], context: String) -> String? {
        if allowed.contains(text) { return text }
        if context == WaterBody.context, text.lowercased() == "reservoir" { return WaterBody.lake.name }
        return Terms.value(text, in: allowed, context: context)
    }

    /// "'x' is not one of …", with the value meant when one is near (its
    /// case, `-` for `_`, or two letters off: `lakes`, `Safe-Use`, `strick`).
    static func notOneOf(_ text: String, _ allowed: [String], context: String) -> Phrase {
        var message: Phrase = "'\(text)' is not one of \(terms: allowed, in: context)"
        let plain = text.lowercased().replacingOccurrences(of: "-", with: "_")
        if let near = closest(plain, in: allowed) {
            message += " (did you mean '\(near)'?)"
        }
        return message
    }
}
