import ArgumentParser
import Foundation
import LandRegistry

struct Import: ParsableCommand {
    static let configuration = command("import", "Load features into a layer, all or nothing.",
        discussion: ["LAYER is one of: \(Layer.allCases.map(\.rawValue).joined(separator: ", ")). FILE is GeoJSON (a FeatureCollection, a Feature or a geometry; '-' for standard input), a Shapefile (.shp), a land-approval coordinate file (.txt) or a CSV point table (.csv). GeoJSON and CSV coordinates are lon/lat unless the file has a \"crs\" member or --srid is given; a Shapefile's CRS comes from its .prj, a coordinate file's from its zone."])

    @OptionGroup var common: CommonOptions

    @Argument(help: manual("The layer to load into."))
    var layer: Layer

    @Argument(help: manual("The file to read."))
    var file: String

    @Option(help: manual("The EPSG code of the file's coordinates (overrides its \"crs\" member)."))
    var srid: Int?

    @Option(help: manual("insert (new codes only), upsert (update by code) or replace (the layer becomes the file)."))
    var mode: ImportMode = .insert

    @Option(help: manual("The reader to use instead of the file's extension: geojson, shp, txt (land-approval coordinates), csv (point table)."))
    var format: InputFormat?

    @OptionGroup var reading: ReaderOptions

    @Flag(help: manual("Repair invalid geometries with GEOS (MakeValid) and report them, instead of rejecting them."))
    var makeValid = false

    @Option(help: manual("The date the changes take effect (YYYY-MM-DD) for features without their own stage_date or permit_date; default today."))
    var date: String?

    @Option(help: manual("Who imports, for the history (default: the login name)."))
    var by: String?

    @Option(help: manual("Why features are removed (with --mode replace): needed to remove a risk-plot on the risk list or unresolved; kept in the history."))
    var note: String?

    @Flag(help: manual("Show what the import would do (counts, and the codes --mode replace would delete) and change nothing."))
    var dryRun = false

    func run() throws {
        let reader = try openFeatureReader(path: file, format: format?.rawValue,
                                           booleans: Set(layer.properties.filter { $0.kind == .bool }.map(\.name)),
                                           mapping: reading.fields, encoding: reading.encoding)
        let registry = try common.registry.open()
        defer { try? registry.close() }
        let showProgress = stderrIsTerminal
        let counts = try registry.importFeatures(
            into: layer, from: reader,
            options: ImportOptions(mode: mode, srid: srid, makeValid: makeValid, effectiveDate: date, by: by ?? loginName,
                                   command: "import \(mode.rawValue) \((file as NSString).lastPathComponent)",
                                   note: note, dryRun: dryRun),
            progress: showProgress ? { count in
                printError("\r" + Phrase("\(term: layer): \(count) features read…").spoken(Speech.language), terminator: "")
            } : nil)
        if showProgress && counts.read >= 10_000 { printError("") }
        for warning in reader.warnings { warn(warning) }
        for (code, reason) in counts.repaired {
            warn("\(reader.fileName): code \(code): repaired invalid geometry (\(reason))")
        }
        var line: Phrase = "\(term: layer): \(counts.read) read, \(counts.inserted) inserted, \(counts.updated) updated, \(counts.unchanged) unchanged"
        if mode == .replace { line += ", \(counts.deleted) deleted" }
        if !counts.repaired.isEmpty { line += ", \(counts.repaired.count) repaired" }
        if dryRun { line += " (dry run: nothing was changed)" }
        say(line)
        if !counts.deletedCodes.isEmpty {
            say(dryRun ? "would delete: \(counts.deletedCodes.joined(separator: ", "))" : "deleted: \(counts.deletedCodes.joined(separator: ", "))")
        }
    }
}
