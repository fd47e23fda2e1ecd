import Testing
@testable import StripeCore

/// Cost in work units, not wall time: the events a build makes and the bytes its timeline
/// holds (keyframes included, shared chunks once) grow in proportion to the pages of
/// each workload. Once an array copied into every keyframe made the many-group-I/O
/// workload quadratic, and a scan of the cache after every command made many small
/// commands so.
struct ScalingTests {
    @Test(arguments: BenchWorkload.allCases)
    func doublingThePagesDoublesTheCost(_ workload: BenchWorkload) throws {
        let name = workload.rawValue
        let small = try run(workload.scenario(pages: 16384))
        let large = try run(workload.scenario(pages: 32768))
        let events = Double(large.count) / Double(small.count)
        let bytes = Double(large.heldBytes) / Double(small.heldBytes)
        #expect((1.8...2.2).contains(events), "\(name): events \(small.count) → \(large.count)")
        #expect((1.8...2.2).contains(bytes), "\(name): bytes \(small.heldBytes) → \(large.heldBytes)")
    }

    /// Every workload costs about what the sequential writeback costs, per event.
    @Test func bytesPerEventStayNearTheSequentialWriteback() throws {
        let perEvent = try BenchWorkload.allCases.map { workload in
            let timeline = try run(workload.scenario(pages: 16384))
            return Double(timeline.heldBytes) / Double(timeline.count)
        }
        for (n, bytes) in perEvent.enumerated() {
            #expect(bytes <= 2 * perEvent[0], "\(BenchWorkload.allCases[n].rawValue): \(bytes) bytes an event against \(perEvent[0])")
        }
    }
}
