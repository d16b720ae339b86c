import Foundation

/// Maps inputs to outputs on worker threads and hands the outputs back in
/// input order: the caller submits and collects on its own thread (with at
/// most `capacity` inputs in flight, so memory stays bounded), the workers
/// transform. Workers are threads of its own (`init(workers:…)`) or threads
/// the caller runs that call `serve` (the check's, each inside its own read
/// transaction). A transform gets the worker's number, for what a worker
/// owns (a PROJ context, a GEOS context). The first error a transform
/// throws comes back from `next` in its input's place; `fail` stops
/// everything with an error that belongs to no input.
final class OrderedParallelMap<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    /// The queue; a taken input is moved out (nil), so that no worker holds
    /// the queue's storage — an append would then copy all of it.
    private var inputs: [(Int, Input)?] = []
    private var head = 0
    private var outputs: [Int: Result<Output, any Error>] = [:]
    private var closed = false
    private var failure: (any Error)?
    private var submitted = 0
    private var collected = 0
    private var threads = 0
    let capacity: Int
    /// How many inputs a worker takes at a time (fewer wake-ups).
    private let batch: Int

    /// For workers the caller runs (see `serve`).
    init(capacity: Int, batch: Int = 1) {
        self.capacity = capacity
        self.batch = batch
    }

    /// With `workers` threads of its own.
    convenience init(workers: Int, capacity: Int, transform: @escaping @Sendable (Int, Input) throws -> Output) {
        self.init(capacity: capacity)
        threads = workers
        for worker in 0..<workers {
            let thread = Thread { [self] in
                serve(worker, transform)
                condition.lock()
                threads -= 1
                condition.broadcast()
                condition.unlock()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    deinit { close() }

    /// A worker's loop: transforms inputs until the map is closed and drained.
    func serve(_ worker: Int, _ transform: (Int, Input) throws -> Output) {
        while case let items = take(), !items.isEmpty {
            for (index, input) in items {
                let output = Result { try transform(worker, input) }
                condition.lock()
                outputs[index] = output
                if index == collected { condition.broadcast() }
                condition.unlock()
            }
        }
    }

    private func take() -> [(Int, Input)] {
        condition.lock(); defer { condition.unlock() }
        while head == inputs.count && !closed { condition.wait() }
        guard head < inputs.count, failure == nil else { return [] }
        let count = min(batch, inputs.count - head)
        var items: [(Int, Input)] = []
        items.reserveCapacity(count)
        for i in head..<(head + count) { items.append(inputs[i].take()!) }
        head += count
        if head > 256 { inputs.removeFirst(head); head = 0 }
        return items
    }

    /// Adds an input; when `capacity` are in flight, first hands back the
    /// oldest outputs to `body`.
    func submit(_ input: Input, _ body: (Output) throws -> Void) throws {
        condition.lock()
        inputs.append((submitted, input))
        submitted += 1
        if inputs.count - head <= batch { condition.broadcast() }
        condition.unlock()
        while submitted - collected >= capacity, let output = try next() { try body(output) }
    }

    /// The next output in input order (waiting for it); nil when every
    /// submitted input has been handed back.
    func next() throws -> Output? {
        condition.lock(); defer { condition.unlock() }
        guard collected < submitted else { return nil }
        while outputs[collected] == nil && failure == nil { condition.wait() }
        if let failure { throw failure }
        let output = outputs.removeValue(forKey: collected)!
        collected += 1
        return try output.get()
    }

    /// Stops everything: queued inputs are dropped, `next` throws `error`.
    func fail(_ error: any Error) {
        condition.lock()
        if failure == nil { failure = error }
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// No more inputs: the workers end once the queue is empty (its own
    /// threads are waited for).
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while threads > 0 { condition.wait() }
        condition.unlock()
    }
}

/// A value handed to worker threads that only read it (or each use only
/// their own part of it: one PROJ or GEOS context per worker).
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
