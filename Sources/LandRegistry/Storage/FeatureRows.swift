import Foundation
import GRDB

/// Reading features: as they are now (streamed as JSON for the exports, or
/// as `StoredFeature` values), and as they stood on a date (from the history).
extension Snapshot {
    /// Streams a layer's rows, ordered by code, each as its GeoJSON
    /// properties object (the contract's, then the extra ones, then
    /// `area_m2` with `withArea`) and its geometry as WKB in the registry's CRS.
    func forEachRowJSON(_ layer: Layer, filters: [PropertyFilter], withArea: Bool,
                        _ body: (String, [UInt8]) throws -> Void) throws {
        let reader = try ExportReader(self, layer: layer, filters: filters, withArea: withArea, namesLayer: false)
        try reader.forEach(from: nil, below: nil) { properties, shape in
            try body(String(decoding: properties, as: UTF8.self), shape.wkb())
        }
    }

    /// Like `forEachRowJSON`, for the layer as it stood in the world on
    /// `asOf`: each feature's last recorded state effective on or before it.
    func forEachStateJSON(_ layer: Layer, asOf: String, filters: [PropertyFilter], withArea: Bool, leading: String,
                          _ body: (String, [UInt8]) throws -> Void) throws {
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: true, after: StatementArguments([layer.rawValue, asOf]))
        let statement = try db.makeStatement(sql: Snapshot.stateAsOfSQL(
            columns: "after_properties, after_geom" + (withArea ? ", ST_Area(GeomFromWKB(after_geom, \(srid)))" : ""),
            conditions: conditions))
        try statement.setArguments(arguments)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        while try rows.step(db) {
            var members: [String] = leading.isEmpty ? [] : [leading]
            let stored = rows.text(0) ?? "{}"
            if stored.utf8.count > 2 { members.append(String(stored.dropFirst().dropLast())) }
            let wkb = rows.blob(1)
            if withArea && !rows.isNull(2) && Snapshot.isAreal(wkb) {
                members.append("\"area_m2\":" + formatNumber(rounded(rows.double(2))) + ",\"area_mu\":" + formatNumber(roundedMu(rows.double(2))))
            }
            try body("{" + members.joined(separator: ",") + "}", wkb)
        }
    }

    /// `forEachRowJSON`, or `forEachStateJSON` when `asOf` is given.
    func forEachFeatureJSON(_ layer: Layer, asOf: String?, filters: [PropertyFilter], withArea: Bool,
                            _ body: (String, [UInt8]) throws -> Void) throws {
        if let asOf {
            try forEachStateJSON(layer, asOf: asOf, filters: filters, withArea: withArea, leading: "", body)
        } else {
            try forEachRowJSON(layer, filters: filters, withArea: withArea, body)
        }
    }

    /// The features of a layer (now, or as they stood on `asOf`) that pass
    /// the filters, by code: for the operations, whose properties are parsed
    /// only when asked (`FeatureRow.properties`).
    func forEachFeatureRow(_ layer: Layer, asOf: String?, filters: [PropertyFilter], _ body: (FeatureRow) throws -> Void) throws {
        try forEachFeatureJSON(layer, asOf: asOf, filters: filters, withArea: false) { json, wkb in try body(FeatureRow(wkb: wkb, json: json)) }
    }

    /// A history row's geometry as WKB: landreg stores WKB; the triggers
    /// that record outside edits store SpatiaLite's blob (0x00, byte order,
    /// SRID, MBR, 0x7C … 0xFE), which SpatiaLite turns into WKB here.
    static let historyWKB = """
        CASE WHEN substr(after_geom, 1, 1) = x'00' AND substr(after_geom, 39, 1) = x'7C' AND substr(after_geom, -1) = x'FE'
             THEN AsBinary(after_geom) ELSE after_geom END
        """

    /// Whether a WKB geometry is a polygon or multipolygon (byte 1 is the
    /// type's low byte in little-endian WKB; big-endian puts it in byte 4).
    static func isAreal(_ wkb: [UInt8]) -> Bool {
        guard wkb.count >= 5 else { return false }
        let type = wkb[0] == 1 ? wkb[1] : wkb[4]
        return type == 3 || type == 6
    }

    /// Every feature of a layer as it stood in the world on `date`.
    func states(_ layer: Layer, asOf date: String) throws -> [FeatureState] {
        let rows = try Row.fetchAll(db, sql: Snapshot.stateAsOfSQL(columns: "code, after_properties, after_geom"),
                                    arguments: [layer.rawValue, date])
        return try rows.map { row in
            var properties: [(String, JSONValue)] = []
            if let text = row[1] as String?, case .object(let members) = try JSONValue.parse(text) { properties = members }
            return FeatureState(code: row[0], properties: properties, wkb: [UInt8]((row[2] as Data?) ?? Data()))
        }
    }

    /// The SQL of every feature of a layer as it stood on a date: for each
    /// code, its last history row effective on or before the date, unless
    /// that row deleted it. Arguments: the layer, the date, then those of
    /// `conditions` (on `after_properties`).
    static func stateAsOfSQL(columns: String, conditions: [String] = []) -> String {
        """
        SELECT \(columns)
        FROM (SELECT code, action, after_properties, \(Snapshot.historyWKB) AS after_geom,
                     row_number() OVER (PARTITION BY code ORDER BY effective_date DESC, id DESC) AS latest
              FROM history WHERE layer = ? AND effective_date <= ?)
        WHERE latest = 1 AND action != 'delete'\(conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND "))
        ORDER BY code
        """
    }

}

extension Store {
    /// The features of a layer, ordered by code.
    func features(_ layer: Layer, filters: [PropertyFilter] = []) throws -> [StoredFeature] {
        try read { db in
            try Snapshot(db, srid: srid).check(filters, on: layer)
            var result: [StoredFeature] = []
            try forEachFeature(db, layer: layer, filters: filters) { result.append($0) }
            return result
        }
    }

    /// One feature by code, or nil.
    func feature(_ layer: Layer, code: String) throws -> StoredFeature? {
        try read { db in
            var result: StoredFeature?
            try forEachFeature(db, layer: layer, filters: [], code: code) { result = $0 }
            return result
        }
    }

    /// The JSON value of a stored column value (nil when absent).
    private func jsonValue(_ spec: PropertySpec, _ value: DatabaseValue) -> JSONValue? {
        if value.isNull { return nil }
        switch spec.kind {
        case .bool: return .bool((Int64.fromDatabaseValue(value) ?? 0) != 0)
        default: return String.fromDatabaseValue(value).map(JSONValue.string)
        }
    }

    /// Streams a layer's rows as `StoredFeature`s.
    func forEachFeature(_ db: Database, layer: Layer, filters: [PropertyFilter], code: String? = nil,
                        _ body: (StoredFeature) throws -> Void) throws {
        let specs = layer.properties
        let transformer = try Transformer(from: srid, to: CRS.lonLat)
        var (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false, after: StatementArguments())
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
                if let value = jsonValue(spec, row[i] as DatabaseValue) { properties.append((spec.name, value)) }
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

/// A feature read for an operation: its geometry as WKB in the registry's
/// CRS, its properties (the contract's, then the extra ones) parsed only
/// when asked, so that a row an operation passes over costs no parse.
struct FeatureRow {
    let wkb: [UInt8]
    fileprivate let json: String

    /// The properties with `code` first, as stored; nil for a row that is no object.
    func properties() throws -> [(String, JSONValue)]? {
        guard case .object(let members) = try JSONValue.parse(json) else { return nil }
        return members
    }
}
