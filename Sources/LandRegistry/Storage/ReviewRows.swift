import Foundation
import GRDB

/// A recorded check of a proposal, as the review reads it.
struct CheckedProposal {
    let id: Int64
    /// The day it was checked (YYYY-MM-DD, UTC).
    let day: String
    let proposalID: String
    let use: String
    /// The action as recorded (a contract name).
    let action: String
    let verdict: Verdict
    let findings: [RecordedFinding]
    /// The proposal's geometry in the registry's CRS.
    let wkb: [UInt8]
}

/// A recorded permit with the check it rests on.
struct RecordedPermit {
    let id: Int64
    let date: String
    /// The kind of permit (a `ProposalAction` name).
    let kind: String
    /// Why it was given (required when the check was `block`).
    let note: String?
    let check: CheckedProposal
}

/// One finding of a recorded check: the rule and the feature it names.
struct RecordedFinding {
    let rule: String
    let code: String

    /// The findings of a check as recorded (a JSON array of objects).
    static func parse(_ json: String?) -> [RecordedFinding] {
        guard let json, case .array(let items)? = try? JSONValue.parse(json) else { return [] }
        return items.compactMap { item in
            item["rule"]?.stringValue.map { RecordedFinding(rule: $0, code: item["code"]?.stringValue ?? "") }
        }
    }
}

extension Verdict {
    /// A recorded verdict; one landreg did not write is taken as the most
    /// severe, never hidden.
    init(recorded: String) { self = Verdict(rawValue: recorded) ?? .block }
}

/// One history row of a feature, as the review reads it: the feature's
/// state after the change, and when and how it changed.
struct HistoryRow {
    let state: FeatureState
    let effectiveDate: String
    let command: String
    let doc: String?
}

/// The questions the quarterly review asks of the check records, the
/// permits and the history.
extension Snapshot {
    /// Which recorded checks the review asks for.
    enum CheckFilter {
        /// Of housing or public-use (07, 08) proposals.
        case sensitiveUse
        /// Whose findings name the rule.
        case findingRule(String)
    }

    /// The checks made between two days that pass `filter`.
    func checks(_ filter: CheckFilter, from start: String, to end: String) throws -> [CheckedProposal] {
        let condition: String
        var arguments: StatementArguments = [start, end]
        switch filter {
        case .sensitiveUse: condition = "(c.use LIKE '07%' OR c.use LIKE '08%')"
        case .findingRule(let rule):
            condition = "instr(c.findings, ?) > 0"
            arguments += ["\"\(rule)\""]
        }
        return try Row.fetchAll(db, sql: """
            SELECT c.id, \(Store.checkDay) AS day, c.proposal_id, c.use, c.action, c.verdict, c.findings, AsBinary(c.geom)
            FROM checks c JOIN check_runs r ON r.id = c.run_id
            WHERE day BETWEEN ? AND ? AND \(condition) ORDER BY day, c.id
            """, arguments: arguments).map { checkedProposal($0, from: 0) }
    }

    /// Permits for housing or public-use proposals dated between two days.
    func sensitivePermits(from start: String, to end: String) throws -> [RecordedPermit] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, p.permit_date, p.kind, p.note,
                   c.id, \(Store.checkDay), c.proposal_id, c.use, c.action, c.verdict, c.findings, AsBinary(c.geom)
            FROM permits p JOIN checks c ON c.id = p.check_id JOIN check_runs r ON r.id = c.run_id
            WHERE p.permit_date BETWEEN ? AND ? AND (c.use LIKE '07%' OR c.use LIKE '08%') ORDER BY p.permit_date, p.id
            """, arguments: [start, end]).map {
            RecordedPermit(id: $0[0], date: $0[1], kind: $0[2], note: $0[3], check: checkedProposal($0, from: 4))
        }
    }

    /// A recorded check from the columns id, day, proposal_id, use, action, verdict, findings, geometry at `at`….
    private func checkedProposal(_ row: Row, from at: Int) -> CheckedProposal {
        CheckedProposal(id: row[at], day: row[at + 1], proposalID: row[at + 2], use: row[at + 3] ?? "", action: row[at + 4],
                        verdict: Verdict(recorded: row[at + 5]), findings: RecordedFinding.parse(row[at + 6]),
                        wkb: [UInt8]((row[at + 7] as Data?) ?? Data()))
    }

    /// Every history row of a layer that has a state, by code then date.
    func stateHistory(_ layer: Layer) throws -> [HistoryRow] {
        try Row.fetchAll(db, sql: """
            SELECT code, effective_date, command, doc, after_properties, \(Snapshot.historyWKB) FROM history
            WHERE layer = ? AND after_properties IS NOT NULL ORDER BY code, effective_date, id
            """, arguments: [layer.rawValue]).map(historyRow)
    }

    /// The history rows of one action on a layer effective between two days.
    /// Not the inserts (`history_change`, the index it reads, leaves them out).
    func history(_ layer: Layer, action: ChangeKind, from start: String, to end: String) throws -> [HistoryRow] {
        precondition(action != .insert, "history_change has no inserts")
        return try Row.fetchAll(db, sql: Snapshot.historyOfKindSQL, arguments: [layer.rawValue, action.rawValue, start, end]).map(historyRow)
    }

    /// (A test asks SQLite's plan that it reads `history_change`: only a query that says `action <> 'insert'` can.)
    static let historyOfKindSQL = """
        SELECT code, effective_date, command, doc, after_properties, \(Snapshot.historyWKB) FROM history
        WHERE layer = ? AND action = ? AND action <> 'insert' AND effective_date BETWEEN ? AND ? ORDER BY effective_date, id
        """

    private func historyRow(_ row: Row) -> HistoryRow {
        var properties: [(String, JSONValue)] = []
        if let json = row[4] as String?, case .object(let members)? = try? JSONValue.parse(json) { properties = members }
        let state = FeatureState(code: row[0], properties: properties, wkb: [UInt8]((row[5] as Data?) ?? Data()))
        return HistoryRow(state: state, effectiveDate: row[1], command: row[2], doc: row[3])
    }

    /// A numeric setting, or its default.
    func setting(_ setting: Setting) throws -> Double { try Store.setting(setting, db) }
}
