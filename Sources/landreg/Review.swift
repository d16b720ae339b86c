import ArgumentParser
import Foundation
import LandRegistry

struct Review: RegistryCommand {
    static let configuration = command("review", "The quarterly land-safety review: CSV tables, flagged.geojson and review.html in a folder.",
        discussion: ["Writes sensitive-approvals.csv, clear-to-zero.csv, risk-list-changes.csv, unresolved.csv, vacated.csv, outfalls.csv, farmland-changes.csv, towns.csv, flagged.geojson and review.html. Everything is computed from the history as the registry stood in the world on the dates that matter (a permit by its date)."])

    @OptionGroup var registry: RegistryOptions
    @Option(help: manual("The quarter.", valueName: "YYYYQn")) var quarter: String
    @Option(help: manual("The folder to write (created if missing).")) var out: String = "review"
    @Option(help: manual("Language of the HTML: zh or en (default: from LANG).")) var lang: ReportLanguage?

    func validate() throws {
        guard Quarter(quarter) != nil else { throw usageError("--quarter '\(quarter)' is not YYYYQn, e.g. 2023Q3") }
    }

    func run(on registry: Registry) throws {
        let language = lang ?? Speech.language
        if stderrIsTerminal { printError(Phrase("reviewing \(quarter)…").spoken(language)) }
        let review = try registry.review(Quarter(quarter)!)
        for warning in review.warnings { warn(warning) }
        let files = try ReviewReport.write(review, registry: try registry.describe(), to: out, language: language)
        say("wrote \(out)/: \(files.joined(separator: ", "))")
    }
}
