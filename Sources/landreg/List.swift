import ArgumentParser
import Foundation
import LandRegistry

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a layer's features as a table, with their areas.")

    @OptionGroup var registry: RegistryOptions

    @Argument(help: "The layer to list.")
    var layer: Layer

    @Option(name: .customLong("where"), help: ArgumentHelp("Only features whose property has one of the values.", valueName: "property=value[,value…]"))
    var filters: [String] = []

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        let features = try registry.features(layer, filters: try filters.map(PropertyFilter.parse))
        let areal = layer.geometryTypes.contains(.polygon)
        var header = ["code"] + layer.listedProperties
        if areal { header += ["area_m2", "mu"] }
        var rows: [[String]] = []
        var total = 0.0
        for feature in features {
            var row = [feature.code]
            for name in layer.listedProperties {
                row.append(feature.properties.first { $0.0 == name }.map { display($0.1) } ?? "")
            }
            if areal {
                row += [String(format: "%.1f", feature.area), String(format: "%.2f", feature.area / squareMetresPerMu)]
                total += feature.area
            }
            rows.append(row)
        }
        print(formatTable(header: header, rows: rows, rightAligned: areal ? [header.count - 2, header.count - 1] : []))
        var summary = "\(features.count) feature\(features.count == 1 ? "" : "s")"
        if areal { summary += String(format: ", %.1f m² (%.2f mu)", total, total / squareMetresPerMu) }
        print(summary)
    }
}
