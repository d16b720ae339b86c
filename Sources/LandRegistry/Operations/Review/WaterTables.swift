extension ReviewBuilder {
    /// The quarter's water tables (contract §10): sections against their
    /// targets, outfalls over their limits or without any, overdue remedies.
    func waterTables() throws -> [ReviewTable] {
        let month = Int(start.dropFirst(5).prefix(2)) ?? 1
        guard let period = MonitoringPeriod(quarter: "\(start.prefix(4))Q\((month - 1) / 3 + 1)") else { return [] }
        let report = try WaterEvaluator(snapshot, period: period).report()
        var sections = ReviewTable(file: "water-sections.csv",
                                   title: "Water sections this quarter (GB 3838-2002, single factor on the quarter's means)",
                                   header: ["code", "name", "target_class", "class", "meets", "over_target_class", "months", "town"])
        for s in report.sections {
            let over: [Cell] = s.parameters.compactMap { p in
                p.timesLimit.map { .phrase("\(term: p.parameter) \(formatValue(p.mean)) (\(fixed($0, 2))x)") }
            }
            let months: [Cell] = s.months.map {
                .list([.text($0.month), $0.waterClass.map(Cell.term) ?? .term("value.-")] + ($0.meets == false ? [.text("✗")] : []), separator: " ")
            }
            append([.text(s.code), .text(s.name), .term(s.targetClass), s.waterClass.map(Cell.term) ?? .term("value.no data"),
                    s.meets.map { .term(Meets($0)) } ?? .text(""), .list(over, separator: "; "), .list(months, separator: "; ")],
                   to: &sections, town: s.town)
            if s.meets == false || !s.monthsMissed.isEmpty { flag(sections.file, Layer.sections.rawValue, s.code, shape: s.shape) }
        }
        var outfalls = ReviewTable(file: "water-outfalls.csv", title: "Outfalls over their limits, or without limits, this quarter",
                                   header: ["code", "name", "type", "exceedances", "no_limit", "town"])
        let shapes = Dictionary(try snapshot.currentStates(.outfalls).map { ($0.code, $0.wkb) }, uniquingKeysWith: { a, _ in a })
        for o in report.outfalls where !o.exceedances.isEmpty || !o.noLimit.isEmpty {
            let over: [Cell] = o.exceedances.map {
                .phrase("\(term: $0.parameter) \(formatValue($0.value)) > \($0.limit) (\(fixed($0.timesLimit, 2))x, \($0.date))")
            }
            append([.text(o.code), .text(o.name), .term(o.type, in: OutfallType.context), .list(over, separator: "; "),
                    .list(o.noLimit.map(Cell.term), separator: ", ")], to: &outfalls, town: o.town)
            if !o.exceedances.isEmpty, let wkb = shapes[o.code] { flag(outfalls.file, Layer.outfalls.rawValue, o.code, wkb) }
        }
        var remedies = ReviewTable(file: "outfall-remedies.csv", title: "Outfall remedies overdue at the quarter's end",
                                   header: ["outfall", "name", "measure", "responsible", "deadline", "days_overdue", "town"])
        let towns = Dictionary(report.outfalls.map { ($0.code, $0.town) }, uniquingKeysWith: { a, _ in a })
        for r in report.overdue {
            append([.text(r.outfall), .text(r.name), r.measure.map(Cell.term) ?? .text(""), .text(r.responsible), .text(r.deadline),
                    .text(String(r.daysOverdue))], to: &remedies, town: towns[r.outfall] ?? "")
        }
        return [sections, outfalls, remedies]
    }

    private func append(_ cells: [Cell], to table: inout ReviewTable, town: String) {
        table.rows.append(cells + [.text(town)])
        table.towns.append(town)
    }
}
