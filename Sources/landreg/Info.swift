import ArgumentParser
import Foundation
import LandRegistry

struct Info: CommonCommand {
    static let configuration = command("info", "The registry's path, CRS, layer counts and library versions.")

    @OptionGroup var common: CommonOptions

    func run(on registry: Registry) throws {
        let crs = "EPSG:\(registry.srid)"
        var rows: [[String]] = [[Phrase("registry").spoken(Speech.language), registry.path], [Phrase("CRS").spoken(Speech.language), crs]]
        for (layer, count) in try registry.counts() {
            rows.append([Phrase("\(term: layer)").spoken(Speech.language), String(count)])
        }
        for (name, version) in try registry.versions() { rows.append([name, version]) }
        print(textTable(header: words(["item", "value"]), rows: rows))
    }
}
