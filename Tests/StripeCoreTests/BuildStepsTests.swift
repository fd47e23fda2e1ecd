import Foundation
import Testing
@testable import StripeCore

/// Building a timeline in steps, or only up to an event, gives the same events as
/// building it whole, and never more than asked for.
struct BuildStepsTests {
    static let huge = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..4194303\nwritepages sync\n"

    @Test func aBuildUpToAnEventStopsThere() throws {
        let scenario = try ScenarioParser.parse(Self.huge, name: "huge.scn")
        let timeline = try Engine.build(scenario, upTo: 11, budget: nil)
        #expect(timeline.count == 11)
        #expect(!timeline.isComplete)
        let whole = try run("layout raid5 devices=5 stripe-unit=64K\nwrite 0..3\nwritepages sync\n")
        #expect(whole.isComplete)
        for seq in 0..<11 where seq != 1 {
            #expect(timeline.event(seq).kind == whole.event(seq).kind)
        }
    }

    @Test(arguments: ["partial-stripe", "cold-cache", "stranded-fsync", "truncate-mid-stripe", "device-failure"])
    func stepsGiveTheWholeTimeline(_ name: String) throws {
        let scenario = try bundledScenario(name)
        let whole = Engine.run(scenario)
        let run = try EngineRun(scenario, budget: nil, keyframeInterval: 16)
        var steps = 0
        while !run.isFinished {
            run.build(upTo: run.timeline.count + 7)
            steps += 1
            // Between steps the timeline is a consistent prefix: replay reaches its end.
            #expect(run.timeline.state(at: run.timeline.count - 1) == Engine.run(scenario, keyframeInterval: 16).state(at: run.timeline.count - 1))
        }
        #expect(steps >= whole.count / 7)
        #expect(run.timeline.isComplete)
        #expect(run.timeline.count == whole.count)
        for seq in 0..<whole.count { #expect(run.timeline.event(seq) == whole.event(seq)) }
    }

    @Test func aCancelledRunKeepsItsPrefixAndEnds() throws {
        let run = try EngineRun(try ScenarioParser.parse(Self.huge, name: "huge.scn"), budget: nil)
        run.build(upTo: 5_000)
        let built = run.timeline.count
        run.cancel()
        #expect(run.isFinished)
        #expect(!run.timeline.isComplete)
        #expect(run.timeline.count == built)
        run.build(upTo: 10_000)
        #expect(run.timeline.count == built)
    }

    @Test func aScenarioOverTheBudgetIsTurnedAwayUpFront() throws {
        let scenario = try ScenarioParser.parse(Self.huge, name: "huge.scn")
        #expect(throws: MemoryBudget.Exceeded.self) {
            try Engine.build(scenario, budget: MemoryBudget(bytes: 100 << 20, source: "--max-memory"))
        }
    }

    @Test func theEstimateIsLowForEveryBundledScenario() throws {
        for name in ["partial-stripe", "cold-cache", "gap", "rows", "full-stripe"] {
            let scenario = try bundledScenario(name)
            #expect(Engine.estimatedEvents(of: scenario) <= Engine.run(scenario).count, "\(name)")
        }
    }
}

/// A bundled scenario, parsed.
func bundledScenario(_ name: String) throws -> Scenario {
    let url = HostileInputTests.scenarios.appendingPathComponent(name + ".scn")
    return try ScenarioParser.parse(String(contentsOf: url, encoding: .utf8), name: name + ".scn")
}
