import ArgumentParser
import Foundation
import LandRegistry

struct Init: ParsableCommand {
    static let configuration = command("init", "Create an empty registry: all layers, spatial indexes and settings.")

    @OptionGroup var common: CommonOptions

    @Option(help: manual("The registry's projected CRS, an EPSG code in metres (default 4547: CGCS2000 / 3-degree GK CM 114E)."))
    var srid: Int = CRS.defaultRegistry

    func run() throws {
        let registry = try Registry.create(at: common.registry.path, srid: srid)
        defer { try? registry.close() }
        say("created \(registry.path) (EPSG:\(registry.srid), \(Layer.allCases.count) layers)")
    }
}
