import Foundation

extension Registry {
    /// The batch on `checkers.count` threads, each with its own read
    /// connection and GEOS context, all on one snapshot: `first` are the
    /// proposals already read; results reach `emit` in input order, with at
    /// most 64 per worker in flight. False, having checked nothing, when
    /// the snapshots cannot be had without waiting (see `concurrentSnapshots`).
    func checkInParallel(_ reader: FeatureReader, first: [(InputFeature, Proposal)], checkers: [Checker],
                         options: CheckOptions, next: () throws -> (InputFeature, Proposal)?,
                         emit: (CheckResult) throws -> Void) throws -> Bool {
        let pipeline = OrderedParallelMap<(InputFeature, Proposal), CheckResult>(capacity: 64 * checkers.count, batch: 4)
        let inputs = try checkers.map {
            try InputGeometry(reader: reader, srid: options.srid, registrySRID: srid, geos: $0.geos, accepted: nil, policy: .reject)
        }
        let shared = UncheckedBox((checkers, inputs))
        return try store.concurrentSnapshots(checkers.count, work: { worker, snapshot in
            let checker = shared.value.0[worker], input = shared.value.1[worker]
            pipeline.serve(worker) { _, item in
                let (feature, proposal) = item
                let geometry = try input.prepare(feature.shape, feature: feature.number, code: proposal.id)
                return try checker.check(proposal, geometry, in: snapshot)
            }
        }, failed: { pipeline.fail($0) }, meanwhile: {
            defer { pipeline.close() }
            do {
                var pending = first[...]
                while let item = try pending.popFirst() ?? next() { try pipeline.submit(item, emit) }
                pipeline.close()
                while let result = try pipeline.next() { try emit(result) }
            } catch {
                // Bad input or a failing report: the workers stop at once.
                pipeline.fail(error)
                throw error
            }
        })
    }
}
