import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// Every key of the normal and page-cursor maps, pressed through the terminal protocol (the
/// run loop on a scripted terminal), does to the model what its help says. A new action
/// without a check here fails `everyActionIsChecked`.
struct KeyActionTests {
    /// How one action is checked: what the model is set up with, then what must hold after.
    struct Check: Sendable {
        var setup: @Sendable (inout DebuggerModel) -> Void = { _ in }
        var expect: @Sendable (_ before: DebuggerModel, _ after: DebuggerModel, _ backend: ScriptedBackend) -> Bool
    }

    /// Just inside `_read_4_write_last_stripe`, before its first `get_page`, with notes and commands on either side.
    static func start() throws -> DebuggerModel {
        let t = try defaultTimeline()
        var m = DebuggerModel(timeline: t, width: 120, height: 40, at: try firstCall(t, ._read_4_write_last_stripe, plus: 1))
        m.files = ScenarioFiles(bundled: BundledScenarios.all, read: { _ in nil }, write: { _, _ in })
        return m
    }

    /// What the terminal delivers for `key`: characters and control keys as bytes typed.
    static func input(_ key: Key) -> [TerminalInput] {
        switch key {
        case .character(let c): .typed(String(c))
        case .control(let c): [.byte(UInt8(c.asciiValue! - 96))]
        case .tab: [.byte(9)]
        case .enter: [.byte(13)]
        case .escape: [.byte(27)]
        default: [.key(key)]
        }
    }

    static func find(_ m: DebuggerModel, _ direction: Direction, _ kind: EventKind) -> Int? {
        m.timeline.find(from: m.cursor, direction) { m.timeline.event($0).kind == kind }
    }

    static let checks: [KeyAction: Check] = [
        .step: Check { b, a, _ in a.cursor == b.cursor + 1 && a.pageCursor == b.pageCursor },
        .stepBack: Check { b, a, _ in a.cursor == b.cursor - 1 && a.pageCursor == b.pageCursor },
        .cursorRight: Check(setup: pageCursor) { b, a, _ in a.pageCursor == b.pageCursor + 1 && a.cursor == b.cursor },
        .cursorLeft: Check(setup: pageCursor) { b, a, _ in a.pageCursor == b.pageCursor - 1 && a.cursor == b.cursor },
        .cursorDown: Check(setup: pageCursor) { b, a, _ in a.pageCursor > b.pageCursor + 1 && a.cursor == b.cursor },
        .cursorUp: Check(setup: pageCursor) { b, a, _ in
            a.pageCursor == b.pageCursor - a.state.layout!.pagesInStripe && a.cursor == b.cursor
        },
        .next: Check { b, a, _ in a.cursor == b.timeline.stepOver(from: b.cursor, .forward) && a.cursor > b.cursor },
        .nextBack: Check { b, a, _ in a.cursor == b.timeline.stepOver(from: b.cursor, .backward) },
        .finish: Check { b, a, _ in a.cursor == b.timeline.finish(from: b.cursor, .forward) && a.timeline.event(a.cursor).kind == .return },
        .finishBack: Check { b, a, _ in
            a.cursor == b.cursor - 1 && a.timeline.event(a.cursor).kind == .call && a.timeline.function(of: a.cursor) == ._read_4_write_last_stripe
        },
        .continueForward: Check(setup: { $0.addBreakpoint(.kind(.r4wGetPage)) }) { b, a, _ in
            a.cursor == b.timeline.nextBreakpoint(from: b.cursor, .forward, [.kind(.r4wGetPage)])
                && a.message?.text == "Breakpoint 1, __r4w_get_page(index=9) at event \(a.cursor)"
        },
        .continueBack: Check(setup: { $0.addBreakpoint(.function(.write_exec)) }) { b, a, _ in
            a.cursor < b.cursor && a.timeline.function(of: a.cursor) == .write_exec && a.message?.text.hasPrefix("Breakpoint 1, write_exec(") == true
        },
        .first: Check { _, a, _ in a.cursor == 0 },
        .last: Check { _, a, _ in a.cursor == a.timeline.count - 1 },
        .goTo: Check { _, a, _ in a.mode == .prompt(.goTo, "") },
        .nextNote: Check { b, a, _ in a.cursor == find(b, .forward, .note) && a.view().lines[2].contains("write_cache_pages gathered pages 5..6") },
        .previousNote: Check { b, a, _ in
            a.cursor == find(b, .backward, .note) && a.view().lines[2].contains("Pages 5 and 6 are dirty")
        },
        .nextCommand: Check { b, a, _ in a.cursor == find(b, .forward, .command) && a.view().lines[1].contains("line 15: note") },
        .previousCommand: Check { b, a, _ in a.cursor == find(b, .backward, .command) && a.view().lines[1].contains("writepages sync") },
        .toggleBreakpoint: Check { _, a, _ in
            a.breakpoints.count == 1 && a.breakpoints[0].number == 1 && a.breakpoints[0].breakpoint.matches(a.cursor, in: a.timeline)
        },
        .listBreakpoints: Check { _, a, _ in a.mode == .breakpoints(selected: 0) },
        .search: Check { _, a, _ in a.mode == .prompt(.search, "") },
        .nextMatch: Check(setup: { $0.search = "get_page" }) { b, a, _ in
            a.cursor > b.cursor && a.timeline.summary(of: a.cursor).contains("get_page")
        },
        .previousMatch: Check(setup: { $0.search = "get_page" }) { b, a, _ in
            a.cursor < b.cursor && a.timeline.summary(of: a.cursor).contains("get_page")
        },
        .command: Check { _, a, _ in a.mode == .prompt(.command, "") },
        .undo: Check(setup: { $0.submitCommand("write 7"); $0.finishPendingBuild() }) { b, a, _ in
            b.isEdited && !a.isEdited && a.timeline.count == (try? defaultTimeline().count) && a.message?.text.hasPrefix("undone") == true
        },
        .open: Check { _, a, _ in a.mode == .prompt(.open, "") && a.message?.text.contains("full-stripe r4w-off partial-stripe") == true },
        .nextLesson: Check { _, a, _ in
            // The lesson is built as the loop's idle work, between keys.
            var a = a
            a.finishPendingBuild()
            return a.timeline.scenario.name == "rows.scn" && a.cursor == 0 && a.message?.text.hasPrefix("lesson 4 of ") == true
        },
        .play: Check { _, a, _ in a.playing && a.wantsTicks },
        .runThroughNotes: Check { b, a, _ in b.stopAtNotes && !a.stopAtNotes },
        .faster: Check { b, a, _ in a.speedIndex == b.speedIndex + 1 && a.view().lines.last!.contains("speed: 62 events/s") },
        .slower: Check { b, a, _ in a.speedIndex == b.speedIndex - 1 && a.view().lines.last!.contains("speed: 0.4 s/event") },
        .focusNext: Check { _, a, _ in a.focus == .pages },
        .focusPrevious: Check { _, a, _ in a.focus == .sp2d },
        .up: Check { b, a, _ in a.scroll[.log] == -1 && a.logRow == b.cursor - 1 },
        .down: Check { b, a, _ in a.scroll[.log] == 1 && a.logRow == b.cursor + 1 },
        .pageUp: Check { _, a, _ in a.scroll[.log] == -10 },
        .pageDown: Check { _, a, _ in a.scroll[.log] == 10 },
        .enter: Check { _, a, _ in a.mode == .detail },
        .escape: Check(setup: { $0.selectedPage = 5 }) { _, a, _ in a.selectedPage == nil },
        .help: Check { _, a, _ in a.mode == .help },
        .crash: Check { b, a, _ in
            guard case .crash(let browser) = a.mode else { return false }
            return browser.crash.event == b.cursor && a.view().lines[0].contains("crash browser")
        },
        .quit: Check { _, _, backend in !backend.ranOut },
        .redraw: Check { b, a, backend in backend.frames.last!.full && a.cursor == b.cursor },
        .suspend: Check { b, a, backend in backend.suspensions == 1 && backend.frames.last!.full && a.cursor == b.cursor },
    ]

    /// Tab to the page cache, the cursor on page 13 (in the second stripe of 12 pages).
    static let pageCursor: @Sendable (inout DebuggerModel) -> Void = { m in
        _ = m.perform(.focusNext)
        m.pageCursor = 13
    }

    static let modes: [KeyMode] = [.normal, .pageCursor]
    static let everyKey: [(Key, KeyAction)] = modes.flatMap { KeyMap.defaults.rows($0).flatMap { $0.keys.map { ($0.key, $0.action) } } }

    @Test func everyActionIsChecked() {
        for action in Self.modes.flatMap({ KeyMap.defaults.actions(in: $0) }) { #expect(Self.checks[action] != nil, "no check for \(action)") }
    }

    @Test(arguments: everyKey)
    func keyDoesWhatItsHelpSays(key: Key, action: KeyAction) throws {
        let check = try #require(Self.checks[action])
        var model = try Self.start()
        check.setup(&model)
        let before = model
        var backend = ScriptedBackend([Self.input(key)])
        TerminalLoop.run(&model, on: &backend)
        let holds = check.expect(before, model, backend)
        #expect(holds, "\(key) (\(action)): cursor \(before.cursor) → \(model.cursor), message: \(model.message?.text ?? "none")")
        if action != .quit { #expect(backend.ranOut, "\(key) does not quit") }
    }
}
