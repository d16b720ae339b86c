import ArgumentParser
import Foundation
import LandRegistry

struct Show: CommonCommand {
    static let configuration = command("show", "Show one feature: all its properties, area and bounding box.")

    @OptionGroup var common: CommonOptions

    @Argument(help: manual("The layer."))
    var layer: Layer

    @Argument(help: manual("The feature's code."))
    var code: String

    func run(on registry: Registry) throws {
        guard let feature = try registry.feature(layer, code: code) else {
            throw InputError(file: registry.path, code: code, message: "no feature with code '\(code)' in layer \(term: layer)")
        }
        let language = Speech.language
        var rows: [[String]] = [[Phrase("layer").spoken(language), Phrase("\(term: layer)").spoken(language)]]
        for (key, value) in feature.properties {
            rows.append([Terms.column(key, language, table: layer.rawValue), Layer.valueText(display(value), property: key, language)])
        }
        rows.append([Phrase("geometry").spoken(language), Phrase("\(term: feature.shape.type), \(feature.shape.positionCount) positions").spoken(language)])
        if feature.shape.type.isAreal {
            rows.append([Phrase("area").spoken(language), Phrase("\(String(format: "%.1f", feature.area)) m² (\(String(format: "%.2f", feature.area / squareMetresPerMu)) mu)").spoken(language)])
        }
        let b = feature.shape.bounds
        rows.append([Phrase("bbox").spoken(language), Phrase("\(String(format: "%.7f, %.7f, %.7f, %.7f", b.minX, b.minY, b.maxX, b.maxY)) (lon/lat)").spoken(language)])
        print(textTable(header: words(["property", "value"]), rows: rows))
    }
}
