import Foundation

/// How a check runs.
public struct CheckOptions: Sendable {
    /// The CRS of the proposals, overriding what the file declares.
    public var srid: Int?
    /// Who ran the check, for the record.
    public var by: String
    /// Keep a record of the check in the registry.
    public var record: Bool
    /// Collect the features within this many metres of each proposal, and
    /// the geometry of every finding's feature, for maps.
    public var context: Double?
    /// How far around a proposal the HTML report's map shows the registry (m).
    public static let mapContext = 500.0
    /// What the proposals' file cannot say (a value in the file wins).
    public var defaults: ProposalDefaults
    /// The date the check was made, when it is recorded later (YYYY-MM-DD,
    /// not in the future); nil: today. A permit rests on a check made on or
    /// before its date.
    public var date: String?
    /// The name the proposals' file is recorded and named by in messages
    /// (nil: the path it was read from) — a service reads an upload from a
    /// temporary file the client never saw.
    public var file: String?

    public init(srid: Int? = nil, by: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown", record: Bool = true,
                context: Double? = nil, defaults: ProposalDefaults = ProposalDefaults(), date: String? = nil) {
        self.date = date
        self.srid = srid
        self.by = by
        self.record = record
        self.context = context
        self.defaults = defaults
    }
}

extension Registry {
    /// Checks every proposal of `reader` against the rule table, streaming:
    /// `each` receives each result as soon as it is known. Bad input stops
    /// the batch with an `InputError` and no record is written. `each` runs
    /// inside the batch's read snapshot: it must not write to the registry.
    @discardableResult
    public func check(_ reader: FeatureReader, options: CheckOptions = CheckOptions(),
                      each: (CheckResult) throws -> Void) throws -> CheckSummary {
        let date = try options.date.map { try checkDate($0) }
        let checker = try Checker(registry: self, context: options.context)
        var summary = CheckSummary()
        var ids = Set<String>()
        let fileName = options.file ?? reader.fileName
        let recorder = options.record ? CheckRecorder(registry: store, file: fileName, by: options.by, date: date) : nil
        func next() throws -> (InputFeature, Proposal)? {
            guard let feature = try reader.next() else { return nil }
            var proposal = try Proposal(feature, file: fileName, defaults: options.defaults)
            if let fields = reader.fieldNames {
                proposal.assumed = Set(RuleTable.unsaid.map(\.property).filter { proposal.sources[$0] == .default && !fields.contains($0) })
            }
            guard ids.insert(proposal.id).inserted else {
                throw InputError(file: fileName, feature: feature.number, code: proposal.id, property: "id",
                                 message: "duplicate proposal id in the file")
            }
            return (feature, proposal)
        }
        func emit(_ result: CheckResult) throws {
            summary.add(result.verdict)
            recorder?.add(result)
            try each(result)
        }
        // A batch large enough to share out goes to every core; a few
        // proposals are checked here, without opening more connections.
        var first: [(InputFeature, Proposal)] = []
        while first.count < Registry.parallelBatch, let item = try next() { first.append(item) }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        var shared = false
        if first.count == Registry.parallelBatch && workers > 1 {
            let checkers = try [checker] + (1..<workers).map { _ in try Checker(registry: self, context: options.context, thresholds: checker.thresholds) }
            shared = try checkInParallel(reader, first: first, checkers: checkers, options: options, next: next, emit: emit)
        }
        if !shared {
            var input: InputGeometry?
            // One snapshot for the whole batch: every proposal sees the same registry.
            try plainSnapshot { snapshot in
                var pending = first[...]
                while let (feature, proposal) = try pending.popFirst() ?? next() {
                    if input == nil {
                        input = try InputGeometry(reader: reader, srid: options.srid, registrySRID: srid, geos: checker.geos,
                                                  accepted: nil, policy: .reject)
                    }
                    let geometry = try input!.prepare(feature.shape, feature: feature.number, code: proposal.id)
                    try emit(try checker.check(proposal, geometry, in: snapshot))
                }
            }
        }
        try recorder?.finish(summary)
        return summary
    }

    /// Batches of at least this many proposals are checked on every core.
    static let parallelBatch = 48

    /// Checks one proposal whose geometry is built in code, in the CRS
    /// `srid` (CGCS2000 lon/lat unless said otherwise), against the rule
    /// table; recorded like a file's check when `options.record`.
    public func check(_ proposal: Proposal, geometry: Shape, srid inputSRID: Int = CRS.lonLat,
                      options: CheckOptions = CheckOptions()) throws -> CheckResult {
        let date = try options.date.map { try checkDate($0) }
        let checker = try Checker(registry: self, context: options.context)
        let name = "proposal \(proposal.id)"
        let transformer = try Transformer.forInput(srid: inputSRID, declared: nil, registrySRID: srid, file: name)
        let input = InputGeometry(transformer: transformer, geos: checker.geos, file: name, accepted: nil, policy: .reject,
                                  crsKnown: true)
        let prepared = try input.prepare(geometry, feature: proposal.number, code: proposal.id)
        let result = try plainSnapshot { try checker.check(proposal, prepared, in: $0) }
        if options.record {
            let recorder = CheckRecorder(registry: store, file: name, by: options.by, date: date)
            recorder.add(result)
            var summary = CheckSummary()
            summary.add(result.verdict)
            try recorder.finish(summary)
        }
        return result
    }
}
