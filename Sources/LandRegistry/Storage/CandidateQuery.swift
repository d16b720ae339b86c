import GRDB

/// The spatial-index question of the check: which features of a layer have
/// an R*Tree box within reach of a window.
extension Snapshot {
    /// Per layer: its contract columns, its name, its geometry as WKB, for
    /// the features whose R*Tree box meets a window.
    static let candidateSQL: [Layer: String] = Dictionary(uniqueKeysWithValues: Layer.allCases.map { layer in
        let specs = layer.properties
        let hasName = specs.contains { $0.name == "name" }
        return (layer, """
            SELECT \(specs.map(\.column).joined(separator: ", ")), \(hasName ? "NULL" : "json_extract(extra, '$.name')"), AsBinary(geom)
            FROM \(layer.table)
            WHERE fid IN (SELECT pkid FROM idx_\(layer.table)_geom
                          WHERE xmin <= ?1 AND xmax >= ?2 AND ymin <= ?3 AND ymax >= ?4)
            """)
    })

    /// Features of `layer` whose bounding box comes within `reach` of
    /// `bounds`, from the layer's R*Tree; `body` gets each feature and a
    /// function that makes its geometry in `geos` (only when asked).
    func forEachCandidate(layer: Layer, bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double), reach: Double,
                          geos: GEOSContext, _ body: (CandidateFeature, () throws -> Geometry) throws -> Void) throws {
        let specs = layer.properties
        let hasName = specs.contains { $0.name == "name" }
        let rows = FastStatement(try db.cachedStatement(sql: Snapshot.candidateSQL[layer]!))
        rows.bind(bounds.maxX + reach, at: 1)
        rows.bind(bounds.minX - reach, at: 2)
        rows.bind(bounds.maxY + reach, at: 3)
        rows.bind(bounds.minY - reach, at: 4)
        defer { rows.reset() }
        let nameColumn = Int32(specs.count), blobColumn = Int32(specs.count + 1)
        while try rows.step(db) {
            var values: [String: String] = [:]
            for (i, spec) in specs.enumerated() where !rows.isNull(Int32(i)) {
                values[spec.name] = spec.kind == .bool ? String(rows.int64(Int32(i))) : rows.text(Int32(i))
            }
            let name = hasName ? values["name"] : rows.text(nameColumn)
            let candidate = CandidateFeature(layer: layer, code: values["code"] ?? "", name: name, values: values)
            try body(candidate) {
                let wkb = rows.blob(blobColumn)
                guard !wkb.isEmpty else { throw RegistryError("feature \(candidate.code) of \(layer.rawValue) has no geometry") }
                return try Geometry(wkb: wkb, in: geos)
            }
        }
    }
}
