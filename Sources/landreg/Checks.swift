import ArgumentParser
import Foundation
import LandRegistry

struct Checks: CommonCommand {
    static let configuration = command("checks", "List the recorded checks: every run, or the checks of one proposal id.")

    @OptionGroup var common: CommonOptions

    @Argument(help: manual("A proposal id: show every recorded check of it."))
    var proposal: String?

    @Option(help: manual("How many runs to list."))
    var limit: Int = 50

    func run(on registry: Registry) throws {
        if let proposal {
            let rows = try registry.checks(of: proposal)
            guard !rows.isEmpty else {
                throw InputError(file: registry.path, code: proposal, message: "no recorded check of proposal '\(proposal)'")
            }
            print(textTable(header: words(["run", "date", "checked_at", "verdict", "findings"]),
                              rows: rows.map { ["\($0.run)", $0.date, localTime($0.checkedAt), $0.verdict.text(Speech.language), $0.findings] }))
        } else {
            let runs = try registry.checkRuns(limit: limit)
            print(textTable(header: words(["run", "date", "checked_at", "by", "proposals", "block", "condition", "warn", "clear", "file"]),
                              rows: runs.map { ["\($0.id)", $0.date, localTime($0.checkedAt), $0.checkedBy, "\($0.proposals)", "\($0.block)",
                                                "\($0.condition)", "\($0.warn)", "\($0.clear)", $0.file] },
                              rightAligned: [0, 4, 5, 6, 7, 8]))
        }
    }
}
