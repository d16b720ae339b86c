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
        let features = try registry.features(layer, filters: filters.compactMap(PropertyFilter.init(parsing:)))
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

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The registry's path, CRS, layer counts and library versions.")

    @OptionGroup var registry: RegistryOptions

    func run() throws {
        let registry = try registry.open()
        defer { try? registry.close() }
        print("registry   \(registry.path)")
        print("crs        EPSG:\(registry.srid)")
        for (layer, count) in try registry.counts() {
            print("\(layer.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0))\(count)")
        }
        for (name, version) in try registry.versions() {
            print("\(name.padding(toLength: 11, withPad: " ", startingAt: 0))\(version)")
        }
    }
}


/// A property value as a person reads it.
func display(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): return s
    default: return value.jsonText
    }
}

/// Columns in terminal cells: CJK characters take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        return width + (wide ? 2 : 1)
    }
}

/// A plain-text table with aligned columns.
func formatTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(displayWidth)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
    func render(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
            return rightAligned.contains(i) ? pad + cell : (i == cells.count - 1 ? cell : cell + pad)
        }.joined(separator: "  ")
    }
    var lines = [render(header), render(widths.map { String(repeating: "-", count: $0) })]
    lines += rows.map(render)
    return lines.joined(separator: "\n")
}
