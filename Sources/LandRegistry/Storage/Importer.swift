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
    /// The date the changes take effect in the world (YYYY-MM-DD) for
    /// features without their own `stage_date` / `permit_date`; default today.
    public var effectiveDate: String?
    /// Who imports, for the history.
    public var by: String
    /// The command, for the history.
    public var command: String

    public init(mode: ImportMode = .insert, srid: Int? = nil, makeValid: Bool = false, effectiveDate: String? = nil,
                by: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown", command: String = "import") {
        self.mode = mode
        self.srid = srid
        self.makeValid = makeValid
        self.effectiveDate = effectiveDate
        self.by = by
        self.command = command
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
    ///
    /// Two threads share the work: one reads, validates and projects
    /// features (`FeaturePreparer`), the other writes them (`LayerWriter`),
    /// with a few batches of rows between them, so memory stays flat.
    public func importFeatures(into layer: Layer, from reader: FeatureReader, options: ImportOptions = ImportOptions(),
                               progress: ((Int) -> Void)? = nil) throws -> ImportCounts {
        if let date = options.effectiveDate { try checkDate(date, what: "--date") }
        let preparer = FeaturePreparer(layer: layer, registrySRID: srid, reader: reader, options: options)
        return try write { db in
            let writer = try LayerWriter(db: db, layer: layer, registrySRID: srid, options: options)
            let pipeline = RowPipeline(preparer)
            var counts = ImportCounts()
            do {
                while let batch = try pipeline.next() {
                    for row in batch {
                        try writer.write(row, file: reader.fileName, counts: &counts)
                        if let repair = row.repair { counts.repaired.append((row.code, repair)) }
                        if counts.read % 10_000 == 0 { progress?(counts.read) }
                    }
                }
                counts.deleted = try writer.finish()
            } catch {
                pipeline.cancel()
                throw error
            }
            return counts
        }
    }
}

/// A feature ready to be written: validated, in the registry's CRS.
struct PreparedRow: @unchecked Sendable {
    let number: Int
    let code: String
    let values: [DatabaseValue]
    let extra: String
    let wkb: [UInt8]
    /// The geometry as SpatiaLite stores it.
    let blob: [UInt8]
    let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    /// GEOS's reason, when `--make-valid` repaired the geometry.
    let repair: String?
    /// The properties as imported, for the history.
    let propertiesJSON: String
    /// When the change takes effect in the world.
    let effectiveDate: String
}

/// Reads, validates and projects features; used by one thread at a time.
final class FeaturePreparer: @unchecked Sendable {
    let layer: Layer
    let registrySRID: Int
    let reader: FeatureReader
    let options: ImportOptions
    private let geos = GEOSContext()
    private var codes = Set<String>()
    private var transformer: Transformer?
    private let today = todayUTC()

    init(layer: Layer, registrySRID: Int, reader: FeatureReader, options: ImportOptions) {
        self.layer = layer
        self.registrySRID = registrySRID
        self.reader = reader
        self.options = options
    }

    /// The next feature as a row, or nil at the end of the file.
    func next() throws -> PreparedRow? {
        guard let feature = try reader.next() else { return nil }
        if transformer == nil {
            transformer = try Transformer.forInput(srid: options.srid, declared: reader.declaredSRID,
                                                   registrySRID: registrySRID, file: reader.fileName)
        }
        let props = try layer.validate(feature, file: reader.fileName)
        guard codes.insert(props.code).inserted else {
            throw InputError(file: reader.fileName, feature: feature.number, code: props.code, property: "code",
                             message: "duplicate code in the file")
        }
        let (shape, wkb, repair) = try storedGeometry(feature, code: props.code)
        // A feature's own date says when it took effect.
        var effective = options.effectiveDate ?? today
        for (i, spec) in layer.properties.enumerated() where spec.kind == .date {
            if let date = String.fromDatabaseValue(props.values[i]) {
                effective = date
                if date > today {
                    throw InputError(file: reader.fileName, feature: feature.number, code: props.code, property: spec.name,
                                     message: "\(date) is in the future")
                }
            }
        }
        return PreparedRow(number: feature.number, code: props.code, values: props.values, extra: props.extra,
                           wkb: wkb, blob: shape.spatiaLiteBlob(srid: Int32(registrySRID)), bounds: shape.bounds, repair: repair,
                           propertiesJSON: JSONValue.object(feature.properties.filter { $0.1 != .null }).jsonText,
                           effectiveDate: effective)
    }

    /// Validates the feature's geometry and returns it as WKB in the
    /// registry's CRS, with its bounding box there and what was repaired.
    private func storedGeometry(_ feature: InputFeature, code: String) throws -> (Shape, [UInt8], String?) {
        func fail(_ message: String) -> InputError {
            InputError(file: reader.fileName, feature: feature.number, code: code, message: message)
        }
        guard var shape = feature.shape else { throw fail("the feature has no geometry") }
        guard layer.geometryTypes.contains(shape.type) else {
            let allowed = layer.geometryTypes.map(\.rawValue).sorted().joined(separator: " or ")
            throw fail("a \(shape.type.rawValue) cannot go in layer \(layer.rawValue), which takes \(allowed)")
        }
        if let problem = shape.structuralProblem() { throw fail("invalid geometry: \(problem)") }
        let transformer = self.transformer!
        if CRS.isGeographic(transformer.source) {
            let b = shape.bounds
            if b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 {
                let hint = options.srid == nil && reader.declaredSRID == nil
                    ? "; the file declares no CRS: if these are projected metres, pass --srid (e.g. --srid 4547)"
                    : ""
                throw fail("coordinates out of longitude/latitude range (x \(b.minX)…\(b.maxX), y \(b.minY)…\(b.maxY))\(hint)")
            }
        }
        do {
            try transformer.transform(&shape)
        } catch {
            throw fail("\(error)")
        }
        var wkb = shape.wkb()
        var repair: String?
        if shape.type != .point && shape.type != .multiPoint {
            let geometry = try Geometry(wkb: wkb, in: geos)
            if let problem = try geometry.invalidity() {
                var location = Shape(type: .point, xy: [problem.x, problem.y])
                try? transformer.inverse(&location)
                let reason = "\(problem.reason) at (\(formatCoordinate(location.xy[0])), \(formatCoordinate(location.xy[1])))"
                guard options.makeValid else {
                    throw fail("invalid geometry: \(reason) (--make-valid repairs it)")
                }
                let repaired = try geometry.makeValid()
                wkb = try repaired.wkb()
                guard let repairedShape = try? Shape(wkb: wkb), layer.geometryTypes.contains(repairedShape.type) else {
                    throw fail("invalid geometry: \(reason); repairing it gives a \(repaired.typeName), which layer \(layer.rawValue) does not take")
                }
                repair = reason
                shape = repairedShape
            }
        }
        return (shape, wkb, repair)
    }
}

/// Runs a `FeaturePreparer` on its own thread, handing over batches of rows
/// through a small bounded buffer; the first error ends it.
final class RowPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[PreparedRow]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private var threadDone = false
    private let capacity = 8
    private let batchSize = 256

    init(_ preparer: FeaturePreparer) {
        let thread = Thread { [self] in
            produce(preparer)
            condition.lock()
            threadDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { cancel() }

    private func produce(_ preparer: FeaturePreparer) {
        var batch: [PreparedRow] = []
        batch.reserveCapacity(batchSize)
        do {
            while let row = try preparer.next() {
                batch.append(row)
                if batch.count == batchSize {
                    guard put(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = put(batch)
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        } catch {
            condition.lock()
            failure = error
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Adds a batch, waiting while the buffer is full; false once cancelled.
    private func put(_ batch: [PreparedRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        if !batch.isEmpty { batches.append(batch) }
        condition.broadcast()
        return true
    }

    /// The next batch; nil at the end; rethrows the preparer's error.
    func next() throws -> [PreparedRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && failure == nil { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer and waits for its thread to end.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !threadDone { condition.wait() }
        condition.unlock()
    }
}

/// Writes prepared rows into a layer table inside the import's transaction.
final class LayerWriter {
    let db: Database
    let layer: Layer
    let mode: ImportMode
    let options: ImportOptions
    private let history: FastStatement
    private let index: BulkSpatialWrite
    private let insert: FastStatement
    private let find: FastStatement
    private let update: FastStatement
    private let seen: FastStatement?
    private let n: Int32

    init(db: Database, layer: Layer, registrySRID: Int, options: ImportOptions) throws {
        self.db = db
        self.layer = layer
        self.mode = options.mode
        self.options = options
        history = FastStatement(try db.makeStatement(sql: """
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, after_properties, after_geom)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """))
        let table = layer.table
        let specs = layer.properties
        n = Int32(specs.count)
        let columns = specs.map(\.column).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: specs.count).joined(separator: ", ")
        index = try BulkSpatialWrite(db, table: table)
        insert = FastStatement(try db.makeStatement(sql: """
            INSERT INTO \(table) (\(columns), extra, geom) VALUES (\(placeholders), ?, ?)
            """))
        find = FastStatement(try db.makeStatement(sql: "SELECT fid FROM \(table) WHERE code = ?"))
        let assignments = specs.map { "\($0.column) = ?" }.joined(separator: ", ")
        let same = specs.enumerated().map { "\($1.column) IS ?\($0 + 1)" }.joined(separator: " AND ")
        // ?1…?n the properties, ?n+1 extra, ?n+2 the geometry, ?n+3 the fid: the
        // row changes only when something differs.
        update = FastStatement(try db.makeStatement(sql: """
            UPDATE \(table) SET \(assignments), extra = ?\(n + 1), geom = ?\(n + 2)
            WHERE fid = ?\(n + 3) AND NOT (\(same) AND extra IS ?\(n + 1) AND geom IS ?\(n + 2))
            """))
        if mode == .replace {
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_seen (code TEXT PRIMARY KEY)")
            try db.execute(sql: "DELETE FROM import_seen")
            seen = FastStatement(try db.makeStatement(sql: "INSERT INTO import_seen (code) VALUES (?)"))
        } else {
            seen = nil
        }
    }

    func write(_ row: PreparedRow, file: String, counts: inout ImportCounts) throws {
        counts.read += 1
        var existing: Int64?
        if mode != .insert {
            find.bind(row.code, at: 1)
            existing = try find.run(db)
        }
        if let fid = existing {
            update.bind(row.values)
            update.bind(row.extra, at: n + 1)
            update.bind(row.blob, at: n + 2)
            update.bind(fid, at: n + 3)
            try update.run(db)
            if db.changesCount > 0 {
                counts.updated += 1
                index.updated(fid: fid, bounds: row.bounds)
                try recordHistory(row, action: "update")
            } else {
                counts.unchanged += 1
            }
        } else {
            insert.bind(row.values)
            insert.bind(row.extra, at: n + 1)
            insert.bind(row.blob, at: n + 2)
            do {
                try insert.run(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw InputError(file: file, feature: row.number, code: row.code, property: "code",
                                 message: "code already in layer \(layer.rawValue) (use --mode upsert to update it)")
            }
            index.inserted(fid: db.lastInsertedRowID, bounds: row.bounds)
            counts.inserted += 1
            try recordHistory(row, action: "insert")
        }
        if let seen {
            seen.bind(row.code, at: 1)
            try seen.run(db)
        }
    }

    private func recordHistory(_ row: PreparedRow, action: String) throws {
        history.bind(layer.rawValue, at: 1)
        history.bind(row.code, at: 2)
        history.bind(action, at: 3)
        history.bind(row.effectiveDate, at: 4)
        history.bind(options.by, at: 5)
        history.bind(options.command, at: 6)
        history.bind(row.propertiesJSON, at: 7)
        history.bind(row.wkb, at: 8)
        try history.run(db)
    }

    /// Deletes what `replace` no longer has, restores the triggers; returns
    /// the number of rows deleted.
    func finish() throws -> Int {
        var deleted = 0
        if mode == .replace {
            try db.execute(sql: """
                INSERT INTO history (layer, code, action, effective_date, recorded_by, command)
                SELECT ?, code, 'delete', ?, ?, ? FROM \(layer.table)
                WHERE code NOT IN (SELECT code FROM import_seen) ORDER BY code
                """, arguments: [layer.rawValue, options.effectiveDate ?? todayUTC(), options.by, options.command])
            deleted = try index.delete(where: "code NOT IN (SELECT code FROM import_seen)")
            try db.execute(sql: "DELETE FROM import_seen")
        }
        try index.finish()
        return deleted
    }
}

/// A coordinate for messages: up to 7 decimals, no trailing zeros.
func formatCoordinate(_ value: Double) -> String {
    var text = String(format: "%.7f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// Today's date in UTC, YYYY-MM-DD.
func todayUTC() -> String {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}

/// Checks a user's date: YYYY-MM-DD, a real day, not in the future.
func checkDate(_ date: String, what: String) throws {
    guard isValidDate(date) else {
        throw InputError(file: what, message: "'\(date)' is not a date YYYY-MM-DD")
    }
    guard date <= todayUTC() else {
        throw InputError(file: what, message: "\(date) is in the future")
    }
}
