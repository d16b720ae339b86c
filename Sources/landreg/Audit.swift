import ArgumentParser
import Foundation
import LandRegistry

struct Audit: RegistryCommand {
    static let configuration = command("audit", "The registry's health: town attributes against town polygons, features outside the county, overlapping farmland parcels and risk-plots, risk-plots without stage_date, outfalls and sections off their rivers.")

    @OptionGroup var registry: RegistryOptions

    @Option(help: manual("table, csv (UTF-8 with BOM) or json."))
    var format: QueryReport.Format = .table

    @OptionGroup var output: OutputOption

    @Option(help: manual("Language of the table and CSV headers: zh or en (default: from LANG)."))
    var lang: ReportLanguage?

    func validate() throws {
        if format == .geojson { throw usageError("--format for audit is table, csv or json") }
    }

    func run(on registry: Registry) throws {
        let findings = try registry.audit()
        try AuditReport.write(findings, format: format, language: lang ?? Speech.language, to: try output.sink())
    }
}
