import StripeCore
import Testing
@testable import StripeUI

/// The split screen opens on world A and builds B behind it: the first frame comes
/// before B is built, keys that need no alignment work meanwhile, and once both are
/// built the screen is the one a comparison built up front draws.
struct CompareBackgroundBuildTests {
    /// 4,096 pages written back (about 54,000 events a world), B without r4w.
    static func pair() throws -> WorldPair {
        let text = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..4095\nwritepages sync\n"
        return try WorldPair(a: ScenarioParser.parse(text, name: "big.scn"), commands: "set r4w=off")
    }

    static func opening(width: Int = 160, height: Int = 48) throws -> CompareModel {
        var model = try CompareModel(opening: pair(), budget: nil, width: width, height: height)
        model.a.buildChunk = 5_000
        return model
    }

    /// B's event count on a frame's progress line, if it has one.
    static func eventsBuilt(_ screen: Screen) -> Int? {
        guard let match = screen.text.firstMatch(of: /world B: building, (\d+) events/) else { return nil }
        return Int(match.1)
    }

    @Test func theFirstFrameComesBeforeWorldBIsBuilt() throws {
        var model = try Self.opening(width: 120, height: 40)
        // Two steps and `d` typed while the worlds build: answered before B is built; two
        // steps back once it is.
        var backend = ScriptedBackend(width: 120, height: 40, waiting: [.key(.right), .key(.right), .key(.character("d"))],
                                      [.typed("h"), .typed("h")])
        TerminalLoop.run(&model, on: &backend)
        let comparison = try #require(model.comparison)
        let answered = backend.frames[1].screen
        #expect(answered.text.contains("A ▶ event 2/"))
        #expect(answered.lines.last!.hasPrefix("world B is still building"))
        #expect(try #require(Self.eventsBuilt(answered)) < comparison.b.count / 10)
        let first = backend.frames[0].screen
        let built = try #require(Self.eventsBuilt(first), "the first frame says how far B is")
        #expect(built < comparison.b.count / 10, "B had \(built) of \(comparison.b.count) events at the first frame")
        #expect(first.text.contains("world B is still building"))
        // World A's first events are drawn: more than its pane shows, far from all of them.
        let shownA = try #require(first.text.firstMatch(of: /A ▶ event 0\/(\d+) │/).flatMap { Int($0.1) }, "world A's first events are drawn")
        #expect(shownA >= 40 && shownA < comparison.a.count / 10, "A had \(shownA + 1) of \(comparison.a.count) events at the first frame")
        #expect(shownA == DebuggerModel.firstFrameEvents - 1, "world A opened at its start has the events its first frame needs")
        #expect(first.lines[0].contains("│ B building"))
        #expect(backend.frames.count >= 3, "progress frames while the worlds build")
        // B stood at the event aligned with A's when it was built (A's event 2); A stepped
        // back alone: the comparison built up front, opened at event 2, draws the same.
        var upFront = CompareModel(comparison: Comparison(try Self.pair()), width: 120, height: 40, at: 2)
        for key in [Key.character("h"), .character("h")] { _ = upFront.update(.key(key)) }
        #expect(model.a.cursor == 0 && model.b.cursor == upFront.b.cursor && model.b.cursor > 0)
        let same = backend.frames.last!.screen == upFront.view()
        #expect(same, "\(backend.frames.last!.screen.text)\n\(upFront.view().text)")
    }

    @Test func keysAreAnsweredWhileWorldBBuilds() throws {
        var model = try Self.opening()
        var runner = EffectRunner()
        let started = runner.runPending(&model)
        #expect(started)
        for msg in runner.step(chunk: model.buildChunk) {
            let going = model.update(msg)
            #expect(going)
        }
        #expect(model.comparison == nil && !model.b.timeline.isComplete)
        // B starts once A is built: each build's memory is measured alone.
        #expect(model.a.building != nil && model.b.timeline.count == 0)
        #expect(model.view().text.contains("(after world A: \(model.a.timeline.count) events so far)"))
        for key in ["d", "}", "]"] {
            _ = model.update(.key(.character(Character(key))))
            #expect(model.message?.text.hasPrefix("world B is still building") == true, "\(key)")
        }
        _ = model.update(.key(.tab))
        #expect(model.focus == .a)
        _ = model.update(.key(.right))
        _ = model.update(.key(.right))
        #expect(model.a.cursor == 2)
        let screen = model.view()
        #expect(Self.eventsBuilt(screen) == model.b.timeline.count)
        #expect(screen.text.contains("A/B now: world B is still building"))
        let finished = runner.finish(&model)
        #expect(finished)
        let comparison = try #require(model.comparison)
        #expect(model.a.cursor == 2 && model.b.cursor == comparison.event(alignedWith: 2, inA: true))
        #expect(Self.eventsBuilt(model.view()) == nil)
        _ = model.update(.key(.character("}")))
        #expect(model.message?.text.hasPrefix("both worlds at") == true)
    }

    /// Each world has half the budget: a scenario whose estimate passes it stops before
    /// the first frame, saying which budget.
    @Test func eachWorldBuildsWithinHalfTheBudget() throws {
        let budget = MemoryBudget(bytes: 1 << 20, source: "--max-memory")
        #expect {
            _ = try CompareModel(opening: Self.pair(), budget: budget, width: 160, height: 48)
        } throws: { error in
            "\(error)".contains("half of --max-memory, for each world")
        }
    }
}
