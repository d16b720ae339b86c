import ArgumentParser
import Foundation
import LandRegistry

struct List: ParsableCommand {
    static let configuration = command("list", "List a layer's features as a table, with their areas.")

    @OptionGroup var registry: RegistryOptions

    @Argument(help: manual("The layer to list."))
    var layer: Layer

    @Option(name: .customLong("where"), help: manual("Only features whose property has one of the values (repeat: AND).", valueName: "property=value[,value…]"))
    var filters: [String] = []

    @Option(help: manual("table, csv (UTF-8 with BOM, for Excel) or json."))
    var format: ListFormat = .table

    @Option(name: .customLong("as-of"), help: manual("The layer as it stood in the world on this date.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: manual("Language of the table and CSV headers and values: zh or en (default: from LANG; JSON keeps the contract's names)."))
    var lang: ReportLanguage?

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    func run() throws {
        let language = lang ?? Speech.language
        let registry = try registry.open()
        defer { try? registry.close() }
        let result = try registry.query(Query(layer: layer, filters: try filters.map(PropertyFilter.parse), asOf: asOf))
        if let asOf, let warning = try registry.asOfWarning(asOf) { warn(warning) }
        switch format {
        case .csv: return print(ListReport.csv(result, language: language), terminator: "")
        case .json: return print(ListReport.json(result), terminator: "")
        case .table: break
        }
        let features = result.matches
        let areal = layer.geometryTypes.contains(.polygon)
        var header = ["code"] + layer.listedProperties
        if areal { header += ["area_m2", "mu"] }
        header = header.map { Terms.column($0, language, table: layer.rawValue) }
        var rows: [[String]] = []
        var total = 0.0
        for feature in features {
            var row = [feature.code]
            for name in layer.listedProperties {
                row.append(feature.properties.first { $0.0 == name }.map { Layer.valueText(display($0.1), property: name, language) } ?? "")
            }
            if areal {
                row += [String(format: "%.1f", feature.areaM2), String(format: "%.2f", feature.areaM2 / squareMetresPerMu)]
                total += feature.areaM2
            }
            rows.append(row)
        }
        print(textTable(header: header, rows: rows, rightAligned: areal ? [header.count - 2, header.count - 1] : []))
        var summary: Phrase = features.count == 1 ? "1 feature" : "\(features.count) features"
        if layer == .admin {
            // A county holds its towns: areas are summed per kind, never the county with its own towns.
            var kinds: [String: (count: Int, area: Double)] = [:]
            for feature in features {
                let kind = feature.properties.first { $0.0 == "kind" }?.1.stringValue ?? ""
                kinds[kind, default: (0, 0)].count += 1
                kinds[kind, default: (0, 0)].area += feature.areaM2
            }
            for (kind, sum) in kinds.sorted(by: { $0.key < $1.key }) {
                summary += "; \(term: kind, in: AdminKind.context) \(sum.count), \(String(format: "%.1f", sum.area)) m² (\(String(format: "%.2f", sum.area / squareMetresPerMu)) mu)"
            }
        } else if areal {
            summary += ", \(String(format: "%.1f", total)) m² (\(String(format: "%.2f", total / squareMetresPerMu)) mu)"
        }
        print(summary.spoken(language))
    }
}
