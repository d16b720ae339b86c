extension ReviewBuilder {
    /// The quarter's water tables (contract §10): sections against their
    /// targets, outfalls over their limits or without any, overdue remedies.
    func waterTables() throws -> [ReviewTable] {
        let month = Int(start.dropFirst(5).prefix(2)) ?? 1
        guard let period = MonitoringPeriod(quarter: "\(start.prefix(4))Q\((month - 1) / 3 + 1)") else { return [] }
        let report = try WaterEvaluator(snapshot, period: period).report()
        var sections = ReviewTable(file: "water-sections.csv", titleZH: "本季度地表水断面水质（GB 3838-2002，季均值单因子评价）",
                                   titleEN: "Water sections this quarter (GB 3838-2002, single factor on the quarter's means)",
                                   header: ["code", "name", "target_class", "class", "meets", "over_target_class", "months", "town"])
        for s in report.sections {
            let over = s.parameters.compactMap { p in p.timesLimit.map { "\(p.parameter.rawValue) \(formatValue(p.mean)) (\(fixed($0, 2))x)" } }
            let months = s.months.map { "\($0.month) \($0.waterClass?.description ?? "-")\($0.meets == false ? " ✗" : "")" }
            append([s.code, s.name, s.targetClass.description, s.waterClass?.description ?? "no data",
                    s.meets.map { $0 ? "yes" : "no" } ?? "", over.joined(separator: "; "), months.joined(separator: "; ")],
                   to: &sections, town: s.town)
            if s.meets == false || !s.monthsMissed.isEmpty { flag(sections.file, Layer.sections.rawValue, s.code, shape: s.shape) }
        }
        var outfalls = ReviewTable(file: "water-outfalls.csv", titleZH: "本季度超标或无排放限值的入河排污口",
                                   titleEN: "Outfalls over their limits, or without limits, this quarter",
                                   header: ["code", "name", "type", "exceedances", "no_limit", "town"])
        let shapes = Dictionary(try snapshot.currentStates(.outfalls).map { ($0.code, $0.wkb) }, uniquingKeysWith: { a, _ in a })
        for o in report.outfalls where !o.exceedances.isEmpty || !o.noLimit.isEmpty {
            let over = o.exceedances.map { "\($0.parameter.rawValue) \(formatValue($0.value)) > \($0.limit) (\(fixed($0.timesLimit, 2))x, \($0.date))" }
            append([o.code, o.name, o.type, over.joined(separator: "; "), o.noLimit.map(\.rawValue).joined(separator: ", ")],
                   to: &outfalls, town: o.town)
            if !o.exceedances.isEmpty, let wkb = shapes[o.code] { flag(outfalls.file, Layer.outfalls.rawValue, o.code, wkb) }
        }
        var remedies = ReviewTable(file: "outfall-remedies.csv", titleZH: "逾期未完成整治的入河排污口（一口一策）",
                                   titleEN: "Outfall remedies overdue at the quarter's end",
                                   header: ["outfall", "name", "measure", "responsible", "deadline", "days_overdue", "town"])
        let towns = Dictionary(report.outfalls.map { ($0.code, $0.town) }, uniquingKeysWith: { a, _ in a })
        for r in report.overdue {
            append([r.outfall, r.name, r.measure?.rawValue ?? "", r.responsible, r.deadline, String(r.daysOverdue)],
                   to: &remedies, town: towns[r.outfall] ?? "")
        }
        return [sections, outfalls, remedies]
    }

    private func append(_ cells: [String], to table: inout ReviewTable, town: String) {
        table.rows.append(cells + [town])
        table.towns.append(town)
    }
}
