import Foundation
import GRDB

/// Monitoring values and targets, discharge limits and remedies (contract
/// §10): the tables of migration v6. Edits run in one transaction each and
/// take the operation's rule as a closure, as the lifecycle's do.
extension Store {
    /// Stores monitoring records, all or nothing, as `produce` hands them
    /// over (a file is streamed, never held whole). `produce` sees the codes
    /// of the sites a record may name (sections, outfalls, admin areas, by
    /// layer), checks each record and passes it to `store`; it throws to
    /// refuse. A (site, kind, date, parameter) twice in the import is bad
    /// input naming both lines; in insert mode one already stored is too; in
    /// upsert mode a changed value replaces the stored one, which is kept
    /// in `monitoring_replaced`.
    func storeMonitoring(file: String, upsert: Bool, by: String,
                         produce: (_ sites: MonitoringSites, _ store: (MonitoringRecord) throws -> Void) throws -> Void) throws -> MonitorImportSummary {
        try write { db in
            var sites = MonitoringSites()
            for layer in [Layer.admin, .outfalls, .sections] {
                for row in try Row.fetchAll(db, sql: "SELECT code, name FROM \(layer.table)") {
                    let code: String = row[0]
                    sites.layers[code] = layer
                    if let name = row[1] as String?, !name.isEmpty {
                        sites.names[name] = sites.names[name] == nil ? code : ""  // "" when two sites share the name
                    }
                }
            }
            try db.execute(sql: "INSERT INTO monitor_imports (file, mode, recorded_by) VALUES (?, ?, ?)",
                           arguments: [file, upsert ? "upsert" : "insert", by])
            let importID = db.lastInsertedRowID
            let statements = try MonitoringStatements(db)
            var summary = MonitorImportSummary()
            // The line of each key stored by this import, by hash (to name the first of two lines),
            // and the keys found unchanged (their rows keep the import that stored them).
            var lines: [Int: Int] = [:]
            var unchanged = Set<String>()
            try produce(sites) { record in
                summary.read += 1
                var hasher = Hasher()
                hasher.combine(record.site); hasher.combine(record.kind.rawValue); hasher.combine(record.date); hasher.combine(record.parameter.rawValue)
                let key = hasher.finalize()
                if try statements.insert(record, importID: importID, db) {
                    summary.inserted += 1
                    lines[key] = record.line
                    return
                }
                guard let (id, stored, storedBy) = try statements.existing(record, db) else { return }
                func fail(_ message: Phrase, remedy: Remedy? = nil) -> InputError {
                    InputError(file: file, code: record.site, property: record.parameter.rawValue, line: record.line, message: message, remedy: remedy)
                }
                let fullKey = "\(record.site)\u{1}\(record.kind.rawValue)\u{1}\(record.date)\u{1}\(record.parameter.rawValue)"
                if storedBy == importID || unchanged.contains(fullKey) {
                    throw fail("a second \(record.kind.rawValue) for \(record.date)" + (lines[key].map { " (the first is on line \($0))" } ?? ""))
                }
                guard upsert else {
                    throw fail("the registry already has a \(record.kind.rawValue) for \(record.date) (\(formatNumber(stored)))", remedy: .upsert)
                }
                lines[key] = record.line
                if stored == record.value {
                    summary.unchanged += 1
                    unchanged.insert(fullKey)
                    return
                }
                try statements.replace(id, with: record, importID: importID, db)
                summary.replaced += 1
            }
            try db.execute(sql: "UPDATE monitor_imports SET rows = ?, replaced = ? WHERE id = ?",
                           arguments: [summary.inserted, summary.replaced, importID])
            return summary
        }
    }

    /// Appends a discharge limit (nil removes it); `allow` sees the
    /// outfall's type when the subject is an outfall's code (nil otherwise)
    /// and throws to refuse.
    func appendLimit(subject: String, parameter: MonitoringParameter, limit: DischargeLimit?, by: String, note: String?,
                     allow: (_ outfallType: String?) throws -> Void) throws {
        try write { db in
            try allow(try String.fetchOne(db, sql: "SELECT type FROM outfalls WHERE code = ?", arguments: [subject]))
            try db.execute(sql: """
                INSERT INTO discharge_limits (subject, parameter, minimum, maximum, recorded_by, note) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [subject, parameter.rawValue, limit?.minimum, limit?.maximum, by, note])
        }
    }

    /// Appends a remedy event; `allow` sees whether the outfall exists and
    /// its remedy events so far, oldest first, and throws to refuse.
    func appendRemedy(_ event: RemedyEvent, allow: (_ exists: Bool, _ earlier: [RemedyEvent]) throws -> Void) throws {
        try write { db in
            let exists = try Int.fetchOne(db, sql: "SELECT count(*) FROM outfalls WHERE code = ?", arguments: [event.outfall]) ?? 0
            try allow(exists > 0, try Snapshot(db, srid: srid).remedyEvents(outfall: event.outfall))
            try db.execute(sql: """
                INSERT INTO remedies (outfall, event, measure, responsible, deadline, event_date, note, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [event.outfall, event.event.rawValue, event.measure?.rawValue, event.responsible,
                                 event.deadline, event.date, event.note, event.recordedBy])
        }
    }
}

extension Snapshot {
    /// The mean of each (site, month, parameter) over `months` (YYYY-MM), of
    /// values or of targets.
    func monthlyMeans(months: [String], kind: MonitoringKind) throws -> [MonthlyMean] {
        guard !months.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: months.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT site, month, parameter, avg(value), count(*) FROM monitoring
            WHERE kind = ? AND month IN (\(marks)) GROUP BY site, month, parameter
            """, arguments: StatementArguments([kind.rawValue] + months))
        return rows.compactMap { row in
            MonitoringParameter(rawValue: row[2]).map {
                MonthlyMean(site: row[0], month: row[1], parameter: $0, mean: row[3], count: row[4])
            }
        }
    }

    /// Every measured value of some months, by site and date.
    func samples(months: [String]) throws -> [Sample] {
        guard !months.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: months.count).joined(separator: ", ")
        return try Row.fetchAll(db, sql: """
            SELECT site, date, parameter, value FROM monitoring
            WHERE kind = 'value' AND month IN (\(marks)) ORDER BY site, parameter, date
            """, arguments: StatementArguments(months)).compactMap { row in
            MonitoringParameter(rawValue: row[2]).map { Sample(site: row[0], date: row[1], parameter: $0, value: row[3]) }
        }
    }

    /// The limits in force: the latest row of each (subject, parameter).
    func dischargeLimits() throws -> [RecordedLimit] {
        try Row.fetchAll(db, sql: """
            SELECT subject, parameter, minimum, maximum, recorded_at, recorded_by FROM discharge_limits d
            WHERE id = (SELECT max(id) FROM discharge_limits e WHERE e.subject = d.subject AND e.parameter = d.parameter)
            ORDER BY subject, parameter
            """).compactMap(recordedLimit)
    }

    /// Every limit ever recorded, oldest first.
    func limitHistory() throws -> [RecordedLimit] {
        try Row.fetchAll(db, sql: """
            SELECT subject, parameter, minimum, maximum, recorded_at, recorded_by FROM discharge_limits ORDER BY id
            """).compactMap(recordedLimit)
    }

    private func recordedLimit(_ row: Row) -> RecordedLimit? {
        guard let parameter = MonitoringParameter(rawValue: row[1]) else { return nil }
        let (low, high): (Double?, Double?) = (row[2], row[3])
        let limit = low == nil && high == nil ? nil : DischargeLimit(minimum: low, maximum: high, source: row[0])
        return RecordedLimit(subject: row[0], parameter: parameter, limit: limit, recordedAt: row[4], recordedBy: row[5])
    }

    /// Remedy events, oldest first (of one outfall, or all).
    func remedyEvents(outfall: String? = nil) throws -> [RemedyEvent] {
        let filter = outfall == nil ? "" : "WHERE outfall = ?"
        return try Row.fetchAll(db, sql: """
            SELECT outfall, event, measure, responsible, deadline, event_date, note, recorded_at, recorded_by
            FROM remedies \(filter) ORDER BY id
            """, arguments: outfall.map { [$0] } ?? []).map { row in
            RemedyEvent(outfall: row[0], event: RemedyEvent.Event(rawValue: row[1]) ?? .set,
                        measure: (row[2] as String?).flatMap(RemedyMeasure.init(rawValue:)), responsible: row[3],
                        deadline: row[4], date: row[5], note: row[6], recordedAt: row[7], recordedBy: row[8])
        }
    }

    /// Every feature of a layer as it is now, in the registry's CRS.
    func currentStates(_ layer: Layer) throws -> [FeatureState] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT code, \(Layer.propertiesJSONSQL(layer.properties)), AsBinary(geom) FROM \(layer.table) ORDER BY code
            """)
        return try rows.map { row in
            var properties: [(String, JSONValue)] = []
            if let text = row[1] as String?, case .object(let members) = try JSONValue.parse(text) { properties = members }
            return FeatureState(code: row[0], properties: properties, wkb: [UInt8]((row[2] as Data?) ?? Data()))
        }
    }

    /// The months (YYYY-MM) that have values, first and last.
    func monitoredMonths() throws -> (first: String, last: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT min(month), max(month) FROM monitoring WHERE kind = 'value'"),
              let first = row[0] as String?, let last = row[1] as String? else { return nil }
        return (first, last)
    }
}

/// The sites a monitoring record may name: codes by layer, and the names
/// of sections, outfalls and admin areas that belong to one site only.
struct MonitoringSites {
    var layers: [String: Layer] = [:]
    /// name → code ("" when the name is not unique).
    var names: [String: String] = [:]
}

/// The prepared statements of a monitoring import.
private struct MonitoringStatements {
    let insert, existing, keep, replace: FastStatement

    init(_ db: Database) throws {
        insert = FastStatement(try db.makeStatement(sql: """
            INSERT INTO monitoring (site, kind, date, month, parameter, value, unit, note, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """))
        existing = FastStatement(try db.makeStatement(sql: """
            SELECT id, value, import_id FROM monitoring WHERE site = ? AND kind = ? AND date = ? AND parameter = ?
            """))
        keep = FastStatement(try db.makeStatement(sql: """
            INSERT INTO monitoring_replaced (site, kind, date, parameter, value, unit, note, import_id, replaced_by)
            SELECT site, kind, date, parameter, value, unit, note, import_id, ? FROM monitoring WHERE id = ?
            """))
        replace = FastStatement(try db.makeStatement(sql: "UPDATE monitoring SET value = ?, unit = ?, note = ?, import_id = ? WHERE id = ?"))
    }

    /// Inserts a record; false when its key is already stored.
    func insert(_ r: MonitoringRecord, importID: Int64, _ db: Database) throws -> Bool {
        insert.bind(r.site, at: 1); insert.bind(r.kind.rawValue, at: 2); insert.bind(r.date, at: 3); insert.bind(r.month, at: 4)
        insert.bind(r.parameter.rawValue, at: 5); insert.bind(r.value, at: 6)
        insert.bind(r.unit.databaseValue, at: 7); insert.bind(r.note.databaseValue, at: 8); insert.bind(importID, at: 9)
        try insert.run(db)
        return db.changesCount == 1
    }

    /// The stored row of a record's key: id, value, the import that stored it.
    func existing(_ r: MonitoringRecord, _ db: Database) throws -> (Int64, Double, Int64)? {
        existing.bind(r.site, at: 1); existing.bind(r.kind.rawValue, at: 2); existing.bind(r.date, at: 3)
        existing.bind(r.parameter.rawValue, at: 4)
        defer { existing.reset() }
        guard try existing.step(db) else { return nil }
        return (existing.int64(0), existing.double(1), existing.int64(2))
    }

    /// Replaces a stored value, keeping the old one.
    func replace(_ id: Int64, with r: MonitoringRecord, importID: Int64, _ db: Database) throws {
        keep.bind(importID, at: 1); keep.bind(id, at: 2)
        try keep.run(db)
        replace.bind(r.value, at: 1); replace.bind(r.unit.databaseValue, at: 2); replace.bind(r.note.databaseValue, at: 3)
        replace.bind(importID, at: 4); replace.bind(id, at: 5)
        try replace.run(db)
    }
}
