import GRDB

extension PropertySpec {
    /// The SQL column name (quoted, since `class` and `type` are keywords).
    var column: String { "\"\(name)\"" }

    var sqlType: String {
        switch kind {
        case .bool: return "INTEGER"
        default: return "TEXT"
        }
    }
}

extension PropertyFilter {
    /// The SQL condition and its arguments for a layer.
    func sql(for layer: Layer) -> (String, StatementArguments) {
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        if let spec = layer.properties.first(where: { $0.name == property }) {
            if spec.kind == .bool {
                let flags = values.map { ["true", "1", "yes"].contains($0.lowercased()) ? 1 : 0 }
                return ("\(spec.column) IN (\(placeholders))", StatementArguments(flags))
            }
            return ("\(spec.column) IN (\(placeholders))", StatementArguments(values))
        }
        var arguments = StatementArguments(["$.\"\(property)\""])
        arguments += StatementArguments(values)
        return ("CAST(json_extract(extra, ?) AS TEXT) IN (\(placeholders))", arguments)
    }

    /// The condition on a history row's `after_properties`.
    func sqlOnHistory(for layer: Layer) -> (String, StatementArguments) {
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        var arguments = StatementArguments(["$.\"\(property)\""])
        if layer.properties.first(where: { $0.name == property })?.kind == .bool {
            arguments += StatementArguments(values.map { ["true", "1", "yes"].contains($0.lowercased()) ? 1 : 0 })
            return ("json_extract(after_properties, ?) IN (\(placeholders))", arguments)
        }
        arguments += StatementArguments(values)
        return ("CAST(json_extract(after_properties, ?) AS TEXT) IN (\(placeholders))", arguments)
    }
}

extension Layer {
    /// SQL for a row's properties as one JSON object: the contract columns
    /// that are set, then the extra properties.
    static func propertiesJSONSQL(_ specs: [PropertySpec]) -> String {
        let pairs = specs.map { spec -> String in
            let value = spec.kind == .bool ? "CASE \(spec.column) WHEN 1 THEN json('true') WHEN 0 THEN json('false') END"
                                           : spec.column
            return "'\(spec.name)', \(value)"
        }
        // Patching {} drops the properties that are NULL.
        return "json_patch(json_patch('{}', json_object(\(pairs.joined(separator: ", ")))), extra)"
    }
}
