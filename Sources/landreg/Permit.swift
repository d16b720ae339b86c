import ArgumentParser
import Foundation
import LandRegistry

struct Permit: CommonCommand {
    static let configuration = command("permit", "Record that a checked proposal was approved (supply, use change or planning permit).")

    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The proposal's id, as checked.")) var proposal: String
    @Option(help: manual("The date of the approval, YYYY-MM-DD.")) var date: String
    @Option(help: manual("supply, use_change or planning_permit.")) var kind: ProposalAction
    @OptionGroup var recorder: Recorder
    @Option(help: manual("Why it was approved; required when the proposal's latest check was block.")) var note: String?

    func run(on registry: Registry) throws {
        let id = try registry.recordPermit(proposalID: proposal, kind: kind, date: date, by: recorder.name, note: note)
        say("permit \(id): \(proposal) \(term: kind) on \(date)")
    }
}
