import ArgumentParser
import Foundation
import LandRegistry

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: manualText("Every recorded change of one feature, with recorded time, effective date, and what changed."))

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var language: LanguageOption
    @Argument(help: manual("The layer.")) var layer: Layer
    @Argument(help: manual("The feature's code.")) var code: String

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        let entries = try registry.history(layer, code: code)
        guard !entries.isEmpty else {
            throw InputError(file: registry.path, code: code, message: "no history of '\(code)' in layer \(term: layer.rawValue)")
        }
        var rows: [[String]] = []
        for entry in entries {
            var changes: [Phrase] = []
            let before = Dictionary(entry.before ?? [], uniquingKeysWith: { a, _ in a })
            let after = Dictionary(entry.after ?? [], uniquingKeysWith: { a, _ in a })
            for key in (entry.after ?? entry.before ?? []).map(\.0) + before.keys.filter({ after[$0] == nil }).sorted() {
                let old = before[key].map(display), new = after[key].map(display)
                if old != new {
                    let language = Speech.language
                    func shown(_ value: String?) -> String { value.map { TableWords.value($0, property: key, language) } ?? "—" }
                    changes.append(Phrase(verbatim: TableWords.column(key, language, table: layer.rawValue) + language.colon + "\(shown(old)) → \(shown(new))"))
                }
            }
            if entry.geometryChanged && entry.before != nil && entry.after != nil { changes.append(Phrase("geometry changed")) }
            if entry.action == "insert" { changes = [Phrase("inserted")] }
            if entry.action == "delete" { changes = [Phrase("deleted")] }
            var detail = changes.map { $0.text(Speech.language) }.joined(separator: Speech.language == .zh ? "；" : "; ")
            if let doc = entry.doc { detail += " [\(doc)]" }
            if let note = entry.note { detail += " (\(note))" }
            rows.append([entry.isSinceTheBeginning ? Phrase("(beginning)").text(Speech.language) : entry.effectiveDate, localTime(entry.recordedAt),
                         Phrase("\(term: entry.action)").text(Speech.language), entry.recordedBy, entry.command, detail])
        }
        print(formatTable(header: words(["effective", "recorded", "action", "by", "command", "change"]), rows: rows))
    }
}
