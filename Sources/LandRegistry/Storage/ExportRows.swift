import Foundation
import GRDB

/// Reads one layer for an export, a range of codes at a time, in code
/// order: each row's GeoJSON properties written as bytes straight from
/// SQLite's columns and its geometry read from the blob in place — no
/// String or array per column. The export's workers each read their ranges
/// with readers of their own, on their own snapshot.
final class ExportReader {
    let layer: Layer
    private let snapshot: Snapshot
    private let specs: [PropertySpec]
    private let withArea: Bool
    private let namesLayer: Bool
    private let layout: Layout
    private let filterArguments: StatementArguments
    /// The SELECT up to its conditions on the code; the statements made of
    /// it are the connection's cached ones (prepared once per connection,
    /// not per page a server answers).
    private let select: String
    private var convert: FastStatement?
    private var properties: [UInt8] = []

    init(_ snapshot: Snapshot, layer: Layer, filters: [PropertyFilter], withArea: Bool, namesLayer: Bool) throws {
        self.snapshot = snapshot
        self.layer = layer
        self.withArea = withArea
        self.namesLayer = namesLayer
        specs = layer.properties
        layout = Layout(layer)
        if withArea { try snapshot.spatial() }
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false, after: StatementArguments())
        filterArguments = arguments
        select = """
            SELECT \(specs.map(\.column).joined(separator: ", ")), extra, geom, fid\(withArea ? ", ST_Area(geom)" : "")
            FROM \(layer.table) WHERE \(conditions.map { $0 + " AND " }.joined())
            """
        properties.reserveCapacity(1024)
    }

    /// Calls `body` with the properties object (JSON bytes, valid only
    /// during the call) and the geometry, in the registry's CRS, of every
    /// row with `from <= code < below` (nil: unbounded) that passes the
    /// filters, in code order.
    func forEach(from lower: String?, below upper: String?,
                 _ body: (UnsafeBufferPointer<UInt8>, Shape) throws -> Void) throws {
        let statement = try snapshot.db.cachedStatement(sql: select + (upper == nil ? "code >= ?" : "code >= ? AND code < ?") + " ORDER BY code")
        var arguments = filterArguments
        arguments += [lower ?? ""]
        if let upper { arguments += [upper] }
        try statement.setArguments(arguments)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        let db = snapshot.db
        while try rows.step(db) {
            properties.removeAll(keepingCapacity: true)
            let shape = try appendRow(rows)
            try properties.withUnsafeBufferPointer { try body($0, shape) }
        }
    }

    /// Calls `body` with the properties object, geometry and code of the
    /// first `limit` rows that pass the filters and `sqlCondition` (on the
    /// code, with `arguments`), in code order.
    func forEach(sqlCondition: String, arguments: StatementArguments, limit: Int,
                 _ body: (UnsafeBufferPointer<UInt8>, Shape, String) throws -> Void) throws {
        let statement = try snapshot.db.cachedStatement(sql: select + sqlCondition + " ORDER BY code LIMIT ?")
        var all = filterArguments
        all += arguments
        all += [limit]
        try statement.setArguments(all)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        while try rows.step(snapshot.db) {
            properties.removeAll(keepingCapacity: true)
            let code = rows.text(0) ?? ""
            let shape = try appendRow(rows)
            try properties.withUnsafeBufferPointer { try body($0, shape, code) }
        }
    }

    /// The current row's properties into `properties`; returns its geometry.
    private func appendRow(_ rows: FastStatement) throws -> Shape {
        let extraColumn = Int32(specs.count)
        // A blob landreg cannot read (compressed, Z, M) goes through SpatiaLite.
        var shape = rows.withBlob(extraColumn + 1) { Shape(spatiaLiteBlob: $0) }
        if shape == nil { shape = try converted(rows.int64(extraColumn + 2)) }
        guard let shape else {
            throw RegistryError("feature \(rows.text(0) ?? "?") of \(layer.rawValue) has a geometry landreg cannot read")
        }
        properties.append(0x7B)  // {
        var first = !namesLayer
        if namesLayer { properties.append(contentsOf: layout.leading) }
        for i in specs.indices {
            let column = Int32(i)
            guard !rows.isNull(column) else { continue }
            if !first { properties.append(0x2C) }
            first = false
            properties.append(contentsOf: layout.keys[i])
            if layout.booleans[i] {
                properties.append(contentsOf: rows.int64(column) != 0 ? ExportReader.trueBytes : ExportReader.falseBytes)
            } else {
                rows.withText(column) { JSONValue.appendString(utf8: $0, to: &properties) }
            }
        }
        // Extra properties are stored as a compact JSON object: splice its members.
        rows.withText(extraColumn) { extra in
            guard extra.count > 2 else { return }
            if !first { properties.append(0x2C) }
            first = false
            properties.append(contentsOf: UnsafeBufferPointer(rebasing: extra.dropFirst().dropLast()))
        }
        if withArea, !rows.isNull(extraColumn + 3), shape.type == .polygon || shape.type == .multiPolygon {
            let area = rows.double(extraColumn + 3)
            if !first { properties.append(0x2C) }
            properties.append(contentsOf: ("\"area_m2\":" + formatNumber(rounded(area)) + ",\"area_mu\":" + formatNumber(roundedMu(area))).utf8)
        }
        properties.append(0x7D)  // }
        return shape
    }

    /// A geometry SpatiaLite must convert (compressed, Z, M), as WKB.
    private func converted(_ fid: Int64) throws -> Shape? {
        try snapshot.spatial()
        if convert == nil {
            convert = FastStatement(try snapshot.db.makeStatement(sql: "SELECT AsBinary(geom) FROM \(layer.table) WHERE fid = ?"))
        }
        defer { convert!.reset() }
        convert!.bind(fid, at: 1)
        guard try convert!.step(snapshot.db), !convert!.isNull(0) else { return nil }
        return try Shape(wkb: convert!.blob(0))
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    /// A layer's property names as JSON keys (`"name":`), which are
    /// booleans, and its `"layer":"…"` member, made once per reader (each
    /// worker its own: threads counting references to the same arrays slow
    /// each other down).
    private struct Layout {
        let keys: [[UInt8]]
        let booleans: [Bool]
        let leading: [UInt8]

        init(_ layer: Layer) {
            keys = layer.properties.map { spec -> [UInt8] in
                var key: [UInt8] = []
                JSONValue.appendString(spec.name, to: &key)
                return key + [0x3A]  // :
            }
            booleans = layer.properties.map { $0.kind == .bool }
            var leading: [UInt8] = []
            JSONValue.appendString("layer", to: &leading)
            leading.append(0x3A)
            JSONValue.appendString(layer.rawValue, to: &leading)
            self.leading = leading
        }
    }
}

extension Snapshot {
    /// The codes that begin each range of `every` rows of a layer after
    /// the first, in code order (from the code index alone): an export
    /// shares a layer out in these ranges.
    func rangeStarts(_ layer: Layer, every: Int, _ body: (String) throws -> Void) throws {
        let rows = FastStatement(try db.makeStatement(sql: "SELECT code FROM \(layer.table) ORDER BY code"))
        defer { rows.reset() }
        var count = 0
        while try rows.step(db) {
            if count > 0 && count % every == 0, let code = rows.text(0) { try body(code) }
            count += 1
        }
    }

    /// About how many rows a layer has (its largest row id), without counting them.
    func estimatedRows(_ layer: Layer) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT max(fid) FROM \(layer.table)") ?? 0
    }
}
