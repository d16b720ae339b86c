import Foundation
import XCTest
@testable import LandRegistry

/// The thread helpers under the batch check, the export and the import:
/// outputs come back in input order whatever the workers' timing; the first
/// failing input's error comes back in that input's place, after every
/// output before it; `fail` and `cancel` stop everything and nothing hangs.
/// Random sizes, worker counts, capacities and failures, seeded.
final class OrderedParallelMapTests: XCTestCase {
    struct Boom: Error, Equatable { let input: Int }

    func testOutputsComeInInputOrderAndTheFirstErrorInItsPlace() throws {
        var generator = SeededGenerator(seed: 20_261_203)
        for _ in 0..<60 {
            let count = Int.random(in: 0...400, using: &generator)
            let workers = Int.random(in: 1...4, using: &generator)
            let capacity = Int.random(in: 1...32, using: &generator)
            let failing = Set((0..<Int.random(in: 0...3, using: &generator)).map { _ in Int.random(in: 0...max(count, 1), using: &generator) })
            let delays = (0..<count).map { _ in UInt32.random(in: 0...50, using: &generator) }
            let map = OrderedParallelMap<Int, Int>(workers: workers, capacity: capacity) { _, input in
                usleep(delays[input])
                if failing.contains(input) { throw Boom(input: input) }
                return input * 2
            }
            var received: [Int] = []
            var thrown: Boom?
            do {
                for input in 0..<count { try map.submit(input) { received.append($0) } }
                while let output = try map.next() { received.append(output) }
            } catch let error as Boom {
                thrown = error
            }
            map.close()
            let firstFailure = failing.filter { $0 < count }.min()
            XCTAssertEqual(thrown, firstFailure.map(Boom.init), "count \(count), workers \(workers), capacity \(capacity)")
            // Every output before the failing input, in order, and none after it.
            XCTAssertEqual(received, (0..<(firstFailure ?? count)).map { $0 * 2 })
        }
    }

    func testFailStopsEverythingWithItsOwnError() throws {
        struct Stop: Error {}
        let map = OrderedParallelMap<Int, Int>(workers: 3, capacity: 1000) { _, input in
            usleep(1000)
            return input
        }
        for input in 0..<50 { try map.submit(input) { _ in } }
        map.fail(Stop())
        XCTAssertThrowsError(try map.next()) { XCTAssertTrue($0 is Stop) }
        map.close()  // returns: the workers ended
    }

    func testWorkersTheCallerRunsServeTheSameWay() throws {
        let map = OrderedParallelMap<Int, String>(capacity: 16, batch: 4)
        let group = DispatchGroup()
        for worker in 0..<2 {
            DispatchQueue.global().async(group: group) { map.serve(worker) { _, input in String(input) } }
        }
        var received: [String] = []
        for input in 0..<100 { try map.submit(input) { received.append($0) } }
        while let output = try map.next() { received.append(output) }
        map.close()
        group.wait()
        XCTAssertEqual(received, (0..<100).map(String.init))
    }

    /// The producer's error comes after every batch made before it; a
    /// cancelled producer stops (its thread ends) though nobody reads.
    func testBackgroundBatchesKeepTheOrderOfErrorsAndCancel() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<30 {
            let count = Int.random(in: 0...2000, using: &generator)
            let failAt = Bool.random(using: &generator) ? Int.random(in: 0...count, using: &generator) : nil
            let next = Counter()
            let batches = BackgroundBatches<Int>(name: "test", batchSize: Int.random(in: 1...300, using: &generator)) {
                let value = next.take()
                if value == failAt { throw Boom(input: value) }
                return value < count ? value : nil
            }
            var received: [Int] = []
            var thrown: Boom?
            do {
                while let batch = try batches.next() { received += batch; batches.recycle(batch) }
            } catch let error as Boom {
                thrown = error
            }
            XCTAssertEqual(received, Array(0..<min(count, failAt ?? count)))
            XCTAssertEqual(thrown, failAt.map(Boom.init))
        }
        let endless = BackgroundBatches<Int>(name: "endless", batchSize: 4) { 1 }
        _ = try endless.next()
        endless.cancel()  // returns: the producer, blocked on a full buffer, ended
    }
}

/// A counter the producer thread increments.
private final class Counter: @unchecked Sendable {
    private var value = 0
    func take() -> Int { defer { value += 1 }; return value }
}
