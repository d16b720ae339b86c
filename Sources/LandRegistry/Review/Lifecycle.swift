import Foundation
import GRDB

extension Stage {
    /// The stages a plot may move to from this one (contract §3; the 污染地块
    /// 办法's order: investigation, assessment, the risk list, remediation,
    /// removal). A clean or delisted plot can be re-opened as suspected,
    /// with a reason.
    public var next: [Stage] {
        switch self {
        case .suspected: return [.investigating]
        case .investigating: return [.clean, .contaminated]
        case .contaminated: return [.listed, .clean]
        case .listed: return [.remediating]
        case .remediating: return [.delisted]
        case .delisted, .clean: return [.suspected]
        }
    }
}

/// One recorded change of a feature.
public struct HistoryEntry: Sendable {
    public let id: Int64
    public let action: String
    public let recordedAt: String
    public let effectiveDate: String
    public let recordedBy: String
    public let command: String
    public let doc: String?
    public let note: String?
    /// The properties after the change (nil for a deletion).
    public let after: [(String, JSONValue)]?
    /// The properties before it (nil for the first record).
    public let before: [(String, JSONValue)]?
    public let geometryChanged: Bool
}

extension Registry {
    /// Moves a risk-plot to `stage`, allowing only the lifecycle's
    /// transitions; records the change with its date, document, author and
    /// note. Throws an `InputError` (and changes nothing) otherwise.
    public func changeStage(code: String, to stage: Stage, date: String, doc: String? = nil, by: String,
                            note: String? = nil) throws {
        try checkDate(date, what: "--date")
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT stage, stage_date FROM risk_plots WHERE code = ?", arguments: [code]) else {
                throw InputError(file: path, code: code, message: "no risk-plot with code '\(code)'")
            }
            let current = Stage(rawValue: row[0] as String) ?? .suspected
            guard current.next.contains(stage) else {
                let allowed = current.next.map(\.rawValue).joined(separator: " or ")
                throw InputError(file: path, code: code, property: "stage",
                                 message: "cannot move from \(current.rawValue) to \(stage.rawValue); from \(current.rawValue) the next stage is \(allowed)")
            }
            if stage == .suspected && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw InputError(file: path, code: code, property: "stage",
                                 message: "re-opening a \(current.rawValue) plot as suspected needs a reason (--note)")
            }
            if let previous = row[1] as String?, date < previous {
                throw InputError(file: path, code: code, property: "stage_date",
                                 message: "\(date) is before the plot's current stage date \(previous)")
            }
            try db.execute(sql: "UPDATE risk_plots SET stage = ?, stage_date = ? WHERE code = ?",
                           arguments: [stage.rawValue, date, code])
            try recordChange(db, layer: .riskPlots, code: code, action: "stage", effective: date, by: by,
                             command: "stage \(stage.rawValue)", doc: doc, note: note)
        }
    }

    /// Adjusts the soil-quality class of a farmland parcel (soil plan task 5).
    public func reclassify(code: String, to farmlandClass: FarmlandClass, date: String, basis: String?, by: String) throws {
        try checkDate(date, what: "--date")
        try write { db in
            switch try reclass(db, code: code, to: farmlandClass, date: date, basis: basis, by: by) {
            case nil: throw InputError(file: path, code: code, message: "no farmland parcel with code '\(code)'")
            case false?: throw InputError(file: path, code: code, property: "class", message: "the parcel is already \(farmlandClass.rawValue)")
            case true?: break
            }
        }
    }

    /// Adjusts one parcel and records it; false when it already has the
    /// class, nil when no parcel has the code — the caller says where.
    private func reclass(_ db: Database, code: String, to farmlandClass: FarmlandClass, date: String, basis: String?,
                         by: String) throws -> Bool? {
        guard let current = try String.fetchOne(db, sql: "SELECT class FROM farmland WHERE code = ?", arguments: [code]) else {
            return nil
        }
        guard current != farmlandClass.rawValue else { return false }
        try db.execute(sql: "UPDATE farmland SET class = ? WHERE code = ?", arguments: [farmlandClass.rawValue, code])
        try recordChange(db, layer: .farmland, code: code, action: "reclass", effective: date, by: by,
                         command: "reclass \(current) → \(farmlandClass.rawValue)", doc: basis, note: nil)
        return true
    }

    /// Adjusts many parcels at once, all or nothing: `changes` are (code,
    /// class) pairs, e.g. from a file; returns how many changed.
    @discardableResult
    public func reclassify(_ changes: [(code: String, farmlandClass: FarmlandClass)], date: String, basis: String?, by: String,
                           file: String) throws -> Int {
        try checkDate(date, what: "--date")
        return try write { db in
            var changed = 0
            for (k, change) in changes.enumerated() {
                guard let done = try reclass(db, code: change.code, to: change.farmlandClass, date: date, basis: basis, by: by) else {
                    throw InputError(file: file, feature: k + 1, code: change.code, message: "no farmland parcel with this code")
                }
                if done { changed += 1 }
            }
            return changed
        }
    }

    /// Reads (code, class) pairs from a CSV (`code,class` columns) or a
    /// GeoJSON file (the features' `code` and `class` properties).
    public static func reclassifications(from path: String) throws -> [(code: String, farmlandClass: FarmlandClass)] {
        var pairs: [(String, String, Int)] = []
        if path.lowercased().hasSuffix(".csv") {
            guard let data = FileManager.default.contents(atPath: path), let text = decodeChineseText([UInt8](data)) else {
                throw InputError(file: path, message: "cannot read the file as UTF-8 or GBK text")
            }
            let records = try CSVPointReader.records(text, file: path)
            guard let header = records.first?.cells.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
                  let codeColumn = header.firstIndex(where: { ["code", "dkbm", "编码", "地块编号"].contains($0) }),
                  let classColumn = header.firstIndex(where: { ["class", "类别", "lb"].contains($0) }) else {
                throw InputError(file: path, line: 1, message: "the header needs a code column and a class column")
            }
            for record in records.dropFirst() where record.cells.count > max(codeColumn, classColumn) {
                pairs.append((record.cells[codeColumn].trimmingCharacters(in: .whitespaces),
                              record.cells[classColumn].trimmingCharacters(in: .whitespaces), record.line))
            }
        } else {
            let reader = try GeoJSONReader(path: path)
            while let feature = try reader.next() {
                pairs.append((feature.code ?? "", feature.property("class")?.stringValue ?? "", feature.number))
            }
        }
        return try pairs.map { code, value, at in
            guard !code.isEmpty else { throw InputError(file: path, property: "code", line: at, message: "missing") }
            guard let parsed = FarmlandClass(rawValue: value) else {
                throw InputError(file: path, code: code, property: "class", line: at,
                                 message: "'\(value)' is not one of \(FarmlandClass.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return (code, parsed)
        }
    }

    /// Appends the feature's current state to the history.
    func recordChange(_ db: Database, layer: Layer, code: String, action: String, effective: String, by: String,
                      command: String, doc: String?, note: String?) throws {
        try db.execute(sql: """
            INSERT INTO history (layer, code, action, effective_date, recorded_by, command, doc, note, after_properties, after_geom)
            SELECT ?, code, ?, ?, ?, ?, ?, ?, \(Layer.propertiesJSONSQL(layer.properties)), AsBinary(geom)
            FROM \(layer.table) WHERE code = ?
            """, arguments: [layer.rawValue, action, effective, by, command, doc, note, code])
    }

    /// Every recorded change of one feature, oldest first.
    public func history(_ layer: Layer, code: String) throws -> [HistoryEntry] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, action, recorded_at, effective_date, recorded_by, command, doc, note, after_properties, after_geom
                FROM history WHERE layer = ? AND code = ? ORDER BY effective_date, id
                """, arguments: [layer.rawValue, code])
            var entries: [HistoryEntry] = []
            var previous: [(String, JSONValue)]?
            var previousGeometry: Data?
            for row in rows {
                var after: [(String, JSONValue)]?
                if let text = row[8] as String?, case .object(let members) = try JSONValue.parse(text) { after = members }
                let geometry = row[9] as Data?
                entries.append(HistoryEntry(id: row[0], action: row[1], recordedAt: row[2], effectiveDate: row[3],
                                            recordedBy: row[4], command: row[5], doc: row[6], note: row[7],
                                            after: after, before: previous, geometryChanged: geometry != previousGeometry))
                previous = after
                previousGeometry = geometry
            }
            return entries
        }
    }

    /// Records that a checked proposal was approved; refers to its latest check.
    @discardableResult
    public func recordPermit(proposalID: String, kind: ProposalAction, date: String, by: String) throws -> Int64 {
        try checkDate(date, what: "--date")
        guard [.supply, .useChange, .planningPermit].contains(kind) else {
            throw InputError(file: "--kind", message: "a permit is for supply, use_change or planning_permit")
        }
        return try write { db in
            guard let check = try Int64.fetchOne(db, sql: "SELECT max(id) FROM checks WHERE proposal_id = ?", arguments: [proposalID]) else {
                throw InputError(file: path, code: proposalID,
                                 message: "proposal '\(proposalID)' was never checked; run landreg check on it first")
            }
            try db.execute(sql: "INSERT INTO permits (proposal_id, kind, permit_date, check_id, recorded_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [proposalID, kind.rawValue, date, check, by])
            return db.lastInsertedRowID
        }
    }
}
