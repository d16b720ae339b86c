/// `history`: every recorded change of one feature as a table — when it
/// took effect, when it was recorded, what kind of change, by whom, by which
/// command, and what changed (each property from its old value to its new).
public enum HistoryReport {
    public static let columns: [Phrase] = ["effective", "recorded", "action", "by", "command", "change"]

    /// The table's rows in `language`; `layer` names the feature's properties.
    public static func rows(_ entries: [HistoryEntry], layer: Layer, _ language: ReportLanguage) -> [[String]] {
        entries.map { entry in
            var detail = changes(entry, layer: layer, language).joined(separator: language.listSeparator())
            if let doc = entry.doc { detail += " [\(doc)]" }
            if let note = entry.note { detail += " (\(note))" }
            return [entry.isSinceTheBeginning ? Phrase("(beginning)").text(language) : entry.effectiveDate, localTime(entry.recordedAt),
                    entry.action.text(language), entry.recordedBy, entry.command, detail]
        }
    }

    /// What one change changed: each property whose value differs from the
    /// state before ("阶段：疑似 → 调查中"), the geometry, or the whole feature
    /// (inserted, deleted), in `language`.
    public static func changes(_ entry: HistoryEntry, layer: Layer, _ language: ReportLanguage) -> [String] {
        switch entry.action {
        case .insert: return [Phrase("inserted").text(language)]
        case .delete: return [Phrase("deleted").text(language)]
        default: break
        }
        func value(_ text: String?, _ property: String) -> String { text.map { Layer.valueText($0, property: property, language) } ?? "—" }
        var changes: [String] = []
        let before = Dictionary(entry.before ?? [], uniquingKeysWith: { a, _ in a })
        let after = Dictionary(entry.after ?? [], uniquingKeysWith: { a, _ in a })
        for key in (entry.after ?? entry.before ?? []).map(\.0) + before.keys.filter({ after[$0] == nil }).sorted() {
            let old = before[key].map(shown), new = after[key].map(shown)
            guard old != new else { continue }
            changes.append(Terms.column(key, language, table: layer.rawValue) + language.colon + "\(value(old, key)) → \(value(new, key))")
        }
        if entry.geometryChanged && entry.before != nil && entry.after != nil { changes.append(Phrase("geometry changed").text(language)) }
        return changes
    }

    private static func shown(_ value: JSONValue) -> String { value.stringValue ?? value.jsonText }
}
