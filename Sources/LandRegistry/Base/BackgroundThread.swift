import Foundation

/// A thread of its own that runs `body` once, and `join` to wait for its
/// end: the import's reader and flusher each run on one.
final class BackgroundThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var done = false

    init(name: String, stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            body()
            condition.lock()
            done = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = stackSize
        thread.name = name
        thread.start()
    }

    /// Waits until `body` has returned.
    func join() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }
}
