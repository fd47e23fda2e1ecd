import StripeCore
import Testing
@testable import StripeUI

/// A huge scenario opens at once: the first frame shows the events built so far, the
/// rest is built between key reads with a progress line, and End waits for it.
struct BackgroundBuildTests {
    /// 4,096 pages written back: about 54,000 events, built here in steps of 1,000.
    func building(firstEvents: Int = 1_000) throws -> (DebuggerModel, EngineRun) {
        let text = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..4095\nwritepages sync\n"
        let run = try EngineRun(try ScenarioParser.parse(text, name: "big.scn"), budget: nil)
        run.build(upTo: firstEvents)
        var model = DebuggerModel(timeline: run.timeline, width: 120, height: 40)
        model.building = run
        model.buildChunk = 1_000
        return (model, run)
    }

    @Test func theFirstFrameComesBeforeTheBuildEnds() throws {
        var (model, run) = try building()
        var backend = ScriptedBackend([.typed("q")])
        TerminalLoop.run(&model, on: &backend)
        let first = backend.frames[0].screen
        #expect(first.lines[0].contains("event 0/999+"))
        #expect(first.text.contains("building the timeline: 1000 events, 33% of commands"))
        #expect(backend.frames.count >= 2, "the first frame and the one when the build is done")
        #expect(run.isFinished && run.timeline.isComplete)
        #expect(!backend.frames.last!.screen.text.contains("building"))
    }

    @Test func stepsAndSearchesWorkInWhatExists() throws {
        var (model, _) = try building()
        _ = model.update(.key(.right))
        #expect(model.cursor == 1)
        _ = model.update(.key(.character("g")))
        for key in "900" { _ = model.update(.key(.character(key))) }
        _ = model.update(.key(.enter))
        #expect(model.cursor == 900)
    }

    @Test func endWaitsForTheRest() throws {
        var (model, run) = try building()
        _ = model.update(.key(.end))
        #expect(model.cursor == 999)
        #expect(model.view().text.contains("End: going to the last event when it is built"))
        var backend = ScriptedBackend([])
        TerminalLoop.run(&model, on: &backend)
        #expect(run.isFinished)
        #expect(model.cursor == run.timeline.count - 1)
        #expect(model.building == nil)
    }

    /// A `:` command that would take more than the budget says so and keeps the timeline;
    /// one that fits (the whole scenario is rebuilt with it) replaces it and ends the build
    /// under way; `u` builds the scenario before the edit again (the undo history keeps
    /// scenarios, not timelines) and End reaches its last event.
    @Test func aCommandIsBuiltWithinTheBudget() throws {
        var (model, run) = try building()
        model.budget = MemoryBudget(bytes: 1 << 20, source: "--max-memory")
        model.submitCommand("write 0..4194303")
        #expect(model.message?.isError == true)
        #expect(model.message?.text.contains("would need about") == true)
        #expect(model.timeline === run.timeline && model.pendingBuild == nil)
        model.budget = MemoryBudget(bytes: 1 << 30, source: "--max-memory")
        model.submitCommand("note fits")
        #expect(model.timeline === run.timeline, "nothing replaced until the loop builds it")
        model.finishPendingBuild()
        #expect(model.message?.isError == false)
        #expect(model.timeline !== run.timeline && model.timeline.summary(of: model.cursor).contains("note"), "\(model.timeline.summary(of: model.cursor))")
        #expect(run.isFinished && !run.timeline.isComplete, "the build under way was cancelled")
        model.undo()
        model.finishPendingBuild()
        #expect(!model.isEdited && model.timeline.scenario.lines.count == run.timeline.scenario.lines.count)
        model.mode = .normal  // as after the prompt's Enter
        _ = model.update(.key(.end))
        var backend = ScriptedBackend([])
        TerminalLoop.run(&model, on: &backend)
        #expect(model.timeline.isComplete && model.building == nil)
        #expect(model.cursor == model.timeline.count - 1)
        #expect(model.timeline.count > 50_000)
    }

    /// A poll of the terminal that finds no key `pollsPerBatch` times in a row delivers
    /// the next batch: keys arrive while the loop's idle work goes on.
    struct PollingBackend: TerminalBackend {
        var inner: ScriptedBackend
        var pollsPerBatch: Int
        var polls = 0
        var width: Int { inner.width }
        var height: Int { inner.height }

        mutating func read(timeout: Int?) -> TerminalInput? {
            if let input = inner.read(timeout: 0) { return input }
            guard timeout == 0 else { return inner.read(timeout: timeout) }
            polls += 1
            guard polls >= pollsPerBatch else { return nil }
            polls = 0
            return inner.read(timeout: 1)
        }

        mutating func draw(_ screen: Screen, full: Bool) { inner.draw(screen, full: full) }
        mutating func suspend() -> Bool { inner.suspend() }
        mutating func bell() { inner.bell() }
    }

    /// `:` on a large scenario: the loop builds the new timeline a step at a time, and a
    /// key pressed meanwhile is answered in the next frame, on the timeline shown, while
    /// the build is still under way; Esc cancels it.
    @Test func theScreenAnswersKeysWhileAnEditBuilds() throws {
        let text = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..4095\nwritepages sync\n"
        let t = Engine.run(try ScenarioParser.parse(text, name: "big.scn"))
        // At the last event: the note goes after the writeback, the whole of it is rebuilt first.
        var model = DebuggerModel(timeline: t, width: 120, height: 40, at: t.count - 1)
        model.buildChunk = 1_000
        let inner = ScriptedBackend([.typed(":note late"), [.key(.enter)], .typed("h"), .typed("h"), [.key(.escape)]])
        var backend = PollingBackend(inner: inner, pollsPerBatch: 3)
        TerminalLoop.run(&model, on: &backend)
        let frames = backend.inner.frames.map(\.screen)
        // Frames: first, the prompt, its text, Enter, then each l: one frame a key.
        let afterEnter = try #require(frames.firstIndex { $0.text.contains("building ':note late'") })
        // The frame after each h (Esc's frame says the build was cancelled).
        let steps = frames[afterEnter...].filter { !$0.text.contains("build cancelled") && ($0.lines[0].contains("event \(t.count - 2)/") || $0.lines[0].contains("event \(t.count - 3)/")) }
        // Progress redraws may repeat a frame; the keys' frames go count-2, then count-3.
        let visited = steps.map { $0.lines[0].contains("event \(t.count - 2)/") }
        #expect(visited.first == true && visited.last == false && visited.firstIndex(of: false).map { visited[$0...].allSatisfy { !$0 } } == true)
        #expect(steps.allSatisfy { $0.text.contains("building ':note late'") }, "answered while the build was under way: \(steps.map { $0.lines.last! })")
        #expect(frames.last!.text.contains("build cancelled"))
        #expect(!model.isEdited && model.pendingBuild == nil)
    }

    /// A comment or a blank line at `:` changes nothing: it says so and keeps the prompt.
    @Test func aCommentIsNotACommand() throws {
        var (model, _) = try building()
        model.submitCommand("# just a comment")
        #expect(model.message?.isError == true)
        #expect(model.message?.text.contains("expected a scenario command") == true)
        #expect(!model.isEdited)
    }
}

/// Play costs the same per tick at any timeline length: a tick looks only at the events
/// it moves over for a note or a breakpoint.
struct PlayCostTests {
    @Test func aTickLooksOnlyAtTheEventsItMovesOver() throws {
        let text = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..4095\nwritepages sync\n"
        let t = Engine.run(try ScenarioParser.parse(text, name: "big.scn"))
        var looked = 0
        let found = t.find(from: 10, .forward, upTo: 15) { _ in looked += 1; return false }
        #expect(found == nil && looked == 5)
        // Play at one event a tick, with a breakpoint nowhere to be found and no note
        // ahead, moves one event a tick and stays playing.
        var model = DebuggerModel(timeline: t, width: 120, height: 40, at: 100)
        model.breakpoints = [NumberedBreakpoint(number: 1, breakpoint: .page(1 << 40))]
        model.togglePlay()
        for _ in 0..<model.speed.ticks { _ = model.update(.tick) }
        #expect(model.cursor == 101 && model.playing)
    }
}
