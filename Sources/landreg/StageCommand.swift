import ArgumentParser
import Foundation
import LandRegistry

struct StageCommand: CommonCommand {
    static let configuration = command("stage", "Move a risk-plot along its lifecycle (legal transitions only).",
        discussion: ["suspected → investigating → clean | contaminated; contaminated → listed | clean; listed → remediating → delisted; a delisted or clean plot can be re-opened as suspected (--note the reason)."])

    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The plot's code.")) var code: String
    @Argument(help: manual("The new stage.")) var stage: Stage
    @Option(help: manual("The date it took effect, YYYY-MM-DD.")) var date: String
    @Option(help: manual("The report or decision number.")) var doc: String?
    @OptionGroup var recorder: Recorder
    @Option(help: manual("A note (required when re-opening a plot).")) var note: String?

    func run(on registry: Registry) throws {
        try registry.changeStage(code: code, to: stage, date: date, doc: doc, by: recorder.name, note: note)
        say("\(code): \(term: stage) from \(date)")
    }
}
