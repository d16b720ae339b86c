import ArgumentParser
import Foundation
import LandRegistry

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
