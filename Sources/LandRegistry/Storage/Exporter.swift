import Foundation
import GRDB

/// A property filter: features whose `property` has one of `values`.
public struct PropertyFilter: Sendable {
    public var property: String
    public var values: [String]

    public init(property: String, values: [String]) {
        self.property = property
        self.values = values
    }

    /// Parses `PROPERTY=VALUE[,VALUE…]`.
    public init?(parsing text: String) {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let property = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let values = text[text.index(after: eq)...].split(separator: ",").map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        guard !property.isEmpty, !values.isEmpty else { return nil }
        self.init(property: property, values: values)
    }

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

public struct ExportOptions: Sendable {
    public var layers: [Layer]
    public var precision: Int
    public var filters: [PropertyFilter]
    /// Adds the computed `area_m2` to polygon features.
    public var withArea: Bool
    /// The registry as it stood in the world on this date (YYYY-MM-DD),
    /// from the history's effective dates; nil for now.
    public var asOf: String?

    public init(layers: [Layer] = Layer.allCases, precision: Int = 7, filters: [PropertyFilter] = [], withArea: Bool = false,
                asOf: String? = nil) {
        self.layers = layers
        self.precision = precision
        self.filters = filters
        self.withArea = withArea
        self.asOf = asOf
    }
}

/// One stored feature as a user sees it: properties as imported, geometry
/// in lon/lat.
public struct StoredFeature: Sendable {
    public var layer: Layer
    public var code: String
    /// Contract properties then extra ones, in order.
    public var properties: [(String, JSONValue)]
    /// Geometry in CGCS2000 lon/lat.
    public var shape: Shape
    /// Area in the registry's CRS (m²), 0 for points and lines.
    public var area: Double
}

extension Registry {
    /// Writes the layers as one RFC 7946 FeatureCollection, streaming rows
    /// ordered by code. Returns the number of features written.
    @discardableResult
    public func exportGeoJSON(_ options: ExportOptions, to sink: OutputSink) throws -> Int {
        if let asOf = options.asOf {
            guard isValidDate(asOf) else { throw InputError(file: "--as-of", message: "'\(asOf)' is not a date YYYY-MM-DD") }
            return try exportHistory(options, asOf: asOf, to: sink)
        }
        return try writeCollection(options, to: sink) { db, layer, writer, transformer in
            var count = 0
            let specs = layer.properties
            var conditions: [String] = []
            var arguments = StatementArguments()
            for filter in options.filters {
                let (sql, args) = filter.sql(for: layer)
                conditions.append(sql)
                arguments += args
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let statement = try db.makeStatement(sql: """
                SELECT \(specs.map(\.column).joined(separator: ", ")), extra, AsBinary(geom)\(options.withArea ? ", ST_Area(geom)" : "")
                FROM \(layer.table) \(whereClause) ORDER BY code
                """)
            try statement.setArguments(arguments)
            let rows = FastStatement(statement)
            defer { rows.reset() }
            let layerMember: String = {
                var text = ""
                JSONValue.writeString("layer", to: &text)
                text += ":"
                JSONValue.writeString(layer.rawValue, to: &text)
                return text
            }()
            let keys = specs.map { spec -> String in
                var text = ""
                JSONValue.writeString(spec.name, to: &text)
                return text + ":"
            }
            let extraColumn = Int32(specs.count)
            while try rows.step(db) {
                var properties = "{"
                var first = true
                if options.layers.count > 1 {
                    properties += layerMember
                    first = false
                }
                for (i, spec) in specs.enumerated() where !rows.isNull(Int32(i)) {
                    if !first { properties += "," }
                    first = false
                    properties += keys[i]
                    if spec.kind == .bool {
                        properties += rows.int64(Int32(i)) != 0 ? "true" : "false"
                    } else {
                        JSONValue.writeString(rows.text(Int32(i)) ?? "", to: &properties)
                    }
                }
                // Extra properties are stored as a compact JSON object: splice its members.
                if let extra = rows.text(extraColumn), extra.utf8.count > 2 {
                    if !first { properties += "," }
                    first = false
                    properties += extra.dropFirst().dropLast()
                }
                var shape = try Shape(wkb: rows.blob(extraColumn + 1))
                if options.withArea && shape.type.isAreal {
                    let area = (rows.double(extraColumn + 2) * 100).rounded() / 100
                    if !first { properties += "," }
                    properties += "\"area_m2\":" + formatNumber(area)
                }
                properties += "}"
                try transformer.transform(&shape)
                writer.feature(properties: properties, shape: shape)
                count += 1
            }
            return count
        }
    }

    /// One FeatureCollection of `options.layers`, each written by `layer`
    /// (which returns how many features it wrote), in one read transaction.
    private func writeCollection(_ options: ExportOptions, to sink: OutputSink,
                                 layer write: (Database, Layer, inout GeoJSONWriter, Transformer) throws -> Int) throws -> Int {
        var writer = GeoJSONWriter(sink: sink, precision: options.precision)
        var count = 0
        let transformer = try Transformer(from: srid, to: CRS.lonLat)
        try read { db in
            writer.begin()
            for layer in options.layers { count += try write(db, layer, &writer, transformer) }
            writer.end()
        }
        try sink.finish()
        return count
    }

    /// The export as the registry stood in the world on `asOf`: for every
    /// feature, its last recorded state effective on or before that date.
    private func exportHistory(_ options: ExportOptions, asOf: String, to sink: OutputSink) throws -> Int {
        try writeCollection(options, to: sink) { db, layer, writer, transformer in
            var count = 0
            var conditions: [String] = []
            var arguments = StatementArguments([layer.rawValue, asOf])
            for filter in options.filters {
                let (sql, args) = filter.sqlOnHistory(for: layer)
                conditions.append(sql)
                arguments += args
            }
            let statement = try db.makeStatement(sql: Registry.stateAsOfSQL(
                columns: "after_properties, after_geom" + (options.withArea ? ", ST_Area(GeomFromWKB(after_geom, \(srid)))" : ""),
                conditions: conditions))
            try statement.setArguments(arguments)
            let rows = FastStatement(statement)
            defer { rows.reset() }
            while try rows.step(db) {
                var members: [String] = []
                if options.layers.count > 1 { members.append("\"layer\":\"\(layer.rawValue)\"") }
                let stored = rows.text(0) ?? "{}"
                if stored.utf8.count > 2 { members.append(String(stored.dropFirst().dropLast())) }
                var shape = try Shape(wkb: rows.blob(1))
                if options.withArea && shape.type.isAreal {
                    members.append("\"area_m2\":" + formatNumber((rows.double(2) * 100).rounded() / 100))
                }
                try transformer.transform(&shape)
                writer.feature(properties: "{" + members.joined(separator: ",") + "}", shape: shape)
                count += 1
            }
            return count
        }
    }

    /// The SQL of every feature of a layer as it stood on a date: for each
    /// code, its last history row effective on or before the date, unless
    /// that row deleted it. Arguments: the layer, the date, then those of
    /// `conditions` (on `after_properties`).
    static func stateAsOfSQL(columns: String, conditions: [String] = []) -> String {
        """
        SELECT \(columns)
        FROM (SELECT code, action, after_properties, after_geom,
                     row_number() OVER (PARTITION BY code ORDER BY effective_date DESC, id DESC) AS latest
              FROM history WHERE layer = ? AND effective_date <= ?)
        WHERE latest = 1 AND action != 'delete'\(conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND "))
        ORDER BY code
        """
    }

    /// The features of a layer, ordered by code.
    public func features(_ layer: Layer, filters: [PropertyFilter] = []) throws -> [StoredFeature] {
        try read { db in
            var result: [StoredFeature] = []
            try forEachFeature(db, layer: layer, filters: filters) { result.append($0) }
            return result
        }
    }

    /// One feature by code, or nil.
    public func feature(_ layer: Layer, code: String) throws -> StoredFeature? {
        try read { db in
            var result: StoredFeature?
            try forEachFeature(db, layer: layer, filters: [], code: code) { result = $0 }
            return result
        }
    }

    /// Streams a layer's rows as `StoredFeature`s.
    func forEachFeature(_ db: Database, layer: Layer, filters: [PropertyFilter], code: String? = nil,
                        _ body: (StoredFeature) throws -> Void) throws {
        let specs = layer.properties
        var conditions: [String] = []
        var arguments = StatementArguments()
        let transformer = try Transformer(from: srid, to: CRS.lonLat)
        for filter in filters {
            let (sql, args) = filter.sql(for: layer)
            conditions.append(sql)
            arguments += args
        }
        if let code {
            conditions.append("code = ?")
            arguments += [code]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT \(specs.map(\.column).joined(separator: ", ")), extra,
                   AsBinary(geom), ST_Area(geom)
            FROM \(layer.table) \(whereClause) ORDER BY code
            """
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            var properties: [(String, JSONValue)] = []
            for (i, spec) in specs.enumerated() {
                if let value = spec.jsonValue(row[i] as DatabaseValue) { properties.append((spec.name, value)) }
            }
            let extraText: String = row[specs.count]
            if case .object(let extra) = try JSONValue.parse(extraText) { properties += extra }
            guard let wkb = row[specs.count + 1] as Data? else {
                throw RegistryError("feature \(row[0] as String? ?? "?") of \(layer.rawValue) has no geometry")
            }
            var shape = try Shape(wkb: [UInt8](wkb))
            try transformer.transform(&shape)
            try body(StoredFeature(layer: layer, code: row[0], properties: properties, shape: shape,
                                   area: row[specs.count + 2] ?? 0))
        }
    }
}
