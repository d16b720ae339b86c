import Foundation

/// Runs a `FeaturePreparer` on its own thread, handing over batches of rows
/// through a small bounded buffer; the first error ends it.
final class RowPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[StorableRow]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private var threadDone = false
    private let capacity = 8
    private let batchSize = 256

    init(_ preparer: FeaturePreparer) {
        let thread = Thread { [self] in
            produce(preparer)
            condition.lock()
            threadDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { cancel() }

    private func produce(_ preparer: FeaturePreparer) {
        var batch: [StorableRow] = []
        batch.reserveCapacity(batchSize)
        do {
            while let row = try preparer.next() {
                batch.append(row)
                if batch.count == batchSize {
                    guard put(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = put(batch)
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        } catch {
            condition.lock()
            failure = error
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Adds a batch, waiting while the buffer is full; false once cancelled.
    private func put(_ batch: [StorableRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        if !batch.isEmpty { batches.append(batch) }
        condition.broadcast()
        return true
    }

    /// The next batch; nil at the end; rethrows the preparer's error.
    func next() throws -> [StorableRow]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && failure == nil { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer and waits for its thread to end.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !threadDone { condition.wait() }
        condition.unlock()
    }
}
