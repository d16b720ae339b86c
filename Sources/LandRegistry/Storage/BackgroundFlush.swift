import Foundation

/// Asks the kernel, every `interval`, to write a file's dirty pages to the
/// disk (`fdatasync` on a descriptor of its own) while a long write goes on,
/// so that the commit's own sync finds little left to write: the disk works
/// while the CPUs do. Changes nothing about what is durable when: SQLite
/// still syncs the journal and the file itself at the commit.
final class BackgroundFlush: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var thread: BackgroundThread!
    private let descriptor: Int32

    /// Nil when the file cannot be opened (the import then goes on without).
    init?(path: String, interval: TimeInterval = 0.25) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        thread = BackgroundThread(name: "landreg-flush") { [self] in
            condition.lock()
            while !stopped {
                condition.unlock()
                _ = fdatasync(descriptor)
                condition.lock()
                if !stopped { _ = condition.wait(until: Date(timeIntervalSinceNow: interval)) }
            }
            condition.unlock()
        }
    }

    /// Ends the flushing and waits for its thread.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        thread.join()
        close(descriptor)
    }
}
