import ArgumentParser
import Foundation
import LandRegistry

/// `--db PATH`, shared by every command.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: manual("The registry file (default: $LANDREG_DB, else registry.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["LANDREG_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "registry.sqlite"
    }

    /// One process, one connection: the CLI never reads concurrently.
    func open() throws -> Registry { try Registry.open(at: path, concurrentReads: false) }
}

extension Layer: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ImportMode: ExpressibleByArgument {}
extension LandUseClassification: ExpressibleByArgument {}

/// `--map` and `--encoding`, shared by the commands that read files.
struct ReaderOptions: ParsableArguments {
    @Option(name: .customLong("map"), help: manual("Which field (Shapefile field, CSV column, GeoJSON key) gives which property, e.g. code=DKBM,use=用途; one field may give several.", valueName: "property=FIELD,…"))
    var mapping: String?

    @Option(help: manual("The text encoding of a Shapefile's attributes or a text file (UTF-8, GBK …); default: .cpg, else detected."))
    var encoding: String?

    func validate() throws {
        if let mapping, fieldMapping(mapping) == nil {
            throw usageError("--map '\(mapping)' is not property=FIELD[,property=FIELD…]")
        }
    }

    /// Which field gives which property.
    var fields: FieldMapping { mapping.flatMap(fieldMapping) ?? FieldMapping() }
}

/// `property=FIELD[,property=FIELD…]`, or nil when it is not that.
func fieldMapping(_ text: String) -> FieldMapping? { FieldMapping(parsing: text) }

extension Stage: ExpressibleByArgument {
    /// A stage by its contract name or the Chinese word (调查中, 已列入名录 …).
    public init?(argument: String) {
        guard let stage = Stage(word: argument) else { return nil }
        self = stage
    }
}

extension FarmlandClass: ExpressibleByArgument {
    /// A class by its contract name or the Chinese word (严格管控类 …).
    public init?(argument: String) {
        guard let farmlandClass = FarmlandClass(word: argument) else { return nil }
        self = farmlandClass
    }
}
extension ProposalAction: ExpressibleByArgument {
    /// An action by its contract name or the Chinese word (土地供应, 改变用途 …).
    public init?(argument: String) {
        guard let action = ProposalAction(word: argument) else { return nil }
        self = action
    }
}
extension Severity: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}

/// `--format` of `check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html, geojson }

/// `--format` of `export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson, json, shp, gpkg
}

/// The reader `--format` of `import` and `check`.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson, json, shp, txt, csv
}

/// What a proposals' file cannot say (a coordinate TXT has no action or
/// flags); a value in the file wins.
struct ProposalOptions: ParsableArguments {
    @Option(help: manual("The land-use code of proposals that have none (e.g. 0701).", valueName: "code"))
    var use: String?

    @Option(help: manual("The action of proposals that have none: supply, use_change, planning_permit, reclamation, new_project, new_outfall."))
    var action: ProposalAction?

    @Flag(inversion: .prefixedNo, help: manual("Proposals without air_polluting emit air pollutants (or not)."))
    var airPolluting: Bool?

    @Flag(inversion: .prefixedNo, help: manual("Proposals without soil_polluting may pollute soil (or not)."))
    var soilPolluting: Bool?

    @Flag(inversion: .prefixedNo, help: manual("Proposals without discharges discharge water pollutants (or not)."))
    var discharges: Bool?

    @Flag(inversion: .prefixedNo, help: manual("Proposals without food_crops will grow food crops (or not)."))
    var foodCrops: Bool?

    @Option(help: manual("The land-use classification of the file's codes: 2023 (default) or 2017 (三调, GB/T 21010-2017; mapped to 2023)."))
    var classification: LandUseClassification = .y2023

    var defaults: ProposalDefaults {
        ProposalDefaults(use: use, action: action, airPolluting: airPolluting, soilPolluting: soilPolluting,
                         discharges: discharges, foodCrops: foodCrops, classification: classification)
    }
}

/// A command that works on a registry (`--db`): it is opened for
/// `run(on:)` — one connection, the CLI never reads concurrently — and
/// closed after, whatever happens.
protocol RegistryCommand: ParsableCommand {
    var registry: RegistryOptions { get }
    func run(on registry: Registry) throws
}

extension RegistryCommand {
    func run() throws {
        let opened = try registry.open()
        defer { try? opened.close() }
        try run(on: opened)
    }
}

/// `--db` and `--lang`: the options of the commands whose output is only
/// messages and tables.
struct CommonOptions: ParsableArguments {
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var language: LanguageOption
}

/// A registry command with the common options.
protocol CommonCommand: RegistryCommand {
    var common: CommonOptions { get }
}

extension CommonCommand {
    var registry: RegistryOptions { common.registry }
}

/// `--by`: who records a change in the history (default: the login name).
struct Recorder: ParsableArguments {
    @Option(help: manual("Who records it (default: the login name).")) var by: String?

    /// The name recorded.
    var name: String { by ?? loginName }
}

/// `--out FILE`: where a report goes.
struct OutputOption: ParsableArguments {
    @Option(help: manual("Write to this file instead of standard output.")) var out: String?

    /// The file (written whole when the report is done), or standard output.
    func sink() throws -> OutputSink { try OutputSink.to(out) }
}

extension OutputSink {
    /// The file at `path`, or standard output when there is none or it is `-`.
    static func to(_ path: String?) throws -> OutputSink {
        guard let path, path != "-" else { return OutputSink() }
        return try OutputSink(path: path)
    }
}
