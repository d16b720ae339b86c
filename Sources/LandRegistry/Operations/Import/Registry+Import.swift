extension Registry {
    /// Imports every feature of `reader` into `layer` in one transaction: all
    /// or nothing. Throws `InputError` naming the file, feature, code and
    /// property of the first bad feature; the registry is then unchanged.
    ///
    /// Three threads share the work: one parses the file (`ReadAheadReader`),
    /// one validates and projects features (`FeaturePreparer`), the caller's
    /// writes them (`LayerWriter`), with a few batches between each, so
    /// memory stays flat.
    public func importFeatures(into layer: Layer, from reader: FeatureReader, options: ImportOptions = ImportOptions(),
                               progress: ((Int) -> Void)? = nil) throws -> ImportCounts {
        var options = options
        if let date = options.effectiveDate { options.effectiveDate = try checkDate(date) }
        let reason = options.note?.trimmingCharacters(in: .whitespaces).isEmpty == false ? options.note : nil
        let stamp = ChangeStamp(effective: options.effectiveDate ?? todayUTC(), by: options.by, command: options.command,
                                note: reason)
        let file = reader.fileName
        let rule: UpdateRule?
        switch layer {
        case .riskPlots: rule = Registry.stageRule(file: file, date: stamp.effective)
        case .farmland: rule = Registry.classRule(file: file)
        default: rule = nil
        }
        func removable(code: String, stage: String?, latest: String?) throws {
            if let stage = stage.flatMap(Stage.init(rawValue:)), stage.needsReasonToRemove, reason == nil {
                throw InputError(file: file, code: code, property: "stage",
                                 message: "the plot is \(term: stage) and not in the file: replacing the layer would remove it, which needs the reason",
                                 remedy: .giveReason)
            }
            if let latest, stamp.effective < latest {
                throw InputError(file: file, code: code, property: "date",
                                 message: ChangeStamp.outOfOrder(stamp.effective, after: latest))
            }
        }
        do {
            return try importAll(into: layer, reader, options: options, stamp: stamp, rule: rule, removable: removable,
                                 progress: progress)
        } catch let dryRun as DryRun {
            return dryRun.counts
        }
    }

    /// What a dry run would have done; thrown to roll its transaction back.
    private struct DryRun: Error { let counts: ImportCounts }

    private func importAll(into layer: Layer, _ reader: FeatureReader, options: ImportOptions, stamp: ChangeStamp,
                           rule: UpdateRule?, removable: (String, String?, String?) throws -> Void,
                           progress: ((Int) -> Void)?) throws -> ImportCounts {
        let ahead = ReadAheadReader(reader)
        defer { ahead.cancel() }
        let preparer = FeaturePreparer(layer: layer, registrySRID: srid, reader: ahead, options: options)
        return try store.writeLayer(layer, mode: options.mode, stamp: stamp, rule: rule, expected: options.expectedVersion) { writer in
            let pipeline = BackgroundBatches(name: "landreg-prepare") { try preparer.next() }
            var counts = ImportCounts()
            let file = reader.fileName
            do {
                while let batch = try pipeline.next() {
                    for i in batch.indices {  // each row borrowed, not copied
                        try writer.write(batch[i], file: file, counts: &counts)
                        if let repair = batch[i].repair { counts.repaired.append((batch[i].code, repair)) }
                        if counts.read % 10_000 == 0 { progress?(counts.read) }
                    }
                    pipeline.recycle(batch)
                }
                counts.deletedCodes = try writer.finish(allow: removable)
                counts.deleted = counts.deletedCodes.count
            } catch {
                pipeline.cancel()
                throw error
            }
            if options.dryRun { throw DryRun(counts: counts) }
            return counts
        }
    }
}

/// Reads, validates and projects features; used by one thread at a time.
final class FeaturePreparer: @unchecked Sendable {
    let layer: Layer
    let registrySRID: Int
    let reader: FeatureReader
    let options: ImportOptions
    private let file: String
    private let geos = GEOSContext()
    private var codes = Set<String>()
    private var input: InputGeometry?
    private let today = todayUTC()

    init(layer: Layer, registrySRID: Int, reader: FeatureReader, options: ImportOptions) {
        self.layer = layer
        self.registrySRID = registrySRID
        self.reader = reader
        self.options = options
        file = reader.fileName
    }

    /// The next feature as a row, or nil at the end of the file.
    func next() throws -> StorableRow? {
        guard let feature = try reader.next() else { return nil }
        if input == nil {
            input = try InputGeometry(reader: reader, srid: options.srid, registrySRID: registrySRID, geos: geos,
                                      accepted: layer,
                                      policy: options.makeValid ? .makeValid : .reject)
        }
        let props = try layer.validate(feature, file: file)
        // An insert's writer tells a code twice in the file from one already in the layer itself.
        guard options.mode == .insert || codes.insert(props.code).inserted else {
            throw InputError(file: file, feature: feature.number, code: props.code, property: "code",
                             message: "duplicate code in the file")
        }
        let geometry = try input!.prepare(feature.shape, feature: feature.number, code: props.code)
        return StorableRow(number: feature.number, code: props.code, values: props.values, present: props.present,
                           extra: props.extra, extraPatch: props.extraPatch,
                           wkb: geometry.wkb, blob: geometry.shape.spatiaLiteBlob(srid: Int32(registrySRID)),
                           bounds: geometry.shape.bounds, repair: geometry.repair,
                           propertiesJSON: props.json,
                           effectiveDate: try effectiveDate(props, feature: feature.number))
    }

    /// When an insert takes effect: the feature's own date (never in the
    /// future), else the import's date, else the beginning.
    private func effectiveDate(_ props: ValidatedProperties, feature: Int) throws -> String {
        var effective = options.effectiveDate ?? ChangeStamp.beginning
        for (i, spec) in layer.properties.enumerated() where spec.kind == .date {
            guard let date = props.values[i].text else { continue }
            effective = date
            if date > today {
                throw InputError(file: file, feature: feature, code: props.code, property: spec.name,
                                 message: "\(date) is in the future")
            }
        }
        return effective
    }
}

extension Registry {
    /// The lifecycle on upsert and replace (contract §8): a risk-plot's stage
    /// changes only along the transitions `changeStage` allows, with a stage
    /// date no earlier than the current one; re-opening needs a reason, which
    /// an import cannot give.
    /// A parcel's class decided by `reclass` (soil plan task 5) is kept from
    /// files as a stage is: a file that says another class for such a
    /// parcel (last week's farmland file) is refused, naming it.
    static func classRule(file: String) -> UpdateRule {
        let classAt = Layer.farmland.properties.firstIndex { $0.name == "class" }!
        return { old, new, row, reclassified in
            guard old[classAt] != new[classAt], let decided = try reclassified() else { return }
            throw InputError(file: file, feature: row.number, code: row.code, property: "class",
                             message: "the parcel's class \(term: old[classAt].text ?? "", in: FarmlandClass.context) was decided by a reclassification of \(decided): change it with landreg reclass, not with a file")
        }
    }

    static func stageRule(file: String, date: String) -> UpdateRule {
        let specs = Layer.riskPlots.properties
        let stageAt = specs.firstIndex { $0.name == "stage" }!, dateAt = specs.firstIndex { $0.name == "stage_date" }!
        return { old, new, row, _ in
            guard let from = old[stageAt].text.flatMap(Stage.init(rawValue:)), let to = new[stageAt].text.flatMap(Stage.init(rawValue:)),
                  from != to else { return }
            func refuse(_ property: String, _ message: Phrase) -> InputError {
                InputError(file: file, feature: row.number, code: row.code, property: property, message: message)
            }
            guard from.next.contains(to) else {
                throw refuse("stage", "cannot move from \(term: from) to \(term: to); from \(term: from) the next stage is one of \(terms: from.next)")
            }
            if to == .suspected {
                throw refuse("stage", "re-opening a \(term: from) plot as suspected needs a reason, which an import cannot give: record it as a stage change with a note")
            }
            if let previous = old[dateAt].text, (new[dateAt].text ?? date) < previous {
                throw refuse("stage_date", "\(new[dateAt].text ?? date) is before the plot's current stage date \(previous)")
            }
        }
    }
}
