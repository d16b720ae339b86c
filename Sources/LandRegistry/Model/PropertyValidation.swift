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
    var extra: String
}

extension Layer {
    /// Checks a feature's properties against the contract (§3).
    func validate(_ feature: InputFeature, file: String) throws -> ValidatedProperties {
        let specs = properties
        var values = [StoredValue](repeating: .null, count: specs.count)
        var extra: [(String, JSONValue)] = []
        let code = feature.code
        func fail(_ property: String, _ message: String) -> InputError {
            InputError(file: file, feature: feature.number, code: code, property: property, message: message)
        }
        for (position, (name, value)) in feature.properties.enumerated() {
            for earlier in feature.properties[..<position] where earlier.0 == name {
                throw fail(name, "appears twice")
            }
            guard let index = specs.firstIndex(where: { $0.name == name }) else {
                extra.append((name, value))
                continue
            }
            if case .null = value { continue }
            values[index] = try specs[index].storedValue(value, fail: { fail(name, $0) })
        }
        for (index, spec) in specs.enumerated() where spec.required && values[index] == .null {
            throw fail(spec.name, "required by layer \(rawValue) but missing")
        }
        guard let code, code.contains(where: { !$0.isWhitespace }) else {
            throw fail("code", "must be a non-empty string")
        }
        return ValidatedProperties(code: code, values: values, extra: extra.isEmpty ? "{}" : JSONValue.object(extra).jsonText)
    }
}

extension PropertySpec {
    /// The database value of a JSON property, or the error `fail` makes.
    func storedValue(_ value: JSONValue, fail: (String) -> InputError) throws -> StoredValue {
        switch kind {
        case .text:
            guard case .string(let text) = value else { throw fail("must be a string, found \(value.typeName)") }
            return .text(text)
        case .bool:
            guard case .bool(let flag) = value else { throw fail("must be true or false, found \(value.typeName)") }
            return .flag(flag)
        case .date:
            guard case .string(let text) = value else { throw fail("must be a date string YYYY-MM-DD, found \(value.typeName)") }
            guard isValidDate(text) else { throw fail("'\(text)' is not a date YYYY-MM-DD") }
            return .text(text)
        case .enumeration(let allowed):
            guard case .string(let text) = value else {
                throw fail("must be one of \(allowed.joined(separator: ", ")), found \(value.typeName)")
            }
            guard allowed.contains(text) else {
                var message = "'\(text)' is not one of \(allowed.joined(separator: ", "))"
                if let near = allowed.first(where: { $0.lowercased() == text.lowercased().replacingOccurrences(of: "-", with: "_") }) {
                    message += " (did you mean '\(near)'?)"
                }
                throw fail(message)
            }
            return .text(text)
        }
    }
}
