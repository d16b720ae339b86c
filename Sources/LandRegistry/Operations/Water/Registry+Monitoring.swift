extension Registry {
    /// Imports monitoring records (read by `MonitoringFile`), all or
    /// nothing: every site must be a section, an outfall or (for air) an
    /// admin area; water parameters belong to sections and outfalls, air
    /// parameters to admin areas; values are not in the future (targets may
    /// be); no (site, kind, date, parameter) twice. In insert mode a value
    /// already stored is bad input; upsert replaces it and keeps the old one.
    public func importMonitoring(_ records: [MonitoringRecord], file: String, upsert: Bool = false,
                                 by: String) throws -> MonitorImportSummary {
        try importMonitoring(file: file, upsert: upsert, by: by) { body in try records.forEach(body) }
    }

    /// Imports a monitoring file as `importMonitoring(_:)` does, streaming it.
    public func importMonitoring(path: String, encoding: String? = nil, mapping: FieldMapping = FieldMapping(),
                                 upsert: Bool = false, by: String) throws -> MonitorImportSummary {
        var skipped: [String: Int] = [:]
        var summary = try importMonitoring(file: path, upsert: upsert, by: by) { body in
            try MonitoringFile.forEachRecord(path: path, encoding: encoding, mapping: mapping, skipped: { skipped[$0, default: 0] += 1 }, body)
        }
        summary.skipped = skipped.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return summary
    }

    private func importMonitoring(file: String, upsert: Bool, by: String,
                                  source: ((MonitoringRecord) throws -> Void) throws -> Void) throws -> MonitorImportSummary {
        let today = todayUTC()
        return try store.storeMonitoring(file: file, upsert: upsert, by: by) { sites, store in
            try withoutActuallyEscaping(store) { store in try source { given in
                var record = given
                func fail(_ property: String, _ message: Phrase) -> InputError {
                    InputError(file: file, code: record.site, property: property, line: record.line, message: message)
                }
                // A site by its code, or by its name when one site has it (stations often write 台北村).
                if sites.layers[record.site] == nil, let code = sites.names[record.site] {
                    guard !code.isEmpty else { throw fail("site", "'\(record.site)' is the name of more than one site: give its code") }
                    record.site = code
                }
                guard let layer = sites.layers[record.site] else {
                    let hint: Phrase = closest(record.site, in: Array(sites.layers.keys)).map { "; did you mean \($0)?" } ?? ""
                    throw fail("site", "'\(record.site)' is not the code or name of a section, an outfall or an admin area\(hint)")
                }
                if record.parameter.isAir && layer != .admin {
                    throw fail("parameter", "\(record.parameter.rawValue) is an air parameter, and \(record.site) is one of the \(term: layer)")
                }
                if record.parameter.isWater && layer == .admin {
                    throw fail("parameter", "\(record.parameter.rawValue) is a water parameter, and \(record.site) is an admin area")
                }
                if record.kind == .value && record.date > today && !(record.date.count == 7 && today.hasPrefix(record.date)) {
                    throw fail("date", "\(record.date) is in the future")
                }
                try store(record)
            } }
        }
    }

    /// Sets (or, with nil, removes) the limit of a water parameter for one
    /// outfall (by code) or for every outfall of a type; `text` is `50`,
    /// `6-9` or `>=5`. Recorded with who set it; the latest wins.
    @discardableResult
    public func setDischargeLimit(subject: String, parameter: MonitoringParameter, limit text: String?,
                                  by: String, note: String? = nil) throws -> DischargeLimit? {
        let type = OutfallType(word: subject)?.name ?? subject
        guard parameter.isWater, parameter != .flow else {
            throw InvalidArgument(.limit, "\(parameter.rawValue) is not a water parameter an outfall is judged by")
        }
        var limit: DischargeLimit?
        if let text {
            guard let parsed = DischargeLimit(text: text, source: type) else {
                throw InvalidArgument(.limit, "'\(text)' is not a limit: give a maximum (50), a range (6-9) or a minimum (>=5)")
            }
            if parameter == .ph, let high = parsed.maximum, high > 14 {
                throw InvalidArgument(.limit, "a pH limit of \(text) is outside 0–14")
            }
            limit = parsed
        }
        try store.appendLimit(subject: type, parameter: parameter, limit: limit, by: by, note: note) { outfallType in
            guard outfallType != nil || OutfallType(rawValue: type) != nil else {
                throw InvalidArgument(.limit, "'\(subject)' is neither an outfall's code nor an outfall type (\(terms: OutfallType.allCases))")
            }
        }
        return limit
    }

    /// The limits in force (latest per outfall or type and parameter; removals left out).
    public func dischargeLimits() throws -> [RecordedLimit] {
        try snapshot { try $0.dischargeLimits() }.filter { $0.limit != nil }
    }

    /// Sets an outfall's remedy (治, 一口一策): measure, responsible party and
    /// deadline, decided on `date`; it replaces an earlier one that is not done.
    public func setRemedy(outfall: String, measure: RemedyMeasure, responsible: String, deadline: String,
                          date: String, note: String? = nil, by: String) throws {
        let day = try checkDate(date)
        guard let due = normalizedDate(deadline) else { throw InvalidArgument(.remedy, "deadline '\(deadline)' is not a date YYYY-MM-DD") }
        guard due >= day else { throw InvalidArgument(.remedy, "the deadline \(due) is before the decision's date \(day)") }
        guard !responsible.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InvalidArgument(.remedy, "the responsible party is empty")
        }
        let event = RemedyEvent(outfall: outfall, event: .set, measure: measure, responsible: responsible, deadline: due,
                                date: day, note: note, recordedAt: "", recordedBy: by)
        try store.appendRemedy(event) { exists, _ in
            guard exists else { throw RuleViolation(subject: "outfalls", code: outfall, message: "no such outfall") }
        }
    }

    /// Records that an outfall's remedy is done on `date`.
    public func completeRemedy(outfall: String, date: String, note: String? = nil, by: String) throws {
        let day = try checkDate(date)
        let event = RemedyEvent(outfall: outfall, event: .done, measure: nil, responsible: nil, deadline: nil,
                                date: day, note: note, recordedAt: "", recordedBy: by)
        try store.appendRemedy(event) { exists, earlier in
            guard exists else { throw RuleViolation(subject: "outfalls", code: outfall, message: "no such outfall") }
            guard let last = earlier.last, last.event == .set else {
                throw RuleViolation(subject: "outfalls", code: outfall, message: earlier.isEmpty ? "has no remedy to complete" : "its remedy is already done")
            }
            guard day >= last.date else {
                throw RuleViolation(subject: "outfalls", code: outfall, message: "done on \(day), before its remedy was decided (\(last.date))")
            }
        }
    }

    /// Remedy events, oldest first (of one outfall, or all).
    public func remedyEvents(outfall: String? = nil) throws -> [RemedyEvent] {
        try snapshot { try $0.remedyEvents(outfall: outfall) }
    }
}
