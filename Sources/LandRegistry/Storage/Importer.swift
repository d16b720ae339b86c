import Foundation
import GRDB

/// How an import treats features already in the layer.
public enum ImportMode: String, CaseIterable, Sendable {
    /// Add features; a code already in the layer is an error.
    case insert
    /// Update features by code, add new ones.
    case upsert
    /// Make the layer exactly the file: upsert, then delete codes not in it.
    case replace
}

public struct ImportOptions: Sendable {
    public var mode: ImportMode
    /// The CRS of the input, overriding what the file declares.
    public var srid: Int?
    /// Repair invalid geometries with GEOS instead of rejecting them.
    public var makeValid: Bool

    public init(mode: ImportMode = .insert, srid: Int? = nil, makeValid: Bool = false) {
        self.mode = mode
        self.srid = srid
        self.makeValid = makeValid
    }
}

/// What an import did.
public struct ImportCounts: Equatable, Sendable {
    public var read = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var deleted = 0
    /// Features whose geometry `--make-valid` repaired, with GEOS's reason.
    public var repaired: [(code: String, reason: String)] = []

    public static func == (a: ImportCounts, b: ImportCounts) -> Bool {
        a.read == b.read && a.inserted == b.inserted && a.updated == b.updated
            && a.unchanged == b.unchanged && a.deleted == b.deleted && a.repaired.count == b.repaired.count
    }
}

extension Registry {
    /// Imports every feature of `reader` into `layer` in one transaction: all
    /// or nothing. Throws `InputError` naming the file, feature, code and
    /// property of the first bad feature; the registry is then unchanged.
    public func importFeatures(into layer: Layer, from reader: FeatureReader, options: ImportOptions = ImportOptions(),
                               progress: ((Int) -> Void)? = nil) throws -> ImportCounts {
        try write { db in
            var importer = try LayerImport(db: db, layer: layer, registrySRID: srid, reader: reader, options: options)
            return try importer.run(progress: progress)
        }
    }
}

/// One import, inside the registry's write transaction.
private struct LayerImport {
    let db: Database
    let layer: Layer
    let registrySRID: Int
    let reader: FeatureReader
    let options: ImportOptions
    let geos = GEOSContext()
    var counts = ImportCounts()
    var codes = Set<String>()
    var sourceSRID: Int?
    let specs: [PropertySpec]

    init(db: Database, layer: Layer, registrySRID: Int, reader: FeatureReader, options: ImportOptions) throws {
        self.db = db
        self.layer = layer
        self.registrySRID = registrySRID
        self.reader = reader
        self.options = options
        self.specs = layer.properties
    }

    mutating func run(progress: ((Int) -> Void)?) throws -> ImportCounts {
        let table = layer.table
        let columns = specs.map(\.column).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: specs.count).joined(separator: ", ")
        let insert = try db.makeStatement(sql: """
            INSERT INTO \(table) (\(columns), extra, geom) VALUES (\(placeholders), ?, ?)
            """)
        let find = try db.makeStatement(sql: "SELECT fid FROM \(table) WHERE code = ?")
        let assignments = specs.map { "\($0.column) = ?" }.joined(separator: ", ")
        let unchanged = specs.map { "\($0.column) IS ?" }.joined(separator: " AND ")
        let update = try db.makeStatement(sql: """
            UPDATE \(table) SET \(assignments), extra = ?, geom = ?
            WHERE fid = ? AND NOT (\(unchanged) AND extra IS ? AND geom IS ?)
            """)
        if options.mode == .replace {
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_seen (code TEXT PRIMARY KEY)")
            try db.execute(sql: "DELETE FROM import_seen")
        }
        let seen = options.mode == .replace ? try db.makeStatement(sql: "INSERT INTO import_seen (code) VALUES (?)") : nil

        while let feature = try reader.next() {
            if sourceSRID == nil { sourceSRID = try resolveSourceSRID() }
            counts.read += 1
            let props = try layer.validate(feature, file: reader.fileName)
            guard codes.insert(props.code).inserted else {
                throw InputError(file: reader.fileName, feature: feature.number, code: props.code, property: "code",
                                 message: "duplicate code in the file")
            }
            let geometry = try storedGeometry(feature, code: props.code)
            var arguments = StatementArguments(props.values)
            arguments += [props.extra, geometry]
            let existing = options.mode == .insert ? nil : try Int64.fetchOne(find, arguments: [props.code])
            if let existing {
                var updateArguments = arguments
                updateArguments += [existing]
                updateArguments += StatementArguments(props.values)
                updateArguments += [props.extra, geometry]
                try update.execute(arguments: updateArguments)
                if db.changesCount > 0 { counts.updated += 1 } else { counts.unchanged += 1 }
            } else {
                do {
                    try insert.execute(arguments: arguments)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    throw InputError(file: reader.fileName, feature: feature.number, code: props.code, property: "code",
                                     message: "code already in layer \(layer.rawValue) (use --mode upsert to update it)")
                }
                counts.inserted += 1
            }
            try seen?.execute(arguments: [props.code])
            if counts.read % 10_000 == 0 { progress?(counts.read) }
        }
        if options.mode == .replace {
            try db.execute(sql: "DELETE FROM \(table) WHERE code NOT IN (SELECT code FROM import_seen)")
            counts.deleted = db.changesCount
            try db.execute(sql: "DELETE FROM import_seen")
        }
        return counts
    }

    /// The input CRS: `--srid`, else the file's own, else lon/lat.
    func resolveSourceSRID() throws -> Int {
        let srid = options.srid ?? reader.declaredSRID ?? CRS.lonLat
        // RFC 7946's WGS 84 lon/lat is read as CGCS2000 lon/lat (contract §2).
        let source = srid == 4326 ? CRS.lonLat : srid
        let known = try Int.fetchOne(db, sql: "SELECT count(*) FROM spatial_ref_sys WHERE srid = ?", arguments: [source]) ?? 0
        guard known > 0 else {
            throw InputError(file: reader.fileName, message: "EPSG:\(srid) is not a CRS SpatiaLite knows")
        }
        return source
    }

    /// Validates the feature's geometry and returns it as a SpatiaLite
    /// geometry in the registry's CRS.
    mutating func storedGeometry(_ feature: InputFeature, code: String) throws -> DatabaseValue {
        func fail(_ message: String) -> InputError {
            InputError(file: reader.fileName, feature: feature.number, code: code, message: message)
        }
        guard var shape = feature.shape else { throw fail("the feature has no geometry") }
        guard layer.geometryTypes.contains(shape.type) else {
            let allowed = layer.geometryTypes.map(\.rawValue).sorted().joined(separator: " or ")
            throw fail("a \(shape.type.rawValue) cannot go in layer \(layer.rawValue), which takes \(allowed)")
        }
        if let problem = shape.structuralProblem() { throw fail("invalid geometry: \(problem)") }
        let source = sourceSRID ?? CRS.lonLat
        if CRS.isGeographic(source) {
            let b = shape.bounds
            if b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 {
                let hint = options.srid == nil && reader.declaredSRID == nil
                    ? "; the file declares no CRS: if these are projected metres, pass --srid (e.g. --srid 4547)"
                    : ""
                throw fail("coordinates out of longitude/latitude range (x \(b.minX)…\(b.maxX), y \(b.minY)…\(b.maxY))\(hint)")
            }
        }
        var wkb = shape.wkb()
        if shape.type.isAreal || shape.type == .lineString || shape.type == .multiLineString {
            let geometry = try Geometry(wkb: wkb, in: geos)
            if let problem = try geometry.invalidity() {
                let reason = "\(problem.reason) at (\(problem.x), \(problem.y))"
                guard options.makeValid else {
                    throw fail("invalid geometry: \(reason) (--make-valid repairs it)")
                }
                let repaired = try geometry.makeValid()
                wkb = try repaired.wkb()
                shape = try Shape(wkb: wkb)
                guard layer.geometryTypes.contains(shape.type) else {
                    throw fail("invalid geometry: \(reason); repairing it gives a \(repaired.typeName), which layer \(layer.rawValue) does not take")
                }
                counts.repaired.append((code, reason))
            }
        }
        let blob: DatabaseValue
        if source == registrySRID {
            blob = try DatabaseValue.fetchOne(db, sql: "SELECT GeomFromWKB(?, ?)", arguments: [Data(wkb), source]) ?? .null
        } else {
            blob = try DatabaseValue.fetchOne(db, sql: "SELECT ST_Transform(GeomFromWKB(?, ?), ?)",
                                              arguments: [Data(wkb), source, registrySRID]) ?? .null
        }
        guard !blob.isNull else {
            throw fail("the geometry could not be transformed from EPSG:\(source) to EPSG:\(registrySRID)")
        }
        return blob
    }
}
