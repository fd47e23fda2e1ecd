import Testing
@testable import StripeCore

/// `SimState.writePagesInFlight`, kept as requests are submitted, complete and are cut
/// by a power failure, agrees with a walk of every request in flight (the walk the
/// counters did at every step, kept here as the oracle), on random scenarios.
struct WritePagesInFlightTests {
    @Test(arguments: 0..<30 as Range<UInt64>)
    func theCountAgreesWithAWalkOfTheRequestsInFlight(_ seed: UInt64) throws {
        var text = RandomScenario.make(seed: seed, safe: seed % 2 == 0)
        // A power cut with writes in flight: the count drops by what it cut.
        if seed % 3 == 0 { text += "\ncompletions manual\nwrite 0..5\nwritepages\npowercut landed=\(seed % 2 == 0 ? "all" : "none")\n" }
        let t = try run(text)
        var rng = SeededGenerator(state: seed ^ 0x5A5A)
        var state = t.state(at: 0)
        var seq = 0
        // Every event of a stretch (each kind of change), then jumps (keyframes).
        while seq < t.count - 1 {
            let next = min(t.count - 1, seq + (Bool.random(using: &rng) ? 1 : Int.random(in: 1...400, using: &rng)))
            t.advance(&state, from: seq, to: next)
            seq = next
            let walked = state.inflight.reduce(UInt64(0)) { total, id in
                let request = t.request(id)
                return request.isRead ? total : total + UInt64(t.entries(of: request).count)
            }
            #expect(state.writePagesInFlight == walked, "seed \(seed) at event \(seq)")
        }
    }
}
