import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// Each mode's keys come from its map: tests press actions (the map's first key for the
/// action), never letters, so a rebinding in the table or a config moves the test along.
struct ModeKeyTests {
    static func start(at seq: Int = 40) throws -> DebuggerModel {
        var m = DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40, at: seq)
        m.files = ScenarioFiles(bundled: BundledScenarios.all, read: { _ in nil }, write: { _, _ in })
        return m
    }

    /// The first key the map in force gives `action` in `mode`.
    static func key(_ action: KeyAction, in mode: KeyMode, _ map: KeyMap = .defaults) throws -> Key {
        try #require(map.keys(action, in: mode).first, "\(action) has no key in \(mode)")
    }

    static func press(_ m: inout DebuggerModel, _ action: KeyAction) throws {
        _ = m.update(.key(try key(action, in: m.keyMode, m.keys)))
    }

    @Test func tabToThePagesChangesTheKeyBarAndWhatTheArrowDoes() throws {
        var m = try Self.start()
        #expect(m.view().lines.last!.hasPrefix("NORMAL"))
        let right = try Self.key(.step, in: .normal)
        try Self.press(&m, .focusNext)
        #expect(m.keyMode == .pageCursor)
        let bar = m.view().lines.last!
        #expect(bar.hasPrefix("PAGE CURSOR"), "\(bar)")
        #expect(bar.contains("\(try Self.key(.cursorLeft, in: .pageCursor).shown) page"))
        let before = m
        _ = m.update(.key(right))
        #expect(m.cursor == before.cursor && m.pageCursor == before.pageCursor + 1, "→ moves the page cursor, not the event")
        try Self.press(&m, .help)
        let help = m.view().lines.joined(separator: "\n")
        #expect(help.contains("page cursor mode keys"))
        #expect(help.contains("cursor left / right"))
    }

    @Test func aKeyThatDoesNothingSaysWhy() throws {
        var m = try Self.start()
        _ = m.update(.key(try Self.key(.nextDivergence, in: .split)))
        // The status line names the mode before the reason, which is whole in the message.
        let status = m.view().lines.last!
        #expect(status.hasPrefix("NORMAL  ") && status.contains("does nothing in normal mode"), "\(status)")
        #expect(m.message?.text.contains("split mode it is next_divergence") == true)
    }

    /// `o` on another scenario: the page cursor of the last one does not come along.
    @Test func focusDoesNotCarryIntoTheNextScenario() throws {
        var m = try Self.start()
        try Self.press(&m, .focusNext)
        m.selectedPage = 3
        #expect(m.keyMode == .pageCursor)
        m.open("full-stripe")
        m.finishPendingBuild()
        #expect(m.timeline.scenario.name == "full-stripe.scn")
        #expect(m.keyMode == .normal && m.selectedPage == nil && m.focus == .log)
    }

    @Test func promptKeysComeFromThePromptMap() throws {
        var map = KeyMap.defaults
        map.bind(.accept, in: .prompt, to: [.tab])
        map.bind(.complete, in: .prompt, to: [.function(2)])
        var m = try Self.start()
        m.keys = map
        try Self.press(&m, .goTo)
        #expect(m.keyMode == .prompt)
        for c in "12" { _ = m.update(.key(.character(c))) }
        _ = m.update(.key(.enter))  // no longer accepts: nothing happens
        #expect(m.mode == .prompt(.goTo, "12"))
        try Self.press(&m, .accept)
        #expect(m.cursor == 12 && m.mode == .normal)
    }

    @Test func breakpointListKeysComeFromItsMap() throws {
        var m = try Self.start()
        m.addBreakpoint(.page(1))
        m.addBreakpoint(.page(2))
        try Self.press(&m, .listBreakpoints)
        #expect(m.keyMode == .breakpointList)
        #expect(m.view().lines.contains { $0.contains("BREAKPOINT LIST") })
        try Self.press(&m, .down)
        try Self.press(&m, .deleteBreakpoint)
        #expect(m.breakpoints.map(\.breakpoint) == [.page(1)])
        try Self.press(&m, .escape)
        #expect(m.mode == .normal)
    }

    @Test func notePauseKeysComeFromItsMap() throws {
        var m = try Self.start(at: 0)
        try Self.press(&m, .play)
        while m.playing, !m.heldAtNote { _ = m.update(.tick) }
        #expect(m.keyMode == .notePause)
        #expect(m.view().lines.last!.contains("AT A NOTE"))
        try Self.press(&m, .play)
        #expect(!m.playing)
    }

    /// A key rebound in normal mode drives its action through the run loop, and the old
    /// key no longer does.
    @Test func reboundKeyDrivesItsActionAndTheOldOneDoesNot() throws {
        var m = try Self.start()
        m.keys.bind(.step, in: .normal, to: [.pageDown])
        let start = m.cursor
        var backend = ScriptedBackend([[.key(.pageDown)], [.key(.right)], .typed("s")])
        TerminalLoop.run(&m, on: &backend)
        #expect(m.cursor == start + 1)
        #expect(backend.frames[2].screen.lines.last!.contains("→ does nothing in normal mode"))
        #expect(backend.frames.last!.screen.lines.last!.contains("s does nothing in normal mode"))
        #expect(m.keys.keyBar(.normal, width: 200).contains("PgDn step"))
        m.mode = .help
        #expect(m.view().lines.contains { $0.contains("PgDn") && $0.contains("one event on, into calls") }, "the help shows the user's key")
    }

    /// Where on the screen `layoutHit` finds something, first from the top left.
    static func firstCell(_ m: DebuggerModel, _ hit: (DebuggerLayout, Int, Int) -> Int?) -> (x: Int, y: Int, value: Int)? {
        let layout = DebuggerLayout(m)
        for y in 0..<m.height {
            for x in 0..<m.width {
                if let value = hit(layout, x, y) { return (x, y, value) }
            }
        }
        return nil
    }

    @Test func clickOnAPageOpensItsDetail() throws {
        var m = try Self.start()
        let cell = try #require(Self.firstCell(m) { $0.page(atX: $1, y: $2, model: m) })
        var backend = ScriptedBackend([[.key(.click(x: cell.x, y: cell.y))]])
        TerminalLoop.run(&m, on: &backend)
        #expect(m.selectedPage == cell.value)
        #expect(backend.frames.last!.screen.lines.contains { $0.contains("page \(cell.value) (Esc closes)") })
    }

    @Test func noMouseIgnoresClicks() throws {
        var m = try Self.start()
        m.mouse = false
        let cell = try #require(Self.firstCell(m) { $0.page(atX: $1, y: $2, model: m) })
        let before = m.view().lines
        var backend = ScriptedBackend([[.key(.click(x: cell.x, y: cell.y)), .key(.wheel(x: cell.x, y: cell.y, down: true))]])
        TerminalLoop.run(&m, on: &backend)
        #expect(m.selectedPage == nil && m.scroll.isEmpty)
        #expect(backend.frames.last!.screen.lines == before)
    }

    @Test func clickOnAUnitSelectsItsFirstPage() throws {
        var m = try Self.start()
        let cell = try #require(Self.firstCell(m) { $0.unitPage(atX: $1, y: $2, model: m) })
        _ = m.update(.key(.click(x: cell.x, y: cell.y)))
        #expect(m.selectedPage == cell.value)
        let layout = try #require(m.state.layout)
        #expect(cell.value % layout.pagesInUnit == 0, "a unit starts on a unit boundary")
    }

    @Test func clickOnAnEventRowGoesThere() throws {
        var m = try Self.start()
        let row = try #require(Self.firstCell(m) { layout, x, y in
            layout.event(atX: x, y: y, model: m).flatMap { $0 != m.cursor ? $0 : nil }
        })
        _ = m.update(.key(.click(x: row.x, y: row.y)))
        #expect(m.cursor == row.value)
    }

    @Test func wheelScrollsTheFocusedPanel() throws {
        var m = try Self.start()
        _ = m.update(.key(.wheel(x: 1, y: 1, down: true)))
        #expect(m.scroll[.log] == 3)
        _ = m.update(.key(.wheel(x: 1, y: 1, down: false)))
        #expect(m.scroll[.log] == 0)
    }

    @Test func explorerKeysComeFromItsMap() {
        var e = ExplorerModel(width: 80, height: 24)
        e.keys.bind(.moreDevices, in: .explorer, to: [.character("+")])
        _ = e.update(.key(.character("+")))
        #expect(e.devices == 5)
        _ = e.update(.key(.character("D")))
        #expect(e.devices == 5)
        #expect(e.view().lines.contains { $0.contains("D does nothing in explorer mode") })
        #expect(ExplorerModel(width: 80, height: 24).view().lines.contains { $0.contains("EXPLORER") })
    }
}

/// Ctrl-Z where the terminal cannot stop the program: the status line says so.
struct CannotStopTests {
    @Test func ctrlZThatCannotStopSaysSo() throws {
        var m = try ModeKeyTests.start()
        var backend = ScriptedBackend([[.byte(26)]])
        backend.canStop = false
        TerminalLoop.run(&m, on: &backend)
        #expect(backend.suspensions == 1)
        #expect(backend.frames.last!.screen.lines.last!.hasPrefix("Ctrl-Z: nothing here can stop the program"))
    }
}
