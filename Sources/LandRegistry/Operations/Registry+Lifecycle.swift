/// The lifecycle of risk-plots and farmland, and the permits given after a
/// check: the rules of each change (contract §3), applied before the
/// storage writes it with its history row.
extension Registry {
    /// Moves a risk-plot to `stage`, allowing only the lifecycle's
    /// transitions; records the change with its date, document, author and
    /// note. Throws a `RuleViolation` (and changes nothing) otherwise.
    public func changeStage(code: String, to stage: Stage, date: String, doc: String? = nil, by: String,
                            note: String? = nil, expected: ExpectedVersion? = nil) throws {
        let date = try checkDate(date)
        let stamp = ChangeStamp(effective: date, by: by, command: "stage \(stage.rawValue)", doc: doc, note: note)
        try store.updateStage(code: code, to: stage, stamp: stamp, expected: expected) { current, latest in
            func refuse(_ property: String?, _ message: Phrase, _ remedy: Remedy? = nil) -> RuleViolation {
                RuleViolation(subject: Layer.riskPlots.rawValue, code: code, property: property, message: message, remedy: remedy)
            }
            guard let current else { throw refuse(nil, "no risk-plot has this code") }
            let from = Stage(rawValue: current.stage) ?? .suspected
            guard from.next.contains(stage) else {
                throw refuse("stage", "cannot move from \(term: from) to \(term: stage); from \(term: from) the next stage is one of \(terms: from.next)")
            }
            if stage == .suspected && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw refuse("stage", "re-opening a \(term: from) plot as suspected needs a reason (a note)", .giveReason)
            }
            if let previous = current.date, date < previous {
                throw refuse("stage_date", "\(date) is before the plot's current stage date \(previous)")
            }
            try Registry.inDateOrder(date, after: latest, layer: .riskPlots, code: code)
        }
    }

    /// Refuses a change that would take effect before the feature's latest
    /// recorded one: the history is entered in date order, so the registry
    /// now is always its history replayed as of today (README, "One history").
    static func inDateOrder(_ date: String, after latest: String?, layer: Layer, code: String) throws {
        guard let latest, date < latest else { return }
        throw RuleViolation(subject: layer.rawValue, code: code, property: "date",
                            message: ChangeStamp.outOfOrder(date, after: latest))
    }

    /// Adjusts the soil-quality class of a farmland parcel (soil plan task 5).
    public func reclassify(code: String, to farmlandClass: FarmlandClass, date: String, basis: String?, by: String) throws {
        let date = try checkDate(date)
        let stamp = ChangeStamp(effective: date, by: by, command: "reclass", doc: basis)
        _ = try store.updateClasses([(code, farmlandClass)], stamp: stamp) { _, current, latest in
            guard let current else {
                throw RuleViolation(subject: Layer.farmland.rawValue, code: code, message: "no farmland parcel has this code")
            }
            if current == farmlandClass.rawValue {
                throw RuleViolation(subject: Layer.farmland.rawValue, code: code, property: "class",
                                    message: "the parcel is already \(term: farmlandClass)")
            }
            try Registry.inDateOrder(date, after: latest, layer: .farmland, code: code)
        }
    }

    /// Adjusts many parcels at once, all or nothing: `changes` are (code,
    /// class) pairs, e.g. from a file; parcels that already have their
    /// class are left alone. Returns how many changed.
    @discardableResult
    public func reclassify(_ changes: [(code: String, farmlandClass: FarmlandClass)], date: String, basis: String?, by: String,
                           file: String) throws -> Int {
        let date = try checkDate(date)
        let stamp = ChangeStamp(effective: date, by: by, command: "reclass", doc: basis)
        return try store.updateClasses(changes, stamp: stamp) { index, current, latest in
            if current == nil {
                throw InputError(file: file, feature: index + 1, code: changes[index].code, message: "no farmland parcel with this code")
            }
            if let latest, date < latest {
                throw InputError(file: file, feature: index + 1, code: changes[index].code, property: "date",
                                 message: ChangeStamp.outOfOrder(date, after: latest))
            }
        }
    }

    /// Records that a checked proposal was approved; refers to its latest
    /// check. A proposal whose latest check was `block` is recorded only with
    /// a note giving the reason (and the review flags it); the same permit
    /// (proposal and kind) twice is refused.
    @discardableResult
    public func recordPermit(proposalID: String, kind: ProposalAction, date: String, by: String, note: String? = nil) throws -> Int64 {
        let date = try checkDate(date)
        guard [.supply, .useChange, .planningPermit].contains(kind) else {
            throw InvalidArgument(.permitKind, "a permit is for supply, use_change or planning_permit")
        }
        let reason = note?.trimmingCharacters(in: .whitespaces).isEmpty == false ? note : nil
        return try store.insertPermit(proposalID: proposalID, kind: kind, date: date, by: by, note: reason) { latest, first, earlier in
            func refuse(_ message: Phrase, _ remedy: Remedy? = nil) -> RuleViolation {
                RuleViolation(subject: "proposal", code: proposalID, message: message, remedy: remedy)
            }
            guard let first else { throw refuse("never checked; check it first") }
            guard let latest else {
                throw refuse("first checked on \(first), after the permit's date \(date): a permit rests on a check made on or before its date (a check made then is recorded with its date)")
            }
            if let earlier { throw refuse("already has a \(term: kind) permit, of \(earlier)") }
            if latest.verdict == Severity.block.rawValue && reason == nil {
                throw refuse("its latest check (\(latest.id)) was block: a permit needs the reason", .giveReason)
            }
        }
    }
}

extension Registry {
    /// Removes features from a layer, all or nothing, each recorded in the
    /// history with its date, author and note (contract §8). A code that no
    /// feature has, or given twice, a date before the feature's latest
    /// recorded change, or a risk-plot on the risk list or unresolved
    /// without a note giving the reason, changes nothing.
    @discardableResult
    public func delete(_ layer: Layer, codes: [String], date: String, by: String, note: String? = nil,
                       expected: ExpectedVersion? = nil) throws -> Int {
        let date = try checkDate(date)
        var seen = Set<String>()
        let reason = note?.trimmingCharacters(in: .whitespaces).isEmpty == false ? note : nil
        let stamp = ChangeStamp(effective: date, by: by, command: "delete", note: reason)
        return try store.deleteFeatures(layer, codes: codes, stamp: stamp, expected: expected) { code, exists, stage, latest in
            guard seen.insert(code).inserted else {
                throw RuleViolation(subject: layer.rawValue, code: code, message: "given twice")
            }
            guard exists else { throw RuleViolation(subject: layer.rawValue, code: code, message: "no feature of the layer has this code") }
            if let stage = stage.flatMap(Stage.init(rawValue:)), stage.needsReasonToRemove, reason == nil {
                throw RuleViolation(subject: layer.rawValue, code: code, property: "stage",
                                    message: "the plot is \(term: stage): removing it from the registry needs the reason", remedy: .giveReason)
            }
            try Registry.inDateOrder(date, after: latest, layer: layer, code: code)
        }
    }
}
