/// The audit's findings as a table, CSV (UTF-8 with BOM) or JSON.
public enum AuditReport {
    public static func write(_ findings: [AuditFinding], format: QueryReport.Format, language: ReportLanguage = .en,
                             to sink: OutputSink) throws {
        let header = ["check", "layer", "code", "other_code", "detail"].map { Terms.column($0, language) }
        let rows = findings.map { [$0.check.text(language), $0.layer.text(language), $0.code, $0.otherCode ?? "",
                                   $0.detail.text(language)] }
        switch format {
        case .table, .geojson:
            sink.write(textTable(header: header, rows: rows) + "\n")
            var counts: [AuditCheck: Int] = [:]
            for finding in findings { counts[finding.check, default: 0] += 1 }
            sink.write(findings.isEmpty ? Phrase("no problem found").text(language) + "\n"
                       : counts.keys.sorted { $0.name < $1.name }.map { Phrase("\(term: $0): \(counts[$0]!)").text(language) }.joined(separator: language.comma) + "\n")
        case .csv:
            sink.write("\u{FEFF}" + csvLine(header))
            for row in rows { sink.write(csvLine(row)) }
        case .json:
            let items: [JSONValue] = findings.map { f in
                .object([("check", .string(f.check.name)), ("layer", .string(f.layer.rawValue)), ("code", .string(f.code)),
                         ("other_code", f.otherCode.map(JSONValue.string) ?? .null), ("detail", .string(f.detail.text(.en)))])
            }
            sink.write(JSONValue.object([("findings", .array(items))]).jsonText + "\n")
        }
        try sink.finish()
    }
}
