import Foundation

/// Maps inputs to outputs on `workers` threads and hands the outputs back
/// in input order: the caller submits and collects on its own thread (with
/// at most `capacity` inputs in flight, so memory stays bounded), the
/// workers transform. `transform` gets the worker's number (for what a
/// worker owns: a PROJ context, a GEOS context). The first error a
/// transform throws comes back from `next` in its input's place.
final class OrderedParallelMap<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var inputs: [(Int, Input)] = []
    private var head = 0
    private var outputs: [Int: Result<Output, any Error>] = [:]
    private var closed = false
    private var submitted = 0
    private var collected = 0
    private var threads = 0
    let capacity: Int

    init(workers: Int, capacity: Int, transform: @escaping @Sendable (Int, Input) throws -> Output) {
        self.capacity = capacity
        threads = workers
        for worker in 0..<workers {
            let thread = Thread { [self] in
                while let (index, input) = take() {
                    let output = Result { try transform(worker, input) }
                    condition.lock()
                    outputs[index] = output
                    if index == collected { condition.broadcast() }
                    condition.unlock()
                }
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

    private func take() -> (Int, Input)? {
        condition.lock(); defer { condition.unlock() }
        while head == inputs.count && !closed { condition.wait() }
        guard head < inputs.count else { return nil }
        defer {
            head += 1
            if head > 256 { inputs.removeFirst(head); head = 0 }
        }
        return inputs[head]
    }

    /// Adds an input; when `capacity` are in flight, first hands back the
    /// oldest output to `body`.
    func submit(_ input: Input, _ body: (Output) throws -> Void) throws {
        condition.lock()
        inputs.append((submitted, input))
        submitted += 1
        condition.broadcast()
        condition.unlock()
        while submitted - collected >= capacity, let output = try next() { try body(output) }
    }

    /// The next output in input order (waiting for it); nil when every
    /// submitted input has been handed back.
    func next() throws -> Output? {
        condition.lock(); defer { condition.unlock() }
        guard collected < submitted else { return nil }
        while outputs[collected] == nil { condition.wait() }
        let output = outputs.removeValue(forKey: collected)!
        collected += 1
        return try output.get()
    }

    /// No more inputs: the workers end once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while threads > 0 { condition.wait() }
        condition.unlock()
    }
}
