import ArgumentParser
import Foundation
import LandRegistry

struct Delete: CommonCommand {
    static let configuration = command("delete", "Remove features from a layer, all or nothing, recorded in their history.")

    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The layer.")) var layer: Layer
    @Argument(help: manual("The codes of the features to remove.")) var codes: [String]
    @Option(help: manual("The date it took effect, YYYY-MM-DD.")) var date: String
    @OptionGroup var recorder: Recorder
    @Option(help: manual("Why (kept in the history).")) var note: String?

    func validate() throws {
        guard !codes.isEmpty else { throw usageError("give the codes of the features to remove") }
    }

    func run(on registry: Registry) throws {
        let count = try registry.delete(layer, codes: codes, date: date, by: recorder.name, note: note)
        say("\(term: layer): \(count) deleted from \(normalizedDate(date) ?? date)")
    }
}
