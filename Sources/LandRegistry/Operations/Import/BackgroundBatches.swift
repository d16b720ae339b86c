import Foundation

/// Runs a producer on its own thread, handing over batches of what it makes
/// through a small bounded buffer; the first error ends it and is thrown
/// where the consumer reaches it, after everything made before. Used
/// batches come back (`recycle`) to be freed on the thread that made them:
/// freeing another thread's memory contends for its malloc arena.
final class BackgroundBatches<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var spent: [[Element]] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private var thread: BackgroundThread!
    private let capacity = 8

    /// `produce` gives the next element, nil at the end; it runs on the new thread only.
    init(name: String, batchSize: Int = 256, _ produce: @escaping () throws -> Element?) {
        let producer = UncheckedBox(produce)
        thread = BackgroundThread(name: name, stackSize: 8 << 20) { [self] in run(producer.value, batchSize: batchSize) }
    }

    deinit { cancel() }

    private func run(_ produce: () throws -> Element?, batchSize: Int) {
        var batch: [Element] = []
        batch.reserveCapacity(batchSize)
        do {
            while let element = try produce() {
                batch.append(element)
                if batch.count == batchSize {
                    guard put(batch) else { return }
                    batch = []
                    batch.reserveCapacity(batchSize)
                }
            }
            _ = put(batch)
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        } catch {
            _ = put(batch)
            condition.lock()
            failure = error
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Adds a batch, waiting while the buffer is full; false once cancelled.
    private func put(_ batch: [Element]) -> Bool {
        var garbage: [[Element]] = []
        defer { garbage.removeAll() }  // freed here, outside the lock
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        swap(&garbage, &spent)
        if cancelled { return false }
        if !batch.isEmpty { batches.append(batch) }
        condition.broadcast()
        return true
    }

    /// The next batch; nil at the end; rethrows the producer's error once
    /// everything made before it is taken.
    func next() throws -> [Element]? {
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

    /// Hands a used batch back, to be freed by the thread that made it.
    func recycle(_ batch: consuming [Element]) {
        condition.lock()
        spent.append(batch)
        condition.unlock()
    }

    /// Stops the producer and waits for its thread to end.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        thread.join()
    }
}

/// A reader whose parsing runs ahead on its own thread, so that reading a
/// file and preparing its features use two cores. Its `declaredSRID` and
/// `warnings` are the underlying reader's (a GeoJSON file's `crs` comes before
/// its features; warnings are read once the file is done).
final class ReadAheadReader: FeatureReader, @unchecked Sendable {
    private let base: FeatureReader
    private let batches: BackgroundBatches<InputFeature>
    private var current: [InputFeature] = []
    private var position = 0

    init(_ base: FeatureReader) {
        self.base = base
        let reader = UncheckedBox(base)
        batches = BackgroundBatches(name: "landreg-read", batchSize: 128) { try reader.value.next() }
    }

    var fileName: String { base.fileName }
    var declaredSRID: Int? { base.declaredSRID }
    var warnings: [Phrase] { base.warnings }

    func next() throws -> InputFeature? {
        if position == current.count {
            batches.recycle(current)
            current = []
            guard let batch = try batches.next() else { return nil }
            (current, position) = (batch, 0)
        }
        position += 1
        // Moved out, not copied: a copy retains each of its arrays and strings, and its release follows.
        var feature = InputFeature(number: 0, properties: [], shape: nil)
        swap(&feature, &current[position - 1])
        return feature
    }

    /// Stops the reading thread (when the import fails early).
    func cancel() { batches.cancel() }
}
