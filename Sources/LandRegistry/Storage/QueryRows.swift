import Foundation
import GRDB

/// The questions of `query` and `audit`: counts, every row's code and
/// geometry, spatial-index candidates with the attribute filters in the SQL,
/// properties by code.
extension Snapshot {
    /// How many features of a layer pass the filters, counting at most `limit`.
    func count(_ layer: Layer, filters: [PropertyFilter], upTo limit: Int = Int.max) throws -> Int {
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false, after: StatementArguments())
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM \(layer.table) \(whereClause) LIMIT ?)",
                                arguments: arguments + [limit]) ?? 0
    }

    /// The code and WKB of every feature of a layer that passes the filters, by code.
    func forEachCodeAndGeometry(_ layer: Layer, filters: [PropertyFilter], _ body: (String, [UInt8]) throws -> Void) throws {
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false, after: StatementArguments())
        let statement = try db.makeStatement(sql: """
            SELECT code, AsBinary(geom) FROM \(layer.table) \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY code
            """)
        try statement.setArguments(arguments)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        while try rows.step(db) { try body(rows.text(0) ?? "", rows.blob(1)) }
    }

    /// The properties of some features of a layer, by code (as exported).
    func properties(_ layer: Layer, codes: [String]) throws -> [String: [(String, JSONValue)]] {
        var result: [String: [(String, JSONValue)]] = [:]
        let statement = try db.cachedStatement(sql: """
            SELECT \(Layer.propertiesJSONSQL(layer.properties)) FROM \(layer.table) WHERE code = ?
            """)
        for code in codes {
            guard let json = try String.fetchOne(statement, arguments: [code]),
                  case .object(let members) = try JSONValue.parse(json) else { continue }
            result[code] = members
        }
        return result
    }
}
