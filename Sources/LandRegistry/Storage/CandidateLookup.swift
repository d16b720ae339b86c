import CSpatiaLite
import Foundation
import GRDB

/// The one spatial-index question — the check's, the query's, the audit's:
/// which features of a layer have an R*Tree box within reach of a window
/// and pass the attribute conditions (property filters, as `query --where`;
/// the concerns of the rules being checked, any of them), every value bound.
/// Prepared once, then stepped for each window; each feature comes with its
/// contract properties and a function that makes its geometry (from
/// SpatiaLite's blob, read in Swift) only when asked.
final class CandidateLookup {
    /// Unowned: the snapshot keeps its lookups (`forEachCandidate`).
    private unowned let snapshot: Snapshot
    private let layer: Layer
    private let specs: [PropertySpec]
    private let rows: FastStatement
    private let nameAt: Int32?
    private let nameColumn: Int32, blobColumn: Int32

    init(_ snapshot: Snapshot, layer: Layer, filters: [PropertyFilter] = [], concerns: [Concern] = [.all]) throws {
        self.snapshot = snapshot
        self.layer = layer
        specs = layer.properties
        nameAt = specs.firstIndex { $0.name == "name" }.map(Int32.init)
        nameColumn = Int32(specs.count)
        blobColumn = Int32(specs.count + 1)
        var (conditions, arguments) = PropertyFilter.conditions(filters, on: layer, onHistory: false,
                                                                after: StatementArguments([0.0, 0.0, 0.0, 0.0]))
        if let (condition, values) = CandidateLookup.condition(concerns) {
            conditions.append(condition)
            arguments += values
        }
        let statement = try snapshot.db.makeStatement(sql: """
            SELECT \(CandidateLookup.columns(of: layer))
            FROM idx_\(layer.table)_geom AS box CROSS JOIN \(layer.table) ON fid = box.pkid
            WHERE box.xmin <= ?1 AND box.xmax >= ?2 AND box.ymin <= ?3 AND box.ymax >= ?4
            \(conditions.map { " AND " + $0 }.joined())
            ORDER BY fid
            """)
        try statement.setArguments(arguments)
        rows = FastStatement(statement)
    }

    /// What a lookup reads of each feature: the contract properties, the
    /// name when it is no contract property, the geometry.
    static func columns(of layer: Layer) -> String {
        let specs = layer.properties
        let name = specs.contains { $0.name == "name" } ? "NULL" : "json_extract(extra, '$.name')"
        return "\(specs.map(\.column).joined(separator: ", ")), \(name), geom"
    }

    /// The condition that keeps the features some rules are about, and its
    /// values (nil: all of them).
    static func condition(_ concerns: [Concern]) -> (String, StatementArguments)? {
        var terms: [String] = []
        var arguments = StatementArguments()
        for concern in concerns {
            switch concern {
            case .all: return nil
            case .property(let name, let values):
                terms.append("\(PropertySpec(name, .text).column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))")
                arguments += StatementArguments(values)
            case .flag(let name): terms.append("\(PropertySpec(name, .bool).column) = 1")
            }
        }
        return terms.isEmpty ? nil : ("(" + terms.joined(separator: " OR ") + ")", arguments)
    }

    /// The features whose box comes within `reach` of `window`, each with a
    /// function that makes its geometry in a GEOS context.
    func forEach(_ window: Envelope, reach: Double, _ body: (CandidateFeature, (GEOSContext) throws -> Geometry) throws -> Void) throws {
        let window = window.expanded(by: reach)
        rows.bind(window.maxX, at: 1)
        rows.bind(window.minX, at: 2)
        rows.bind(window.maxY, at: 3)
        rows.bind(window.minY, at: 4)
        defer { rows.rewind() }
        while try rows.step(snapshot.db) {
            let values = rows.contractValues(specs)
            let candidate = CandidateFeature(layer: layer, code: values[0] ?? "", name: nameAt.map { values[Int($0)] } ?? rows.text(nameColumn),
                                             values: values)
            try body(candidate) { try self.geometry(of: candidate, $0) }
        }
    }

    private func geometry(of candidate: CandidateFeature, _ geos: GEOSContext) throws -> Geometry {
        guard let bytes = sqlite3_column_blob(rows.handle, blobColumn) else {
            throw RegistryError("feature \(candidate.code) of \(layer.rawValue) has no geometry")
        }
        let blob = UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(rows.handle, blobColumn)))
        if let shape = Shape(spatiaLiteBlob: blob) { return try Geometry(shape: shape, in: geos) }
        // Compressed, Z or M geometries (written by other programs): SpatiaLite converts them.
        return try Geometry(wkb: try snapshot.wkb(of: Array(blob)), in: geos)
    }
}

extension Snapshot {
    /// The check's candidates: `CandidateLookup` for the rules' concerns,
    /// prepared once per snapshot for each layer and set of concerns.
    func forEachCandidate(layer: Layer, bounds: Envelope, reach: Double, concerns: [Concern] = [.all], geos: GEOSContext,
                          _ body: (CandidateFeature, () throws -> Geometry) throws -> Void) throws {
        // Either source hands over a geometry made in a context; the rules' own is `geos`.
        let inContext: (CandidateFeature, (GEOSContext) throws -> Geometry) throws -> Void = { candidate, makeGeometry in
            try withoutActuallyEscaping(makeGeometry) { make in try body(candidate) { try make(geos) } }
        }
        if let resident = try resident(layer) {
            try resident.forEach(bounds, reach: reach, concerns: concerns, snapshot: self, inContext)
            return
        }
        let key = LookupKey(layer: layer, concerns: concerns)
        let lookup = try lookups[key] ?? CandidateLookup(self, layer: layer, concerns: concerns)
        lookups[key] = lookup
        try lookup.forEach(bounds, reach: reach, inContext)
    }
}

extension Snapshot {
    /// The layer in memory once this snapshot has been asked for its
    /// candidates `ResidentLayer.after` times (nil before, and for a layer
    /// too large to keep).
    private func resident(_ layer: Layer) throws -> ResidentLayer? {
        if let kept = residents[layer] { return kept }
        let asked = (lookupsAsked[layer] ?? 0) + 1
        lookupsAsked[layer] = asked
        guard asked == ResidentLayer.after else { return nil }
        let loaded = try ResidentLayer(self, layer: layer)
        residents[layer] = loaded
        return loaded
    }
}
