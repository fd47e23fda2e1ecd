import Testing
import StripeCore
@testable import StripeUI

/// The crash browser through the terminal protocol: `x` opens it at the cursor, its own
/// keys choose a state and a failed device, Esc goes back to the same event.
struct CrashBrowserTests {
    /// raid5 over 3 devices of 4K units, a 16K file; page 0's data (dev 0) and parity
    /// (dev 2) in flight at the end.
    static let torn = """
        title torn stripe
        layout raid5 devices=3 stripe-unit=4K
        file size=16K
        completions manual
        write 0
        writepages
        """

    func model() throws -> DebuggerModel {
        let timeline = Engine.run(try ScenarioParser.parse(Self.torn, name: "torn.scn"))
        return DebuggerModel(timeline: timeline, width: 120, height: 40, at: timeline.count - 1)
    }

    @Test func opensChoosesAndCloses() throws {
        var model = try model()
        let end = model.cursor
        var backend = ScriptedBackend([.typed("x"), .typed("j"), .typed("1"), .typed("z"), [.byte(27)], [], .typed("q")])
        TerminalLoop.run(&model, on: &backend)
        let frames = backend.frames.map(\.screen)
        // x: the browser, at the cursor's event, with the 4 states of 2 writes.
        let opened = frames[1].text
        #expect(opened.contains("crash browser │ power cut after event \(end) │ 2 writes in flight │ 4 crash states"))
        #expect(opened.contains("▶0: landed none  ok"))
        #expect(opened.contains("CRASH  ↑ ↓ j k crash state"))
        // j: state 1, the data landed: the stripe's row is stale.
        let state1 = frames[2].text
        #expect(state1.contains("▶1: landed "))
        #expect(state1.contains("devices in state 1 (! stale parity row)"))
        #expect(state1.contains("lost"))
        // 1: dev 1 fails; the ORE fails page 1, md rebuilds it wrong from the stale parity.
        let failed = frames[3]
        #expect(failed.text.contains("dev1✗"))
        #expect(failed.text.contains("ORE 4.18: 1 -EIO, 0 wrong"), "the ORE fails page 1")
        #expect(failed.text.contains("md rebuilds: 0 -EIO, 1 wrong"), "md rebuilds page 1 from the stale parity")
        #expect(failed.text.contains("│s0  ✓ E "), "ORE: page 0 reads, page 1 fails")
        #expect(failed.text.contains("│s0  ✓ ✗ "), "md: page 0 reads, page 1 is rebuilt wrong")
        // z: not a browser key; it says so and stays.
        #expect(frames[4].text.contains("that key does nothing in the crash browser"))
        // Esc: back to the timeline at the same event.
        #expect(model.mode == .normal)
        #expect(model.cursor == end)
        #expect(frames.last!.lines[0].contains("event \(end)"))
    }

    @Test func theKeyTableListsX() {
        #expect(KeyTable.action(for: .character("x")) == .crash)
        #expect(HelpOverlay.keys.contains { $0.keys == "x" && $0.meaning.contains("pull the plug") })
    }
}
