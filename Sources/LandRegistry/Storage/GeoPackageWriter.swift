import CSpatiaLite
import SpatiaLiteLoader
import Foundation
import GRDB

/// Writes layers into a new GeoPackage (OGC GeoPackage 1.2, QGIS's own
/// format) through SQLite and SpatiaLite's GPKG functions, without GDAL: one
/// feature table per layer, the CRS recorded in `gpkg_spatial_ref_sys`, an
/// R*Tree per table. Written under a temporary name and moved into place.
enum GeoPackageWriter {
    /// `layers`: each layer's features with their geometry as WKB in `srid`.
    static func write(_ layers: [(Layer, [(code: String, properties: [(String, JSONValue)], wkb: [UInt8])])], srid: Int,
                      to path: String) throws {
        let temporary = path + ".\(getpid()).tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        let caches = SpatiaLiteCaches()
        var config = Configuration()
        config.prepareDatabase { db in
            try Store.requireSpatiaLite()
            landreg_spatialite_init_ex(db.sqliteConnection, caches.make(), 0)
        }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = 1196444487; PRAGMA user_version = 10200")
                _ = try Int.fetchOne(db, sql: "SELECT gpkgCreateBaseTables()")
            }
            try queue.write { db in
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = ?", arguments: [srid]) == 0 {
                    _ = try Int.fetchOne(db, sql: "SELECT gpkgInsertEpsgSRID(?)", arguments: [srid])
                }
                for (layer, features) in layers { try table(db, layer, features, srid: srid) }
            }
            try queue.close()
            caches.freeAll()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            caches.freeAll()
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? DatabaseError {
                throw InputError(file: path, message: "cannot write the GeoPackage (\(error.message ?? "\(error.resultCode)"))")
            }
            throw error
        }
    }

    /// One feature table: the contract's properties typed, the extra ones as text.
    private static func table(_ db: Database, _ layer: Layer, _ features: [(code: String, properties: [(String, JSONValue)], wkb: [UInt8])],
                              srid: Int) throws {
        let name = layer.table  // SpatiaLite's GPKG functions do not quote names: no hyphen
        var columns = layer.properties.map { ($0.name, $0.kind == .bool ? "BOOLEAN" : $0.kind == .date ? "DATE" : "TEXT") }
        for feature in features {
            for (key, _) in feature.properties where !columns.contains(where: { $0.0 == key }) { columns.append((key, "TEXT")) }
        }
        let quoted = columns.map { "\"\($0.0.replacingOccurrences(of: "\"", with: "\"\""))\"" }
        // gpkgAddGeometryColumn adds the geometry column itself.
        try db.execute(sql: "CREATE TABLE \"\(name)\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, "
                       + zip(quoted, columns).map { "\($0) \($1.1)" }.joined(separator: ", ") + ")")
        var box = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
        for feature in features {
            guard let b = try? Shape(wkb: feature.wkb).bounds else { continue }
            box = (min(box.0, b.minX), min(box.1, b.minY), max(box.2, b.maxX), max(box.3, b.maxY))
        }
        if features.isEmpty { box = (0, 0, 0, 0) }
        try db.execute(sql: """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
            VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [name, layer.rawValue, layer.summary, box.0, box.1, box.2, box.3, srid])
        _ = try Int.fetchOne(db, sql: "SELECT gpkgAddGeometryColumn(?, 'geom', 'GEOMETRY', 0, 0, ?)", arguments: [name, srid])
        // Before the rows: the index's triggers fill it as they go in.
        _ = try Int.fetchOne(db, sql: "SELECT gpkgAddSpatialIndex(?, 'geom')", arguments: [name])
        let insert = try db.makeStatement(sql: "INSERT INTO \"\(name)\" (geom, \(quoted.joined(separator: ", "))) VALUES (AsGPB(GeomFromWKB(?, ?)), "
                                          + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        for feature in features {
            let values = Dictionary(feature.properties, uniquingKeysWith: { a, _ in a })
            var arguments: [DatabaseValue] = [Data(feature.wkb).databaseValue, srid.databaseValue]
            for (column, type) in columns {
                switch values[column] {
                case nil, .null?: arguments.append(.null)
                case .bool(let flag)?: arguments.append((flag ? 1 : 0).databaseValue)
                case .string(let text)?: arguments.append(text.databaseValue)
                case .number(let number, let text)?: arguments.append(type == "TEXT" ? text.databaseValue : number.databaseValue)
                case let other?: arguments.append(other.jsonText.databaseValue)
                }
            }
            try insert.execute(arguments: StatementArguments(arguments))
        }
    }
}
