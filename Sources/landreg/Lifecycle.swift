import ArgumentParser
import Foundation
import LandRegistry

extension Stage: ExpressibleByArgument {}
extension FarmlandClass: ExpressibleByArgument {}
extension ProposalAction: ExpressibleByArgument {}

/// The login name, for records.
var loginName: String { ProcessInfo.processInfo.environment["USER"] ?? "unknown" }

struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage",
        abstract: "Move a risk-plot along its lifecycle (legal transitions only).",
        discussion: """
            suspected → investigating → clean | contaminated; contaminated → listed | clean;
            listed → remediating → delisted; a delisted or clean plot can be re-opened as suspected (--note the reason).
            """)

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The plot's code.") var code: String
    @Argument(help: "The new stage.") var stage: Stage
    @Option(help: "The date it took effect, YYYY-MM-DD.") var date: String
    @Option(help: "The report or decision number.") var doc: String?
    @Option(help: "Who records it (default: the login name).") var by: String?
    @Option(help: "A note (required when re-opening a plot).") var note: String?

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        try registry.changeStage(code: code, to: stage, date: date, doc: doc, by: by ?? loginName, note: note)
        print("\(code): \(stage.rawValue) from \(date)")
    }
}

struct Reclass: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Adjust the soil-quality class of a farmland parcel (recorded in its history).")

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The parcel's code.") var code: String?
    @Argument(help: "The new class: priority, safe_use or strict.") var farmlandClass: FarmlandClass?
    @Option(help: "Adjust many parcels at once: a CSV (code,class) or GeoJSON (code and class properties), all or nothing.")
    var file: String?
    @Option(help: "The date it took effect, YYYY-MM-DD.") var date: String
    @Option(help: "The basis of the adjustment (monitoring, decision …).") var basis: String?
    @Option(help: "Who records it (default: the login name).") var by: String?

    func validate() throws {
        guard (file == nil) != (code == nil || farmlandClass == nil) else {
            throw ValidationError("give CODE and CLASS, or --file")
        }
    }

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        if let file {
            let changes = try Registry.reclassifications(from: file)
            let changed = try registry.reclassify(changes, date: date, basis: basis, by: by ?? loginName, file: file)
            print("\(changed) of \(changes.count) parcels adjusted from \(date)")
            return
        }
        try registry.reclassify(code: code!, to: farmlandClass!, date: date, basis: basis, by: by ?? loginName)
        print("\(code!): \(farmlandClass!.rawValue) from \(date)")
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every recorded change of one feature, with recorded time, effective date, and what changed.")

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The layer.") var layer: Layer
    @Argument(help: "The feature's code.") var code: String

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        let entries = try registry.history(layer, code: code)
        guard !entries.isEmpty else {
            throw InputError(file: registry.path, code: code, message: "no history of '\(code)' in layer \(layer.rawValue)")
        }
        var rows: [[String]] = []
        for entry in entries {
            var changes: [String] = []
            let before = Dictionary(entry.before ?? [], uniquingKeysWith: { a, _ in a })
            let after = Dictionary(entry.after ?? [], uniquingKeysWith: { a, _ in a })
            for key in (entry.after ?? entry.before ?? []).map(\.0) + before.keys.filter({ after[$0] == nil }).sorted() {
                let old = before[key].map(display), new = after[key].map(display)
                if old != new { changes.append("\(key): \(old ?? "—") → \(new ?? "—")") }
            }
            if entry.geometryChanged && entry.before != nil && entry.after != nil { changes.append("geometry changed") }
            if entry.action == "insert" { changes = ["inserted"] }
            if entry.action == "delete" { changes = ["deleted"] }
            var detail = changes.joined(separator: "; ")
            if let doc = entry.doc { detail += " [\(doc)]" }
            if let note = entry.note { detail += " (\(note))" }
            rows.append([entry.effectiveDate, entry.recordedAt, entry.action, entry.recordedBy, entry.command, detail])
        }
        print(formatTable(header: ["effective", "recorded", "action", "by", "command", "change"], rows: rows))
    }
}

struct Permit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that a checked proposal was approved (supply, use change or planning permit).")

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The proposal's id, as checked.") var proposal: String
    @Option(help: "The date of the approval, YYYY-MM-DD.") var date: String
    @Option(help: "supply, use_change or planning_permit.") var kind: ProposalAction
    @Option(help: "Who records it (default: the login name).") var by: String?

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        let id = try registry.recordPermit(proposalID: proposal, kind: kind, date: date, by: by ?? loginName)
        print("permit \(id): \(proposal) \(kind.rawValue) on \(date)")
    }
}

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The quarterly land-safety review: CSV tables, flagged.geojson and review.html in a folder.",
        discussion: """
            Writes sensitive-approvals.csv, clear-to-zero.csv, risk-list-changes.csv, unresolved.csv, vacated.csv,
            outfalls.csv, farmland-changes.csv, towns.csv, flagged.geojson and review.html. Everything is computed
            from the history as the registry stood in the world on the dates that matter (a permit by its date).
            """)

    @OptionGroup var registry: RegistryOptions
    @Option(help: ArgumentHelp("The quarter.", valueName: "YYYYQn")) var quarter: String
    @Option(help: "The folder to write (created if missing).") var out: String = "review"
    @Option(help: "Language of the HTML: zh or en (default: from LANG).") var lang: ReportLanguage?

    func validate() throws {
        guard Quarter(quarter) != nil else { throw ValidationError("--quarter '\(quarter)' is not YYYYQn, e.g. 2023Q3") }
    }

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        let files = try registry.writeReview(Quarter(quarter)!, to: out, language: lang ?? .fromEnvironment)
        print("wrote \(out)/: \(files.joined(separator: ", "))")
    }
}

struct Vacated: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enterprises whose discharge permits were cancelled or revoked: their sites need supervision.",
        discussion: "Lists each with the risk-plots covering its site and their stage (soil plan task 6).")

    @OptionGroup var registry: RegistryOptions

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        let table = try registry.vacatedSites()
        print(formatTable(header: table.header, rows: table.rows))
        print("\(table.rows.count) site\(table.rows.count == 1 ? "" : "s")")
    }
}
