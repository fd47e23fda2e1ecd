import StripeAssets
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

    /// Every bundled scenario (a few over the first frame's events) and a few thousand
    /// events' one, opened as `tui` opens them: the first frame builds only what it
    /// shows, and one turn of the loop later the screen is the one the whole timeline draws.
    @Test func aSmallScenarioIsWholeOneTurnAfterTheFirstFrame() throws {
        let medium = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..255\nwritepages sync\n"
        for (name, text) in BundledScenarios.all + [("medium", medium)] {
            let scenario = try ScenarioLoader.open(name, bundled: [name: text]) { _ in nil }
            let run = try EngineRun(scenario, budget: nil)
            run.build(upTo: DebuggerModel.firstFrameEvents(at: 0))
            var model = DebuggerModel(timeline: run.timeline, width: 120, height: 40)
            model.building = run.isFinished ? nil : run
            var backend = ScriptedBackend([])
            TerminalLoop.run(&model, on: &backend)
            let whole = Engine.run(try ScenarioParser.parse(text, name: "\(name).scn"))
            #expect(run.isFinished && run.timeline.count == whole.count, "\(name)")
            #expect(backend.frames.count <= 2, "\(name): the first frame, then the whole one")
            let expected = DebuggerModel(timeline: whole, width: 120, height: 40).view()
            #expect(backend.frames.last?.screen == expected, "\(name)")
        }
    }

    /// The estimate up front covers the opening only; the checks while building catch
    /// the rest, with their usual message.
    @Test func theBudgetStopsAStreamedBuild() throws {
        // The opening (the first 4 KiB) is 600 one-page writes' worth, well in the budget; the
        // 1 GiB write past it grows the process by far more than any freed memory the
        // allocator could hand back (the check measures the resident set).
        let text = "layout raid5 devices=5 stripe-unit=64K\n" + String(repeating: "write 0\n", count: 600) + "write 0..262143\nwritepages sync\n"
        let scenario = try ScenarioLoader.open("long.scn", bundled: [:]) { _ in Array(text.utf8) }
        let run = try EngineRun(scenario, budget: MemoryBudget(bytes: 1 << 20, source: "--max-memory"))
        run.finish()
        #expect(run.failure?.description.contains("over the budget of 1M (--max-memory)") == true, "\(run.failure?.description ?? "no failure")")
        #expect(!run.timeline.isComplete)
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
