import Testing
@testable import StripeCore

/// The lost mark the page grid draws (`SimState.isLost`, read from a replayed state,
/// cached page or not) is exactly invariant 1's set of pages (the engine's incremental
/// audit, kept as the oracle) wherever the file is quiescent, on random scenarios.
struct LostPagesTests {
    @Test(arguments: 0..<40 as Range<UInt64>)
    func lostMarksAreRuleOnesPagesOnceQuiescent(_ seed: UInt64) throws {
        let scenario = try ScenarioParser.parse(RandomScenario.make(seed: seed, safe: seed % 2 == 0), name: "random.scn")
        let engine = Engine(scenario: scenario, keyframeInterval: 16)
        var checked = 0
        for line in scenario.lines where !engine.halted {
            engine.execute(line)
            guard let geometry = engine.state.geometry, engine.state.isQuiescent, engine.timeline.count > 0 else { continue }
            engine.updateAudit(layout: geometry)
            let replayed = engine.timeline.state(at: engine.timeline.count - 1)
            let filePages = Int((replayed.iSize + pageSize - 1) / pageSize)
            let marked = (0..<filePages).filter { replayed.isLost($0, layout: geometry, underway: !replayed.inflight.isEmpty) }
            #expect(marked == Array(engine.audit.lostPages), "seed \(seed) line \(line.line)")
            checked += 1
        }
        #expect(checked > 0, "seed \(seed): never quiescent")
    }

    /// A truncate's zeroed pages and a rewritten tail reach the replayed state's expected
    /// content as the live engine sets them.
    @Test func expectedContentReplaysAsSet() throws {
        let scenario = try ScenarioParser.parse("layout raid5 devices=3 stripe-unit=4K\nfile size=40K\nwrite 0..9\ntruncate size=10000\nwrite 12\n", name: "t.scn")
        let engine = Engine(scenario: scenario, keyframeInterval: 4)
        engine.runAll()
        for seq in [engine.timeline.count - 1, engine.timeline.count / 2] {
            let replayed = engine.timeline.state(at: seq)
            var live = engine.timeline.state(at: 0)
            for n in 1...seq { engine.timeline.apply(n, to: &live) }
            for page in 0..<16 { #expect(replayed.expected[page] == live.expected[page], "event \(seq) page \(page)") }
        }
        for page in 0..<16 { #expect(engine.timeline.state(at: engine.timeline.count - 1).expected[page] == engine.expected[page]) }
    }
}
