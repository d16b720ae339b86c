import ArgumentParser
import Foundation
import LandRegistry

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one feature: all its properties, area and bounding box.")

    @OptionGroup var registry: RegistryOptions

    @Argument(help: "The layer.")
    var layer: Layer

    @Argument(help: "The feature's code.")
    var code: String

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        guard let feature = try registry.feature(layer, code: code) else {
            throw InputError(file: registry.path, code: code, message: "no feature with code '\(code)' in layer \(layer.rawValue)")
        }
        let width = max(12, feature.properties.map { $0.0.count }.max() ?? 0)
        func line(_ key: String, _ value: String) { print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
        line("layer", layer.rawValue)
        for (key, value) in feature.properties { line(key, display(value)) }
        line("geometry", "\(feature.shape.type.rawValue), \(feature.shape.positionCount) positions")
        if feature.shape.type.isAreal {
            line("area", String(format: "%.1f m² (%.2f mu)", feature.area, feature.area / squareMetresPerMu))
        }
        let b = feature.shape.bounds
        line("bbox", String(format: "%.7f, %.7f, %.7f, %.7f (lon/lat)", b.minX, b.minY, b.maxX, b.maxY))
    }
}
