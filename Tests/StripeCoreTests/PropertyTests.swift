import Testing
@testable import StripeCore

/// Properties over many random scenarios in `profile final`.
struct PropertyTests {
    static let seeds = Array(UInt64(1)...2000)

    /// With the two fixes switched on (`pump=loop`, `placement=seed`) the final kernel has
    /// none of its hazards: no invariant breaks, 6 and 7 included.
    @Test func noInvariantBreaksWithTheFixes() throws {
        for seed in Self.seeds {
            let text = RandomScenario.make(seed: seed).replacingOccurrences(
                of: "\nlayout", with: "\nset pump=loop\nset placement=seed\nlayout")
            let t = try run(text, name: "random-\(seed).scn")
            let violations = (0..<t.count).filter { t.event($0).kind == .violation }.map { t.summary(of: $0) }
            #expect(violations.isEmpty, "seed \(seed):\n\(text)\n\(violations)")
            if !violations.isEmpty { return }
        }
    }

    @Test func everyStateIsReachableForwardAndBackward() throws {
        for seed in Self.seeds.prefix(300) {
            let scenario = try ScenarioParser.parse(RandomScenario.make(seed: seed, safe: seed % 2 == 0), name: "random")
            let t = Engine.run(scenario, keyframeInterval: 7)
            // Forward replay, one event at a time from the initial state.
            var forward: [SimState] = []
            var state = SimState()
            for seq in 0..<t.count {
                t.apply(seq, to: &state)
                forward.append(state)
            }
            // Backwards from the end, one step at a time, through keyframes.
            var back = t.state(at: t.count - 1)
            var mismatches = 0
            for seq in stride(from: t.count - 1, through: 0, by: -1) {
                if back != forward[seq] { mismatches += 1 }
                t.advance(&back, from: seq, to: seq - 1)
            }
            #expect(mismatches == 0, "seed \(seed)")
            #expect(back == SimState())
        }
    }

    @Test func runsAreDeterministic() throws {
        for seed in Self.seeds.prefix(300) {
            let text = RandomScenario.make(seed: seed, safe: false)
            let a = try run(text), b = try run(text)
            #expect(a.count == b.count)
            #expect((0..<a.count).allSatisfy { a.json(of: $0) == b.json(of: $0) }, "seed \(seed)")
        }
    }
}
