import ArgumentParser
import Foundation
import LandRegistry

extension WaterReportWriter.Format: ExpressibleByArgument {}
extension AirReportWriter.Format: ExpressibleByArgument {}

struct Water: ParsableCommand {
    static let configuration = command("water", "Sections and outfalls of a month or a quarter: GB 3838-2002 classes, exceedances, the outfalls upstream of failing sections, overdue remedies.")

    @OptionGroup var registry: RegistryOptions
    @Option(help: manual("The month.", valueName: "YYYY-MM")) var month: String?
    @Option(help: manual("The quarter.", valueName: "YYYYQn")) var quarter: String?
    @Option(help: manual("text, json or html.")) var format: WaterReportWriter.Format = .text
    @OptionGroup var output: OutputOption
    @Option(help: manual("Language of text and HTML: zh or en (default: from LANG).")) var lang: ReportLanguage?

    func validate() throws {
        guard (month == nil) != (quarter == nil) else { throw usageError("give --month YYYY-MM or --quarter YYYYQn") }
        if let month, MonitoringPeriod(month: month) == nil { throw usageError("--month '\(month)' is not YYYY-MM, e.g. 2023-07") }
        if let quarter, MonitoringPeriod(quarter: quarter) == nil { throw usageError("--quarter '\(quarter)' is not YYYYQn, e.g. 2023Q3") }
    }

    func run() throws {
        let period = month.flatMap { MonitoringPeriod(month: $0) } ?? MonitoringPeriod(quarter: quarter!)!
        let registry = try registry.open()
        defer { try? registry.close() }
        let report = try registry.waterReport(period)
        try WaterReportWriter.write(report, format: format, registry: try registry.describe(), language: lang ?? Speech.language,
                                    to: try output.sink())
    }
}

struct Air: RegistryCommand {
    static let configuration = command("air", "Each area's monthly air-quality means of a year against its monthly targets, months over target flagged.")

    @OptionGroup var registry: RegistryOptions
    @Option(help: manual("The year.", valueName: "YYYY")) var year: Int
    @Option(help: manual("text, json, csv or html.")) var format: AirReportWriter.Format = .text
    @OptionGroup var output: OutputOption
    @Option(help: manual("Language of text, CSV and HTML: zh or en (default: from LANG).")) var lang: ReportLanguage?

    func validate() throws {
        guard (1900...2200).contains(year) else { throw usageError("--year \(year) is not a year") }
    }

    func run(on registry: Registry) throws {
        let report = try registry.airReport(year: year)
        try AirReportWriter.write(report, format: format, registry: try registry.describe(), language: lang ?? Speech.language,
                                  to: try output.sink())
    }
}
