import ArgumentParser
import Foundation
import LandRegistry

struct Monitor: ParsableCommand {
    static let configuration = command("monitor", "Monitoring of sections, outfalls and air (测): import values and targets, set discharge limits.",
        subcommands: [MonitorImport.self, MonitorLimit.self, MonitorLimits.self])
}

extension MonitoringParameter: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension RemedyMeasure: ExpressibleByArgument {
    /// A measure by its contract name or the Chinese word (取缔, 合并, 规范整治, 其他).
    public init?(argument: String) {
        let words = ["取缔": "ban", "合并": "merge", "规范整治": "regularize", "整治": "regularize", "其他": "other"]
        self.init(rawValue: words[argument] ?? argument)
    }
}

struct MonitorImport: CommonCommand {
    static let configuration = command("import", "Import a monitoring CSV (site, date, parameter, value [, unit, note, kind]), all or nothing.",
        discussion: ["Columns may carry Chinese names (点位/断面/排口, 日期, 指标, 浓度, 单位, 备注, 类型), or the table may be wide (one column per parameter: 氨氮(mg/L), COD …). UTF-8 or GBK. site is a section's, an outfall's or (for air) an admin area's code; kind is value (default) or target. Water: cod codmn bod5 nh3n tp tn do ph flow; air: so2 no2 pm10 pm25 co o3."])

    enum Mode: String, ExpressibleByArgument, CaseIterable { case insert, upsert }

    @OptionGroup var common: CommonOptions
    @OptionGroup var reader: ReaderOptions
    @Argument(help: manual("The CSV file.")) var file: String
    @Option(help: manual("insert (a value already stored is an error) or upsert (replace it, keeping the old one).")) var mode: Mode = .insert
    @Option(help: manual("Who imports it (default: the login name).")) var by: String?

    func run(on registry: Registry) throws {
        let summary = try registry.importMonitoring(path: file, encoding: reader.encoding, mapping: reader.fields,
                                                    upsert: mode == .upsert, by: by ?? loginName)
        say("monitoring: \(summary.read) read, \(summary.inserted) inserted, \(summary.replaced) replaced, \(summary.unchanged) unchanged")
        if !summary.skipped.isEmpty {
            let rows = summary.skipped.map(\.rows).reduce(0, +)
            warn("\(file): skipped \(rows) rows of parameters landreg does not judge: \(summary.skipped.map { "\($0.parameter) (\($0.rows))" }.joined(separator: ", "))")
        }
    }
}

struct MonitorLimit: CommonCommand {
    static let configuration = command("limit", "Set the discharge limit of one outfall (by code) or of an outfall type for a parameter.",
        discussion: ["VALUE is a maximum (50), a range (6-9) or a minimum (>=5); --remove removes it. Sewage plants default to GB 18918-2002 class 1A."])

    @OptionGroup var common: CommonOptions
    @Argument(help: manual("An outfall's code, or a type: industrial, sewage_plant, agricultural, other.")) var subject: String
    @Argument(help: manual("The parameter (cod, nh3n, tp …).")) var parameter: MonitoringParameter
    @Argument(help: manual("The limit in the parameter's unit.")) var value: String?
    @Flag(help: manual("Remove the limit instead.")) var remove = false
    @Option(help: manual("Where the limit comes from (the permit's number …).")) var note: String?
    @Option(help: manual("Who sets it (default: the login name).")) var by: String?

    func validate() throws {
        if remove == (value != nil) { throw usageError("give either VALUE or --remove") }
    }

    func run(on registry: Registry) throws {
        let limit = try registry.setDischargeLimit(subject: subject, parameter: parameter, limit: value, by: by ?? loginName, note: note)
        say(limit.map { "limit \(subject) \(term: parameter) \($0)" } ?? "limit \(subject) \(term: parameter) removed")
    }
}

struct MonitorLimits: CommonCommand {
    static let configuration = command("limits", "The discharge limits in force.")
    @OptionGroup var common: CommonOptions

    func run(on registry: Registry) throws {
        let rows = try registry.dischargeLimits().map { [OutfallType(rawValue: $0.subject)?.text(Speech.language) ?? $0.subject, $0.parameter.text(Speech.language), $0.limit?.description ?? "", $0.parameter.unit, localTime($0.recordedAt), $0.recordedBy] }
        print(textTable(header: words(["subject", "parameter", "limit", "unit", "recorded", "by"]), rows: rows))
        say("(sewage_plant outfalls without their own limits: GB 18918-2002 class 1A — cod 50, bod5 10, nh3n 5, tn 15, tp 0.5 mg/L, ph 6-9)")
    }
}
