import Foundation
import GRDB

/// One row of a layer as read for an export, its JSON and geometry still to
/// be made — so that the reading thread only copies columns, and workers do
/// the rest.
struct ExportRow: @unchecked Sendable {
    let layer: Layer
    /// Whether the properties begin with `"layer":"…"` (an export of several layers).
    let namesLayer: Bool
    /// The contract columns as stored (booleans "1"/"0"), nil when NULL.
    let values: [String?]
    let extra: String?
    /// SpatiaLite's blob, or WKB when SpatiaLite had to convert it.
    let blob: [UInt8]
    let isWKB: Bool
    let area: Double?

    /// The GeoJSON properties object: `leading`, the contract's, the extra
    /// ones, then `area_m2` and `area_mu` for polygons when asked.
    func propertiesJSON() -> String {
        var bytes: [UInt8] = []
        appendProperties(to: &bytes, layout: ExportRow.layouts[layer]!)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `propertiesJSON()` appended to `out` as bytes (no String in between:
    /// the export's hot path), with the layer's `layout` — each export
    /// worker has its own, so that threads do not count references to the
    /// same arrays.
    func appendProperties(to out: inout [UInt8], layout: Layout) {
        out.append(0x7B)  // {
        var first = !namesLayer
        if namesLayer { out.append(contentsOf: layout.leading) }
        for i in values.indices {
            guard let value = values[i] else { continue }
            if !first { out.append(0x2C) }
            first = false
            out.append(contentsOf: layout.keys[i])
            if layout.booleans[i] { out.append(contentsOf: (value == "1" ? "true" : "false").utf8) } else { JSONValue.appendString(value, to: &out) }
        }
        // Extra properties are stored as a compact JSON object: splice its members.
        if let extra, extra.utf8.count > 2 {
            if !first { out.append(0x2C) }
            first = false
            out.append(contentsOf: extra.utf8.dropFirst().dropLast())
        }
        if let area, isAreal {
            if !first { out.append(0x2C) }
            out.append(contentsOf: ("\"area_m2\":" + formatNumber(rounded(area)) + ",\"area_mu\":" + formatNumber(roundedMu(area))).utf8)
        }
        out.append(0x7D)  // }
    }

    /// A layer's property names as JSON keys (`"name":`), which are
    /// booleans, and its `"layer":"…"` member, made once (not read from the
    /// property specs for every row).
    struct Layout {
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

    /// Every layer's layout, new arrays each time (one set per export worker).
    static func makeLayouts() -> [Layer: Layout] {
        Dictionary(uniqueKeysWithValues: Layer.allCases.map { ($0, Layout($0)) })
    }

    static let layouts = makeLayouts()

    private var isAreal: Bool {
        if isWKB { return Snapshot.isAreal(blob) }
        guard blob.count > 43 else { return false }
        return blob[39] == 3 || blob[39] == 6
    }

    /// The geometry, in the registry's CRS.
    func shape() throws -> Shape {
        if isWKB { return try Shape(wkb: blob) }
        guard let shape = blob.withUnsafeBytes({ Shape(spatiaLiteBlob: $0) }) else {
            throw RegistryError("feature \(values.first.flatMap { $0 } ?? "?") of \(layer.rawValue) has a geometry landreg cannot read")
        }
        return shape
    }
}

extension Snapshot {
    /// Streams a layer's rows, ordered by code, as `ExportRow`s: plain 2D
    /// blobs as stored (told apart in Swift, not by SQL functions on every
    /// row), anything else (compressed, Z, M) converted to WKB by SpatiaLite.
    func forEachExportRow(_ layer: Layer, filters: [PropertyFilter], withArea: Bool, namesLayer: Bool,
                          _ body: (ExportRow) throws -> Void) throws {
        let specs = layer.properties
        let (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false, after: StatementArguments())
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let statement = try db.makeStatement(sql: """
            SELECT \(specs.map(\.column).joined(separator: ", ")), extra, geom, fid\(withArea ? ", ST_Area(geom)" : "")
            FROM \(layer.table) \(whereClause) ORDER BY code
            """)
        try statement.setArguments(arguments)
        let rows = FastStatement(statement)
        defer { rows.reset() }
        var convert: FastStatement?
        defer { convert?.reset() }
        let extraColumn = Int32(specs.count)
        while try rows.step(db) {
            let values = rows.contractValues(specs)
            var blob = rows.blob(extraColumn + 1)
            let plain = Snapshot.isPlainBlob(blob)
            if !plain {
                if convert == nil { convert = FastStatement(try db.makeStatement(sql: "SELECT AsBinary(geom) FROM \(layer.table) WHERE fid = ?")) }
                convert!.bind(rows.int64(extraColumn + 2), at: 1)
                blob = try convert!.step(db) ? convert!.blob(0) : []
                convert!.reset()
            }
            try body(ExportRow(layer: layer, namesLayer: namesLayer, values: values, extra: rows.text(extraColumn),
                               blob: blob, isWKB: !plain,
                               area: withArea && !rows.isNull(extraColumn + 3) ? rows.double(extraColumn + 3) : nil))
        }
    }

    /// Whether a SpatiaLite blob is a plain little-endian 2D one (point,
    /// line, polygon or their multis) that `Shape(spatiaLiteBlob:)` reads.
    static func isPlainBlob(_ blob: [UInt8]) -> Bool {
        blob.count > 43 && blob[0] == 0x00 && blob[1] == 0x01 && (1...6).contains(blob[39])
            && blob[40] == 0 && blob[41] == 0 && blob[42] == 0
    }
}
