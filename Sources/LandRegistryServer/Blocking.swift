import Foundation
import NIOPosix

/// The blocking work of a request (SQLite, GEOS, PROJ), on the server's
/// bounded pool of threads, never on an event loop; a request whose work
/// has not finished within `Service.timeLimit` is answered 503 then (the
/// work runs to its end on its thread, its answer dropped).
extension Service {
    static let timeLimit: TimeInterval = 30

    func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let answer = OneAnswer<T>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.continuation = continuation
            // The time limit, cancelled as soon as the work answers (not one live timer per request for 30 s).
            let limit = DispatchWorkItem {
                answer.give(.failure(ServiceError(status: .serviceUnavailable, code: "ServerBusy",
                                                  description: "the request took longer than \(Int(Service.timeLimit)) s")))
            }
            answer.timer = limit
            pool.submit { state in
                guard case .active = state else { return answer.give(.failure(CancellationError())) }
                answer.give(Result { try work() })
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + Service.timeLimit, execute: limit)
        }
    }
}

/// A continuation resumed once, by whichever comes first: the work or the time limit.
private final class OneAnswer<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    var continuation: CheckedContinuation<T, Error>?
    /// The time limit's work item, cancelled by the first answer.
    var timer: DispatchWorkItem?

    func give(_ result: Result<T, Error>) {
        lock.lock()
        let waiting = continuation, limit = timer
        continuation = nil
        timer = nil
        lock.unlock()
        limit?.cancel()
        waiting?.resume(with: result)
    }
}
