import Foundation

/// Transformers made once and lent out, one borrower at a time: making one
/// (a PROJ context and its operation) costs about what transforming a page
/// of features does, and a feature service transforms a page per request.
final class TransformerPool: @unchecked Sendable {
    static let shared = TransformerPool()

    private struct Pair: Hashable {
        let source: Int
        let target: Int
    }

    private let lock = NSLock()
    private var idle: [Pair: [Transformer]] = [:]
    /// Idle transformers kept for each pair of CRSs (more are made when more borrow at once, then dropped).
    private let kept = 16

    /// Runs `body` with a transformer from `source` to `target` that no one else uses meanwhile.
    func with<T>(from source: Int, to target: Int, _ body: (Transformer) throws -> T) throws -> T {
        let pair = Pair(source: source, target: target)
        lock.lock()
        let lent = idle[pair]?.popLast()
        lock.unlock()
        let transformer = try lent ?? Transformer(from: source, to: target)
        defer {
            lock.lock()
            if idle[pair, default: []].count < kept { idle[pair, default: []].append(transformer) }
            lock.unlock()
        }
        return try body(transformer)
    }
}
