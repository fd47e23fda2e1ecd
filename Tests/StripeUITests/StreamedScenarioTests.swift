import StripeCore
import Testing
@testable import StripeUI

/// The debugger on a scenario read as a stream (`tui FILE`): the progress line says how
/// far through the file the build is, `:` edits parse the rest first, and a bad line the
/// build reaches quits the loop with its error kept for the caller.
struct StreamedScenarioTests {
    /// A write line every other page of 12,000, opened as the TUI opens it; `tail` ends it.
    func opening(tail: String = "writepages sync\n") throws -> (DebuggerModel, EngineRun) {
        let text = "layout raid5 devices=5 stripe-unit=64K\n" + stride(from: 0, to: 12_000, by: 2).map { "write \($0)\n" }.joined() + tail
        let scenario = try ScenarioLoader.open("long.scn", bundled: [:]) { _ in Array(text.utf8) }
        #expect(!scenario.isWhole)
        let run = try EngineRun(scenario, budget: nil)
        run.build(upTo: DebuggerModel.firstFrameEvents(at: 0))
        var model = DebuggerModel(timeline: run.timeline, width: 120, height: 40)
        model.building = run
        model.buildChunk = 2_000
        return (model, run)
    }

    @Test func theProgressLineSaysHowFarThroughTheFile() throws {
        let (model, run) = try opening()
        #expect(run.commandTotal == nil)
        let status = try #require(model.view().text.firstMatch(of: /building the timeline: (\d+) events, (\d+)% of the file/))
        #expect(Int(status.1) == run.timeline.count)
        #expect(Int(status.2)! < 10, "the first frame's events are at the start of the file")
    }

    @Test func anEditParsesTheRestFirst() throws {
        var (model, run) = try opening()
        model.submitCommand("note here")
        #expect(run.timeline.scenario.isWhole)
        #expect(model.message?.isError != true, "\(model.message?.text ?? "")")
        model.finishPendingBuild()
        // The edited scenario is all of the file's lines and the note.
        #expect(model.timeline.scenario.lines.count == 6_000 + 3)
        #expect(model.timeline.scenario.lines.contains { $0.command == .note("here") })
    }

    @Test func anEditWithABadLineLaterSaysSo() throws {
        var (model, run) = try opening(tail: "writepages sync\nwrite 9..1\n")
        model.submitCommand("note here")
        #expect(model.mode == .prompt(.command, "note here"))
        #expect(model.message?.isError == true)
        #expect(model.message?.text.contains("long.scn:6003:7: page range 9..1 runs backwards") == true, "\(model.message?.text ?? "")")
        #expect(model.pendingBuild == nil && !run.isFinished)
    }

    @Test func aBadLineTheBuildReachesEndsTheLoop() throws {
        var (model, run) = try opening(tail: "writepages sync\nwrite 9..1\n")
        var backend = ScriptedBackend([])
        TerminalLoop.run(&model, on: &backend)
        #expect(backend.frames.count >= 2, "the first frame, then the build went on")
        #expect(run.parseError?.description == "long.scn:6003:7: page range 9..1 runs backwards; write the lower index first (1..9)")
        #expect(model.building === run, "the caller finds the run that stopped")
    }
}
