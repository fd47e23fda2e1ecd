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
        #expect(opened.contains("crash browser │ power cut after event \(end) │ dev 0 failed │ 2 writes in flight │ 4 crash states"))
        #expect(opened.contains("▶0: landed none  ok"))
        #expect(opened.contains("CRASH BROWSER  Esc back  ↑ state"), "\(opened)")
        // j: state 1, the data landed: the stripe's row is stale.
        let state1 = frames[2].text
        #expect(state1.contains("▶1: landed "))
        #expect(state1.contains("devices in state 1 (! stale parity row)"))
        #expect(state1.contains("lost"))
        // 1: dev 1 fails; the ORE fails page 1, md rebuilds it wrong from the stale parity.
        let failed = frames[3]
        #expect(failed.text.contains("dev1✗"))
        #expect(failed.text.contains("ORE: 1 -EIO, 0 wrong"), "the ORE fails page 1")
        #expect(failed.text.contains("md: 0 -EIO, 1 wrong"), "md rebuilds page 1 from the stale parity")
        #expect(failed.text.contains("│s0  ✓ E "), "ORE: page 0 reads, page 1 fails")
        #expect(failed.text.contains("│s0  ✓ ✗ "), "md: page 0 reads, page 1 is rebuilt wrong")
        // z: not a browser key; it says so and stays.
        #expect(frames[4].text.contains("z does nothing in crash browser mode"))
        // Esc: back to the timeline at the same event.
        #expect(model.mode == .normal)
        #expect(model.cursor == end)
        #expect(frames.last!.lines[0].contains("event \(end)"))
    }

    /// At 80×24 (and in ASCII) the failed device and the way back stay on screen.
    @Test func smallAndAscii() throws {
        let timeline = Engine.run(try ScenarioParser.parse(Self.torn, name: "torn.scn"))
        var model = DebuggerModel(timeline: timeline, width: 80, height: 24, ascii: true, at: timeline.count - 1)
        _ = model.update(.key(.character("x")))
        _ = model.update(.key(.character("2")))
        let lines = model.view().lines
        #expect(lines.count == 24 && lines.allSatisfy { $0.count <= 80 })
        #expect(lines[0].contains("dev 2 failed"))
        #expect(lines[23].hasPrefix("CRASH BROWSER  Esc back"), "\(lines[23])")
        #expect(lines.contains { $0.contains("dev2x") })
        #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) })
        _ = model.update(.key(.character("7")))
        #expect(model.view().lines[23].contains("there is no dev 7"))
    }

    /// State 1 (page 0's data landed, its parity did not) with dev 0 dead: md rebuilds
    /// page 0 from the stale parity as the old page 0, a token once written there (rule 8
    /// holds) yet not what the disk held: marked wrong, so the legend must not say "never
    /// written there"; it says what wrong means: not what the disk held.
    @Test func theLegendSaysWhatWrongMeans() throws {
        var model = try model()
        for key in ["x", "j", "0"] { _ = model.update(.key(.character(Character(key)))) }
        let text = model.view().text
        #expect(text.contains("md: 0 -EIO, 1 wrong"), "\(text)")
        #expect(text.contains("│s0  ✗ ✓ "), "md: page 0 rebuilt as its old version")
        #expect(!text.contains("never writte"))
        #expect(text.contains("✗ not what disk held"))
    }

    @Test func theKeyTableListsX() {
        #expect(KeyMap.defaults.action(for: .character("x"), in: .normal) == .crash)
        #expect(KeyMap.defaults.action(for: .escape, in: .crashBrowser) == .escape)
        #expect(KeyMap.defaults.rows(.normal).contains { $0.label == "x" && $0.help.contains("pull the plug") })
    }
}
