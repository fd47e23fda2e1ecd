import Testing
@testable import StripeUI

/// SPEC 9.1: `q` and `o` on an `[edited]` scenario ask before the edits are dropped
/// (through the run loop, as a terminal would deliver the keys).
struct UnsavedEditsTests {
    func edited(_ script: [[TerminalInput]]) throws -> (DebuggerModel, ScriptedBackend) {
        var model = DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40)
        model.files = ScenarioFiles(bundled: [("gap", "layout raid5 devices=4 stripe-unit=4K\nwrite 0\n")], read: { _ in nil }, write: { _, _ in })
        var backend = ScriptedBackend([[.key(.end)], .typed(":write 0"), [.key(.enter)]] + script)
        TerminalLoop.run(&model, on: &backend)
        return (model, backend)
    }


    @Test func quitAsksAndAnyOtherKeyKeepsTheEdits() throws {
        let (model, backend) = try edited([.typed("q"), .typed("n")])
        #expect(backend.ranOut, "q did not quit at once")
        #expect(backend.frames[backend.frames.count - 2].screen.lines.last!.hasPrefix("Quit and drop the edits not written? y drops them"))
        #expect(model.isEdited && model.mode == .normal)
        #expect(backend.frames.last!.screen.lines.last!.contains("kept the edits"))
    }

    @Test func yesQuits() throws {
        let (_, backend) = try edited([.typed("q"), .typed("y"), .typed("l")])
        #expect(!backend.ranOut && backend.unread == 1, "y quit before the next key")
    }

    @Test func openAsksAfterTheNameIsGiven() throws {
        let (model, backend) = try edited([.typed("ogap"), [.key(.enter)], .typed("n")])
        #expect(backend.frames[backend.frames.count - 2].screen.lines.last!.hasPrefix("Open gap and drop the edits not written?"))
        #expect(model.isEdited && model.timeline.scenario.name == "partial-stripe.scn")
        let (opened, _) = try edited([.typed("ogap"), [.key(.enter)], .typed("y")])
        #expect(!opened.isEdited && opened.timeline.count < 20)
    }

    @Test func aWrittenScenarioQuitsWithoutAsking() throws {
        let (_, backend) = try edited([.typed(":w /tmp/x.scn"), [.key(.enter)], .typed("q"), .typed("l")])
        #expect(!backend.ranOut && backend.unread == 1)
    }

    @Test func anUneditedScenarioQuitsAtOnce() throws {
        var model = DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40)
        var backend = ScriptedBackend([.typed("q"), .typed("l")])
        TerminalLoop.run(&model, on: &backend)
        #expect(backend.unread == 1)
    }
}
