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
    /// The SQL conditions of `filters` (AND) on a layer's table or, with
    /// `onHistory`, on its history rows, with their arguments after `initial`.
    static func conditions(_ filters: [PropertyFilter], on layer: Layer, onHistory: Bool,
                           after initial: StatementArguments) -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments = initial
        for filter in filters {
            let (sql, args) = onHistory ? filter.sqlOnHistory(for: layer) : filter.sql(for: layer)
            conditions.append(sql)
            arguments += args
        }
        return (conditions, arguments)
    }

    /// The SQL condition and its arguments for a layer.
    func sql(for layer: Layer) -> (String, StatementArguments) {
        let values = storedValues(in: layer)
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
        let values = storedValues(in: layer)
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
    /// SQL for a row's properties as one JSON object, as every producer
    /// writes it (`PropertiesJSONTests`): the contract columns that are set,
    /// in the layer's order, booleans as true/false; then the members of
    /// `extra` spliced in as stored (never merged: a merge patch would drop
    /// the nulls inside an extra property's value). `row` names the row in a
    /// trigger (`NEW.`).
    static func propertiesJSONSQL(_ specs: [PropertySpec], row: String = "") -> String {
        let pairs = specs.map { spec -> String in
            let column = row + spec.column
            let value = spec.kind == .bool ? "CASE \(column) WHEN 1 THEN json('true') WHEN 0 THEN json('false') END" : column
            return "'\(spec.name)', \(value)"
        }
        // Patching {} drops the contract properties that are NULL (they are scalars: nothing nested to lose).
        let extra = row + "extra"
        return """
            (SELECT rtrim(c, '}') || CASE WHEN \(extra) IS NULL OR length(\(extra)) <= 2 THEN '}' WHEN c = '{}' THEN substr(\(extra), 2) \
            ELSE ',' || substr(\(extra), 2) END FROM (SELECT json_patch('{}', json_object(\(pairs.joined(separator: ", ")))) AS c))
            """
    }
}

extension Snapshot {
    /// Refuses filters that cannot mean what was meant: a property the layer
    /// does not have (neither the contract's nor any feature's extra), an
    /// enumeration value that does not exist (the contract's enumerations
    /// and the optional ones, a section's `water_body`).
    func check(_ filters: [PropertyFilter], on layer: Layer) throws {
        for filter in filters {
            let text = "\(filter.property)=\(filter.values.joined(separator: ","))"
            if let kind = layer.kind(of: filter.property) {
                let values = filter.storedValues(in: layer)
                if kind == .bool, let value = values.first(where: { !["true", "false", "1", "0", "yes", "no"].contains($0.lowercased()) }) {
                    throw InvalidArgument(.filter(text), "'\(value)' is not true or false")
                }
                guard case .enumeration(let allowed, let context) = kind else { continue }
                for value in values where !allowed.contains(value) {
                    var message: Phrase = "'\(value)' is not a \(filter.property) of layer \(term: layer): one of \(terms: allowed, in: context)"
                    if let near = closest(value, in: allowed) {
                        message += " (did you mean '\(near)'?)"
                    }
                    throw InvalidArgument(.filter(text), message)
                }
                continue
            }
            let used = try Int.fetchOne(db, sql: "SELECT 1 FROM \(layer.table) WHERE json_extract(extra, ?) IS NOT NULL LIMIT 1",
                                        arguments: ["$.\"\(filter.property)\""]) != nil
            guard !used else { continue }
            let names = layer.properties.map(\.name)
            var message: Phrase = "layer \(term: layer) has no property '\(filter.property)'"
            if let near = closest(filter.property, in: names) {
                message += " (did you mean '\(near)'?)"
            } else {
                message += "; its properties are \(names.joined(separator: ", "))"
            }
            throw InvalidArgument(.filter(text), message)
        }
    }
}
