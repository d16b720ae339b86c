import CSpatiaLite
import Foundation
import GRDB

/// The spatial-index question of the check: which features of a layer have
/// an R*Tree box within reach of a window.
extension Snapshot {
    /// Per layer: its contract columns, its name, its geometry (SpatiaLite's
    /// blob, read in Swift), for the features whose R*Tree box meets a window.
    static let candidateSQL: [Layer: String] = Dictionary(uniqueKeysWithValues: Layer.allCases.map { layer in
        let specs = layer.properties
        let hasName = specs.contains { $0.name == "name" }
        return (layer, """
            SELECT \(specs.map(\.column).joined(separator: ", ")), \(hasName ? "NULL" : "json_extract(extra, '$.name')"), geom
            FROM \(layer.table)
            WHERE fid IN (SELECT pkid FROM idx_\(layer.table)_geom
                          WHERE xmin <= ?1 AND xmax >= ?2 AND ymin <= ?3 AND ymax >= ?4)
            """)
    })

    /// The SQL condition that keeps the features some rules are about (nil: all of them).
    static func condition(_ concerns: [Concern]) -> String? {
        var terms: [String] = []
        for concern in concerns {
            switch concern {
            case .all: return nil
            case .property(let name, let values):
                let quoted = values.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }
                terms.append("\(PropertySpec(name, .text).column) IN (\(quoted.joined(separator: ", ")))")
            case .flag(let name): terms.append("\(PropertySpec(name, .bool).column) = 1")
            }
        }
        return terms.isEmpty ? nil : "(" + terms.joined(separator: " OR ") + ")"
    }

    /// Features of `layer` whose bounding box comes within `reach` of
    /// `bounds`, from the layer's R*Tree, and that one of `concerns` is
    /// about (asked of SQLite, so the others are never read); `body` gets
    /// each feature and a function that makes its geometry in `geos` (only
    /// when asked).
    func forEachCandidate(layer: Layer, bounds: Envelope, reach: Double,
                          concerns: [Concern] = [.all], geos: GEOSContext,
                          _ body: (CandidateFeature, () throws -> Geometry) throws -> Void) throws {
        let specs = layer.properties
        let hasName = specs.contains { $0.name == "name" }
        let sql = Snapshot.condition(concerns).map { Snapshot.candidateSQL[layer]! + " AND " + $0 } ?? Snapshot.candidateSQL[layer]!
        let rows = FastStatement(try db.cachedStatement(sql: sql))
        rows.bind(bounds.maxX + reach, at: 1)
        rows.bind(bounds.minX - reach, at: 2)
        rows.bind(bounds.maxY + reach, at: 3)
        rows.bind(bounds.minY - reach, at: 4)
        defer { rows.reset() }
        let nameColumn = Int32(specs.count), blobColumn = Int32(specs.count + 1)
        while try rows.step(db) {
            let values = rows.contractValues(specs)
            let name = hasName ? values[specs.firstIndex { $0.name == "name" }!] : rows.text(nameColumn)
            let candidate = CandidateFeature(layer: layer, code: values[0] ?? "", name: name, values: values)
            try body(candidate) {
                guard let bytes = sqlite3_column_blob(rows.handle, blobColumn) else {
                    throw RegistryError("feature \(candidate.code) of \(layer.rawValue) has no geometry")
                }
                let blob = UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(rows.handle, blobColumn)))
                if let shape = Shape(spatiaLiteBlob: blob) { return try Geometry(shape: shape, in: geos) }
                // Compressed, Z or M geometries (written by other programs): SpatiaLite converts them.
                return try Geometry(wkb: try wkb(of: Array(blob)), in: geos)
            }
        }
    }

    /// The features other programs inserted or changed (QGIS, `sqlite3`),
    /// as "layer\u{1}code": landreg never validated their geometries.
    func editedElsewhere() throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT layer || char(1) || code FROM history INDEXED BY history_external
            WHERE recorded_by = 'external' AND action != 'delete'
            """))
    }

    /// Every stage change of the risk-plots that other programs edited,
    /// in the order of the history: (code, from, to, effective date, by another program).
    func stageChanges() throws -> [(code: String, from: String, to: String, date: String, external: Bool)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT code, json_extract(after_properties, '$.stage'), effective_date, recorded_by = 'external' FROM history
            WHERE layer = 'risk-plots' AND after_properties IS NOT NULL
              AND code IN (SELECT code FROM history INDEXED BY history_external WHERE layer = 'risk-plots' AND recorded_by = 'external')
            ORDER BY code, effective_date, id
            """)
        var changes: [(code: String, from: String, to: String, date: String, external: Bool)] = []
        var previous: (code: String, stage: String)?
        for row in rows {
            let code: String = row[0], stage: String = row[1] ?? ""
            if let previous, previous.code == code, previous.stage != stage {
                changes.append((code, previous.stage, stage, row[2], row[3]))
            }
            previous = (code, stage)
        }
        return changes
    }

    /// The WKB of a SpatiaLite blob, by SpatiaLite.
    func wkb(of blob: [UInt8]) throws -> [UInt8] {
        spatial()
        guard let data = try Data.fetchOne(db, sql: "SELECT AsBinary(?)", arguments: [Data(blob)]) else {
            throw RegistryError("a geometry SpatiaLite cannot read")
        }
        return [UInt8](data)
    }
}
