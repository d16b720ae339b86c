import Foundation

/// Proposals handed to worker threads and their results handed back, in
/// input order, with at most `capacity` in flight (bounded memory).
final class CheckPipeline: @unchecked Sendable {
    struct Item {
        let index: Int
        let feature: InputFeature
        let proposal: Proposal
    }

    private let condition = NSCondition()
    private var queue: [Item] = []
    private var head = 0
    private var results: [Int: Result<CheckResult, any Error>] = [:]
    private var closed = false
    private var failure: (any Error)?
    /// The result the reading thread waits for (to wake it only for that one).
    private var awaited = -1
    let capacity: Int
    /// Each worker's input step (made by the reading thread before the first item).
    var inputs: [InputGeometry] = []

    init(capacity: Int) { self.capacity = capacity }

    func submit(_ item: Item) {
        condition.lock()
        queue.append(item)
        if queue.count - head == 1 { condition.broadcast() }
        condition.unlock()
    }

    /// The next items for a worker (a few at a time, fewer wake-ups); empty
    /// once closed and drained.
    func take() -> [Item] {
        condition.lock(); defer { condition.unlock() }
        while head == queue.count && !closed { condition.wait() }
        guard head < queue.count, failure == nil else { return [] }
        let count = min(4, queue.count - head)
        defer {
            head += count
            if head > 1024 { queue.removeFirst(head); head = 0 }
        }
        return Array(queue[head..<(head + count)])
    }

    func complete(_ index: Int, _ result: Result<CheckResult, any Error>) {
        condition.lock()
        results[index] = result
        if index == awaited || closed { condition.broadcast() }
        condition.unlock()
    }

    /// The result of item `index`, waiting for it when `wait`; a worker's
    /// failure outside any item is thrown.
    func result(_ index: Int, wait: Bool) throws -> Result<CheckResult, any Error>? {
        condition.lock(); defer { condition.unlock() }
        awaited = index
        while wait && results[index] == nil && failure == nil { condition.wait() }
        awaited = -1
        if let failure { throw failure }
        return results.removeValue(forKey: index)
    }

    /// No more items (workers finish what is queued, then stop).
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops everything: a worker could not go on.
    func fail(_ error: any Error) {
        condition.lock()
        if failure == nil { failure = error }
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

extension Registry {
    /// The batch on `checkers.count` threads, each with its own read
    /// connection and GEOS context, all on one snapshot: `first` are the
    /// proposals already read; results reach `emit` in input order.
    func checkInParallel(_ reader: FeatureReader, first: [(InputFeature, Proposal)], checkers: [Checker],
                         options: CheckOptions, next: () throws -> (InputFeature, Proposal)?,
                         emit: (CheckResult) throws -> Void) throws {
        let pipeline = CheckPipeline(capacity: 64 * checkers.count)
        pipeline.inputs = try checkers.map {
            try InputGeometry(reader: reader, srid: options.srid, registrySRID: srid, geos: $0.geos, accepted: nil, policy: .reject)
        }
        let shared = UncheckedBox(checkers)
        try concurrentSnapshots(checkers.count, work: { worker, snapshot in
            let checker = shared.value[worker], input = pipeline.inputs[worker]
            while case let items = pipeline.take(), !items.isEmpty {
                for item in items {
                    pipeline.complete(item.index, Result {
                        let geometry = try input.prepare(item.feature.shape, feature: item.feature.number, code: item.proposal.id)
                        return try checker.check(item.proposal, geometry, in: snapshot)
                    })
                }
            }
        }, failed: { pipeline.fail($0) }, meanwhile: {
            defer { pipeline.close() }
            var submitted = 0, emitted = 0
            func drain(waitingFor target: Int) throws {
                while emitted < submitted, let result = try pipeline.result(emitted, wait: emitted < target) {
                    emitted += 1
                    do {
                        try emit(try result.get())
                    } catch {
                        pipeline.fail(error)
                        throw error
                    }
                }
            }
            var pending = first[...]
            while let (feature, proposal) = try pending.popFirst() ?? next() {
                pipeline.submit(CheckPipeline.Item(index: submitted, feature: feature, proposal: proposal))
                submitted += 1
                try drain(waitingFor: submitted - pipeline.capacity)
            }
            pipeline.close()
            try drain(waitingFor: submitted)
        })
    }
}

/// A value handed to worker threads that only read it.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
