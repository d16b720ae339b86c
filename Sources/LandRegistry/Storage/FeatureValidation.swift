import Foundation
import GRDB

/// A feature's properties checked against its layer: one database value per
/// contract property (in `layer.properties` order) and the unknown extra
/// properties as a JSON object text, in their original order.
struct ValidatedProperties {
    var code: String
    var values: [DatabaseValue]
    var extra: String
}

extension Layer {
    /// Checks a feature's properties against the contract (§3).
    func validate(_ feature: InputFeature, file: String) throws -> ValidatedProperties {
        let specs = properties
        var values = [DatabaseValue](repeating: .null, count: specs.count)
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
            values[index] = try specs[index].databaseValue(value, fail: { fail(name, $0) })
        }
        for (index, spec) in specs.enumerated() where spec.required && values[index].isNull {
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
    func databaseValue(_ value: JSONValue, fail: (String) -> InputError) throws -> DatabaseValue {
        switch kind {
        case .text:
            guard case .string(let text) = value else { throw fail("must be a string, found \(value.typeName)") }
            return text.databaseValue
        case .bool:
            guard case .bool(let flag) = value else { throw fail("must be true or false, found \(value.typeName)") }
            return (flag ? 1 : 0).databaseValue
        case .date:
            guard case .string(let text) = value else { throw fail("must be a date string YYYY-MM-DD, found \(value.typeName)") }
            guard isValidDate(text) else { throw fail("'\(text)' is not a date YYYY-MM-DD") }
            return text.databaseValue
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
            return text.databaseValue
        }
    }

    /// The JSON value of a stored column value (nil when absent).
    func jsonValue(_ value: DatabaseValue) -> JSONValue? {
        if value.isNull { return nil }
        switch kind {
        case .bool: return .bool((Int64.fromDatabaseValue(value) ?? 0) != 0)
        default: return String.fromDatabaseValue(value).map(JSONValue.string)
        }
    }
}

/// Whether `text` is a calendar date written YYYY-MM-DD.
func isValidDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
          (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return day <= days
}
