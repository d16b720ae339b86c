import ArgumentParser
import Foundation
import LandRegistry

struct Check: ParsableCommand {
    static let configuration = command("check", "Check proposals (one plot or a whole land-supply plan) against every rule before approval.",
        discussion: ["FILE is a GeoJSON Feature or FeatureCollection of proposals with the properties id, use, action, air_polluting, soil_polluting, discharges and food_crops; or a Shapefile, a land-approval coordinate file (.txt: the plot number is the id, its land-class code the use) or a CSV point table. Exit status 0 whatever the verdicts; with --fail-on, 3 when a proposal's verdict is at least that severe."])

    @OptionGroup var registry: RegistryOptions

    @Argument(help: manual("The proposals file ('-' for standard input)."))
    var file: String

    @Option(help: manual("text, json, html (a self-contained report with a map of each proposal; use --out) or geojson (each proposal with its verdict and the features its findings name, lon/lat, for a map)."))
    var format: CheckFormat = .text

    @Option(help: manual("Write the report to this file instead of standard output."))
    var out: String?

    @Option(name: .customLong("fail-on"), help: manual("Exit 3 when a verdict is at least this severe: block, condition or warn."))
    var failOn: Severity?

    @Option(help: manual("Language of messages: zh or en (default: from LANG)."))
    var lang: ReportLanguage?

    @Option(help: manual("The EPSG code of the proposals' coordinates (overrides their \"crs\" member)."))
    var srid: Int?

    @Option(help: manual("Who runs the check, for the record (default: the login name)."))
    var by: String?

    @Option(help: manual("The date the check was made, when it is recorded later (YYYY-MM-DD; default today): a permit rests on a check made on or before its date."))
    var date: String?

    @Flag(help: manual("Do not keep a record of this check in the registry."))
    var noRecord = false

    @OptionGroup var reading: ReaderOptions

    @OptionGroup(title: manualText("What the file cannot say")) var proposals: ProposalOptions

    func run() throws {
        let reader = try openFeatureReader(path: file, format: nil,
                                           booleans: ["air_polluting", "soil_polluting", "discharges", "food_crops"],
                                           mapping: reading.fields, encoding: reading.encoding)
        let registry = try registry.open()
        defer { try? registry.close() }
        let sink = try OutputSink.to(out)
        let language = lang ?? Speech.language
        var options = CheckOptions(srid: srid, record: !noRecord, context: format == .html ? CheckOptions.mapContext : format == .geojson ? 0 : nil, defaults: proposals.defaults,
                                   date: date)
        if let by { options.by = by }
        let report: any CheckReport
        let conditions = try registry.checkConditions()
        switch format {
        case .json: report = CheckJSONReport(sink: sink, registry: registry.path, language: language, conditions: conditions)
        case .html: report = CheckHTMLReport(sink: sink, registry: try registry.describe(), file: file, by: options.by, language: language,
                                             conditions: conditions)
        case .text: report = CheckTextReport(sink: sink, language: language, conditions: conditions)
        case .geojson: report = try CheckGeoJSONReport(sink: sink, registrySRID: registry.srid)
        }
        var worst = Verdict.clear
        var checked = 0
        let progress = Progress(every: 500) { "\($0) proposals checked" }
        defer { progress.finish() }
        let summary = try registry.check(reader, options: options) { result in
            report.add(result)
            worst = max(worst, result.verdict)
            checked += 1
            progress.update(checked)
        }
        progress.finish()
        try report.finish(summary)
        for warning in reader.warnings { warn(warning) }
        if let out { printError(Phrase("wrote the check of \(summary.proposals) proposals to \(out)").spoken(Speech.language)) }
        if let failOn, let severity = worst.severity, severity >= failOn { throw ExitCode(3) }
    }
}
