import CSpatiaLite
import Foundation
import GRDB

/// The questions the check asks beside its candidates: what other programs
/// wrote, and a geometry SpatiaLite must read.
extension Snapshot {
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
        try spatial()
        guard let data = try Data.fetchOne(db, sql: "SELECT AsBinary(?)", arguments: [Data(blob)]) else {
            throw RegistryError("a geometry SpatiaLite cannot read")
        }
        return [UInt8](data)
    }
}
