import ArgumentParser
import Foundation
import LandRegistry

extension QueryReport.Format: ExpressibleByArgument {}

struct QueryCommand: ParsableCommand {
    static let configuration = command("query", "Overlay questions between layers: which features of a layer overlap, lie within a distance of, or are nearest to those of another layer or a file.",
        discussion: ["One row per (feature, other feature) pair: code, other_code, overlap_m2, overlap_mu, distance_m, then the feature's properties; totals count each feature once and its overlap as the union of its overlaps.",
                     // Examples in lines the help does not wrap, so that they can be pasted into a shell.
                     Phrase(verbatim: "  landreg query risk-plots --overlapping basic-farmland \\"),
                     Phrase(verbatim: "    --where stage=suspected,investigating,contaminated"),
                     Phrase(verbatim: "  landreg query farmland --where class=strict --within enterprises \\"),
                     Phrase(verbatim: "    --distance 1000 --other-where permit_status=revoked --sum-by town"),
                     Phrase(verbatim: "  landreg query outfalls --nearest sections --format csv --out outfalls.csv"),
                     "OTHER is a layer, or a file (GeoJSON, Shapefile, TXT, CSV) read as import reads it."])

    @OptionGroup var registry: RegistryOptions

    @Argument(help: manual("The layer asked about."))
    var layer: Layer

    @Option(name: .customLong("where"), help: manual("Only features whose property has one of the values (repeat: AND).", valueName: "property=value[,value…]"))
    var filters: [String] = []

    @Option(help: manual("Features that overlap features of OTHER (a layer or a file).", valueName: "other"))
    var overlapping: String?

    @Option(help: manual("Features within --distance metres of features of OTHER.", valueName: "other"))
    var within: String?

    @Option(help: manual("The nearest feature of OTHER for every feature.", valueName: "other"))
    var nearest: String?

    @Option(help: manual("The distance of --within, in metres."))
    var distance: Double?

    @Option(name: .customLong("other-where"), help: manual("Only features of OTHER whose property has one of the values.", valueName: "property=value[,value…]"))
    var otherFilters: [String] = []

    @Option(name: .customLong("as-of"), help: manual("The registry as it stood in the world on this date.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .customLong("sum-by"), help: manual("Totals per town (the admin town holding the largest part of each feature) or per value of a property."))
    var sumBy: String?

    @Option(help: manual("table, csv (UTF-8 with BOM, for Excel), json or geojson (the matched features, RFC 7946)."))
    var format: QueryReport.Format = .table

    @OptionGroup var output: OutputOption

    @Option(help: manual("The EPSG code of an OTHER file's coordinates."))
    var srid: Int?

    @OptionGroup var reading: ReaderOptions

    @Option(help: manual("Language of the table and CSV headers and values: zh or en (default: from LANG; JSON keeps the contract's names)."))
    var lang: ReportLanguage?

    func validate() throws {
        let relations = [overlapping, within, nearest].compactMap { $0 }
        guard relations.count <= 1 else { throw usageError("give one of --overlapping, --within and --nearest") }
        if within != nil && distance == nil { throw usageError("--within needs --distance METRES") }
        if within == nil && distance != nil { throw usageError("--distance goes with --within") }
        if let distance, !(distance >= 0) { throw usageError("--distance must be a number of metres ≥ 0") }
        if relations.isEmpty && !otherFilters.isEmpty { throw usageError("--other-where needs --overlapping, --within or --nearest") }
    }

    func run() throws {
        var query = Query(layer: layer, filters: try filters.map(PropertyFilter.parse), otherFilters: try otherFilters.map(PropertyFilter.parse),
                          asOf: asOf, sumBy: sumBy)
        if let overlapping { (query.relation, query.other) = (.overlapping, other(overlapping)) }
        if let within, let distance { (query.relation, query.other) = (.within(distance), other(within)) }
        if let nearest { (query.relation, query.other) = (.nearest, other(nearest)) }
        let registry = try registry.open()
        defer { try? registry.close() }
        let result = try registry.query(query)
        try QueryReport.write(result, format: format, srid: registry.srid, language: lang ?? Speech.language, to: try output.sink())
        if let asOf, let warning = try registry.asOfWarning(asOf) { warn(warning) }
        if let out = output.out { printError(Phrase("wrote \(result.rows.count) rows, \(result.totals.features) features to \(out)").spoken(Speech.language)) }
    }

    /// A layer by name, else a file.
    func other(_ name: String) -> Query.Other {
        if let layer = Layer(name: name) { return .layer(layer) }
        return .file(path: name, format: nil, mapping: reading.fields, encoding: reading.encoding, srid: srid)
    }
}
