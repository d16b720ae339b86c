import ArgumentParser
import Foundation
import LandRegistry

struct History: CommonCommand {
    static let configuration = command("history", "Every recorded change of one feature, with recorded time, effective date, and what changed.")

    @OptionGroup var common: CommonOptions
    @Argument(help: manual("The layer.")) var layer: Layer
    @Argument(help: manual("The feature's code.")) var code: String

    func run(on registry: Registry) throws {
        let entries = try registry.history(layer, code: code)
        guard !entries.isEmpty else {
            throw InputError(file: registry.path, code: code, message: "no history of '\(code)' in layer \(term: layer)")
        }
        print(textTable(header: words(HistoryReport.columns), rows: HistoryReport.rows(entries, layer: layer, Speech.language)))
    }
}
