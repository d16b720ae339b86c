import ArgumentParser
import Foundation
import LandRegistry

struct Export: ParsableCommand {
    static let configuration = command("export", "Write layers as an RFC 7946 GeoJSON FeatureCollection (lon/lat, CGCS2000).",
        discussion: ["With several layers each feature carries a \"layer\" property. Standard output when no --out. The one map's suspected and contaminated plots:",
                     Phrase(verbatim: "  landreg export risk-plots \\"),
                     Phrase(verbatim: "    --where stage=suspected,investigating,contaminated,listed,remediating")])

    @OptionGroup var common: CommonOptions

    @Argument(help: manual("Layers to export (default: all)."))
    var layers: [Layer] = []

    @Option(help: manual("The file to write (written whole or not at all)."))
    var out: String?

    @Option(help: manual("Decimals of the coordinates (0-15)."))
    var precision: Int = 7

    @Option(name: .customLong("where"), help: manual("Only features whose property has one of the values.", valueName: "property=value[,value…]"))
    var filters: [String] = []

    @Flag(help: manual("Add the computed area_m2 (in the registry's CRS) to polygon features."))
    var withArea = false

    @Option(help: manual("geojson (default), shp (Shapefiles, one set per layer, into the folder --out) or gpkg (a GeoPackage --out, one table per layer)."))
    var format: ExportFormat = .geojson

    @Flag(help: manual("With --format shp: write CGCS2000 lon/lat instead of the registry's CRS."))
    var lonlat = false

    @Flag(help: manual("Keep the registry's projected CRS (metres) with the legacy crs member, as ogr2ogr writes; not RFC 7946."))
    var projected = false

    @Option(help: manual("Write one GeoJSON file per layer into this folder (<layer>.geojson), completely or not at all.", valueName: "folder"))
    var split: String?

    @Option(name: .customLong("as-of"), help: manual("The registry as it stood in the world on this date (effective dates).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func validate() throws {
        guard (0...15).contains(precision) else { throw usageError("--precision must be between 0 and 15") }
        if split != nil && (out != nil || format == .shp) { throw usageError("--split writes a folder of GeoJSON files: it goes without --out and --format shp") }
    }

    func run() throws {
        if format == .gpkg {
            guard let out else { throw usageError("--format gpkg needs --out FILE.gpkg") }
            let registry = try common.registry.open()
            defer { try? registry.close() }
            let count = try registry.exportGeoPackage(layers.isEmpty ? Layer.allCases : layers, to: out,
                                                      filters: try filters.map(PropertyFilter.parse), asOf: asOf)
            return printError(Phrase("wrote \(count) features to \(out)").spoken(Speech.language))
        }
        if format == .shp {
            guard let out else { throw usageError("--format shp needs --out FOLDER") }
            let registry = try common.registry.open()
            defer { try? registry.close() }
            let files = try registry.exportShapefiles(layers.isEmpty ? Layer.allCases : layers, to: out, lonLat: lonlat,
                                                      filters: try filters.map(PropertyFilter.parse), asOf: asOf)
            printError(Phrase("wrote \(files.count) files to \(out)/").spoken(Speech.language))
            return
        }
        let registry = try common.registry.open()
        defer { try? registry.close() }
        var options = ExportOptions(layers: layers.isEmpty ? Layer.allCases : layers, precision: precision,
                                    filters: try filters.map(PropertyFilter.parse), withArea: withArea, asOf: asOf)
        options.projected = projected
        if let split {
            let files = try registry.exportGeoJSONFiles(options, to: split)
            return printError(Phrase("wrote \(files.count) files to \(split)/").spoken(Speech.language))
        }
        let sink = try OutputSink.to(out)
        let progress = Progress(every: 10_000) { "\($0) features exported" }
        let count = try registry.exportGeoJSON(options, to: sink, progress: progress.update)
        progress.finish()
        if let asOf, let warning = try registry.asOfWarning(asOf) { warn(warning) }
        if let out { printError(Phrase("wrote \(count) features to \(out)").spoken(Speech.language)) }
    }
}
