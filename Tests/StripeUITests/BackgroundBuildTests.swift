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
    /// under way.
    @Test func aCommandIsBuiltWithinTheBudget() throws {
        var (model, run) = try building()
        model.budget = MemoryBudget(bytes: 1 << 20, source: "--max-memory")
        model.submitCommand("write 0..4194303")
        #expect(model.message?.isError == true)
        #expect(model.message?.text.contains("would need about") == true)
        #expect(model.timeline === run.timeline)
        model.budget = MemoryBudget(bytes: 1 << 30, source: "--max-memory")
        model.submitCommand("note fits")
        #expect(model.message?.isError == false)
        #expect(model.building == nil && model.timeline.isComplete)
        // The build that was under way is parked, not lost: `u` resumes it and End waits
        // for the whole original timeline.
        #expect(!run.isFinished)
        model.undo()
        #expect(model.building === run && model.timeline === run.timeline)
        model.mode = .normal  // as after the prompt's Enter
        _ = model.update(.key(.end))
        var backend = ScriptedBackend([])
        TerminalLoop.run(&model, on: &backend)
        #expect(run.isFinished && run.timeline.isComplete)
        #expect(model.cursor == run.timeline.count - 1)
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
