import GRDB

/// The rows a feature service's pages are made of: counts, runs of codes
/// after a code (keyset paging on the code index: as fast on the
/// thousandth page as on the first), one feature by code, and the features
/// whose R*Tree box crosses a window with their geometries.
extension Snapshot {
    /// How many features of a layer pass the filters.
    func count(_ layer: Layer, filters: [PropertyFilter]) throws -> Int {
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false, after: StatementArguments())
        let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM \(layer.table)\(condition)"), arguments: arguments) ?? 0
    }

    /// A number that changes whenever any feature changes: the last row of
    /// the history, which every change of landreg's and every outside edit
    /// (its triggers) writes.
    func historyVersion() throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM history")) ?? 0
    }

    /// The features of a layer whose R*Tree box crosses `window` and that
    /// pass the filters (in no order): each code, and the geometry of those
    /// whose box is not inside `core` (the ones the box alone cannot decide;
    /// read in the same step, never for the others, which are inside).
    func boxes(_ layer: Layer, crossing window: Envelope, core: Envelope?, filters: [PropertyFilter]) throws
        -> [(code: String, shape: Shape?)] {
        let inner = core ?? Envelope(minX: 1, minY: 1, maxX: 0, maxY: 0)
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false, after: StatementArguments([
            inner.minX, inner.maxX, inner.minY, inner.maxY, window.maxX, window.minX, window.maxY, window.minY]))
        let statement = try db.cachedStatement(sql: """
            SELECT t.code,
                   CASE WHEN r.xmin >= ? AND r.xmax <= ? AND r.ymin >= ? AND r.ymax <= ? THEN NULL ELSE t.geom END
            FROM idx_\(layer.table)_geom AS r JOIN \(layer.table) AS t ON t.fid = r.pkid
            WHERE r.xmin <= ? AND r.xmax >= ? AND r.ymin <= ? AND r.ymax >= ?\(conditions.map { " AND " + $0 }.joined())
            """)
        try statement.setArguments(arguments)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        var result: [(code: String, shape: Shape?)] = []
        while try rows.step(db) {
            var shape: Shape?
            if !rows.isNull(1) {
                shape = rows.withBlob(1) { Shape(spatiaLiteBlob: $0) }
                if shape == nil { shape = try Shape(wkb: try wkb(of: rows.blob(1))) }
            }
            result.append((rows.text(0) ?? "", shape))
        }
        return result
    }
}

extension Snapshot {
    /// Every feature of a layer as it stood on `asOf` that passes the
    /// filters, in code order: its code, properties object and WKB geometry.
    func forEachState(_ layer: Layer, asOf: String, filters: [PropertyFilter],
                      _ body: (String, String, [UInt8]) throws -> Void) throws {
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: true, after: StatementArguments([layer.rawValue, asOf]))
        let statement = try db.cachedStatement(sql: Snapshot.stateAsOfSQL(columns: "code, after_properties, after_geom", conditions: conditions))
        try statement.setArguments(arguments)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        while try rows.step(db) {
            try body(rows.text(0) ?? "", rows.text(1) ?? "{}", rows.blob(2))
        }
    }
}

extension Snapshot {
    /// A layer's states on a date read from the history's (layer, code, date) index one
    /// code at a time (each history row that is its code's last effective
    /// on or before the date): a page deep in the past costs its own rows,
    /// not the layer's whole history. Arguments: layer, date, then the
    /// conditions' own.
    private static func stateRunSQL(columns: String, conditions: [String], ordered: Bool) -> String {
        """
        SELECT \(columns) FROM history AS h
        WHERE h.layer = ? AND h.action != 'delete'
          AND h.id = (SELECT l.id FROM history AS l WHERE l.code = h.code AND l.layer = h.layer AND l.effective_date <= ?
                      ORDER BY l.effective_date DESC, l.id DESC LIMIT 1)\(conditions.map { " AND " + $0 }.joined())\(ordered ? " ORDER BY h.code LIMIT ?" : "")
        """
    }

    /// The conditions of a run of states: the codes (a list, and after a
    /// code) on the history's code column, the other filters on the state's properties.
    private func stateRunConditions(_ layer: Layer, asOf: String, after: String?, codes: [String]?, filters: [PropertyFilter])
        -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments([layer.rawValue, asOf])
        if let after { conditions.append("h.code > ?"); arguments += [after] }
        if let codes {
            conditions.append("h.code IN (SELECT value FROM json_each(?))")
            arguments += [jsonArray(codes)]
        }
        let (others, otherArguments) = PropertyFilter.conditions(filters, on: layer, onHistory: true, after: StatementArguments())
        return (conditions + others, arguments + otherArguments)
    }

    /// The first `limit` states of a layer on `asOf` after `after` (nil:
    /// from the first), among `codes` (nil: any), passing the filters, in
    /// code order: each code, properties object and WKB geometry.
    func forEachState(_ layer: Layer, asOf: String, after: String?, codes: [String]?, filters: [PropertyFilter], limit: Int,
                      _ body: (String, UnsafeBufferPointer<UInt8>, [UInt8]) throws -> Void) throws {
        var (conditions, arguments) = stateRunConditions(layer, asOf: asOf, after: after, codes: codes, filters: filters)
        arguments += [limit]
        let statement = try db.cachedStatement(sql: Snapshot.stateRunSQL(
            columns: "h.code, h.after_properties, \(Snapshot.historyWKB)", conditions: conditions, ordered: true))
        try statement.setArguments(arguments)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        while try rows.step(db) {
            let wkb = rows.blob(2)
            try rows.withText(1) { try body(rows.text(0) ?? "", $0, wkb) }
        }
    }

    /// How many states of a layer on `asOf`, among `codes` (nil: any), pass the filters.
    func countStates(_ layer: Layer, asOf: String, codes: [String]?, filters: [PropertyFilter]) throws -> Int {
        let (conditions, arguments) = stateRunConditions(layer, asOf: asOf, after: nil, codes: codes, filters: filters)
        return try Int.fetchOne(db.cachedStatement(sql: Snapshot.stateRunSQL(columns: "count(*)", conditions: conditions, ordered: false)),
                                arguments: arguments) ?? 0
    }
}

extension ExportReader {
    /// Calls `body` with the properties object, geometry and code of the
    /// first `limit` rows after `code` (nil: from the first) that pass the
    /// filters, in code order.
    func forEach(after code: String?, limit: Int, _ body: (UnsafeBufferPointer<UInt8>, Shape, String) throws -> Void) throws {
        try forEach(sqlCondition: code == nil ? "1" : "code > ?", arguments: code.map { [$0] } ?? [], limit: limit, body)
    }

    /// The same for the rows with these codes (in code order): one statement
    /// whatever their number, the codes bound as one JSON array.
    func forEach(codes: [String], _ body: (UnsafeBufferPointer<UInt8>, Shape, String) throws -> Void) throws {
        guard !codes.isEmpty else { return }
        try forEach(sqlCondition: "code IN (SELECT value FROM json_each(?))", arguments: [jsonArray(codes)], limit: codes.count, body)
    }
}

extension Snapshot {
    /// The box of a layer's features in the registry's CRS (from its
    /// R*Tree), nil when it has none.
    func extent(_ layer: Layer) throws -> Envelope? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM idx_\(layer.table)_geom")),
              let minX = row[0] as Double?, let minY = row[1] as Double?, let maxX = row[2] as Double?, let maxY = row[3] as Double?
        else { return nil }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }
}

/// Codes as one JSON array, bound to `json_each(?)`: one statement (prepared
/// once) whatever their number, instead of one per length of an `IN` list.
func jsonArray(_ values: [String]) -> String {
    JSONValue.array(values.map(JSONValue.string)).jsonText
}
