import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

struct DebuggerUpdateTests {
    func model(at seq: Int = 0) throws -> DebuggerModel {
        DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40, at: seq)
    }

    func press(_ m: inout DebuggerModel, _ keys: Key...) {
        for key in keys {
            _ = m.update(.key(key))
            m.finishPendingBuild()
        }
    }

    @Test func stepMovesOneEventEitherWay() throws {
        var m = try model(at: 10)
        press(&m, .right)
        #expect(m.cursor == 11)
        press(&m, .character("h"), .character("h"))
        #expect(m.cursor == 9)
        #expect(m.state == m.timeline.state(at: 9))
    }

    @Test func nextStepsOverAWholeCall() throws {
        var m = try model()
        let call = try firstCall(m.timeline, ._ore_add_parity_unit)
        m.move(to: call)
        press(&m, .character("n"))
        #expect(m.timeline.event(m.cursor).kind == .return)
        #expect(m.timeline.function(of: m.cursor) == ._ore_add_parity_unit)
        press(&m, .character("N"))
        #expect(m.cursor == call)
    }

    @Test func finishLeavesTheCall() throws {
        var m = try model()
        let inside = try firstCall(m.timeline, ._read_4_write_last_stripe, plus: 2)
        m.move(to: inside)
        press(&m, .character("f"))
        #expect(m.timeline.function(of: m.cursor) == ._read_4_write_last_stripe)
        #expect(m.timeline.event(m.cursor).kind == .return)
        m.move(to: inside)
        press(&m, .character("F"))
        #expect(m.cursor == inside - 2)
        // At a call, finish completes the function just entered.
        press(&m, .character("f"))
        #expect(m.timeline.function(of: m.cursor) == ._read_4_write_last_stripe)
        #expect(m.timeline.event(m.cursor).kind == .return)
    }

    @Test func continueStopsAtABreakpointBothWays() throws {
        var m = try model()
        m.addBreakpoint(.function(._gen_xor_unit))
        press(&m, .character("c"))
        let xor = try firstCall(m.timeline, ._gen_xor_unit)
        #expect(m.cursor == xor)
        press(&m, .end, .character("C"))
        #expect(m.cursor == xor)
    }

    /// On a timeline one search slice holds, `c` and `C` move in the key press itself, as
    /// a text search on it does: nothing is left for the loop.
    @Test func continueOnAShortTimelineMovesInTheKeyPress() throws {
        var m = try model()
        m.addBreakpoint(.function(._gen_xor_unit))
        _ = m.update(.key(.character("c")))
        let xor = try firstCall(m.timeline, ._gen_xor_unit)
        #expect(m.cursor == xor && !m.hasIdleWork)
        m.move(to: m.timeline.count - 1)
        _ = m.update(.key(.character("C")))
        #expect(m.cursor == xor && !m.hasIdleWork)
    }

    @Test func breakpointToggleOnTheCurrentEvent() throws {
        var m = try model()
        m.move(to: try firstCall(m.timeline, .write_exec))
        press(&m, .character("b"))
        #expect(m.breakpoints == [NumberedBreakpoint(number: 1, breakpoint: .function(.write_exec))])
        press(&m, .character(" "))
        #expect(m.breakpoints.isEmpty)
    }

    @Test func breakpointListAddsByTyping() throws {
        var m = try model()
        press(&m, .character("B"), .character("a"))
        for c in "page 9" { press(&m, .character(c)) }
        press(&m, .enter, .escape, .character("c"))
        #expect(m.timeline.pageIndex(of: m.cursor) == 9)
    }

    @Test func homeEndAndGoTo() throws {
        var m = try model(at: 5)
        press(&m, .end)
        #expect(m.cursor == m.timeline.count - 1)
        press(&m, .home)
        #expect(m.cursor == 0)
        press(&m, .character("g"), .character("4"), .character("2"), .enter)
        #expect(m.cursor == 42)
        press(&m, .character("g"), .character("x"), .enter)
        #expect(m.cursor == 42)
        #expect(m.message?.isError == true)
    }

    @Test func searchFindsNextAndPrevious() throws {
        var m = try model()
        press(&m, .character("/"))
        for c in "GET_PAGE(" { press(&m, .character(c)) }
        press(&m, .enter)
        #expect(m.timeline.summary(of: m.cursor).contains("get_page(1)"))
        let first = m.cursor
        press(&m, .character("."))
        #expect(m.cursor > first)
        press(&m, .character(","))
        #expect(m.cursor == first)
    }

    /// One key as the loop hands over a batch of one: the key, then the first slice of a
    /// search it started.
    func loopKey(_ m: inout DebuggerModel, _ key: Key) {
        _ = m.update(.key(key))
        if m.hasFreshIdleWork { _ = m.idleStep() }
    }

    /// Runs the model's idle work (search slices) as the loop would with no key coming;
    /// the number of slices it took.
    func slices(_ m: inout DebuggerModel) -> Int {
        var n = 0
        while m.hasIdleWork {
            _ = m.idleStep()
            n += 1
        }
        return n
    }

    /// A long timeline is searched a slice per loop turn, not in the key press: the loop
    /// looks at the first slice after the key and says how far it got; its slices go on
    /// from there.
    @Test func searchGoesOnInSlices() throws {
        var m = try model()
        m.searchChunk = 10
        _ = m.update(.key(.character("/")))
        for c in "writepages_done" { _ = m.update(.key(.character(c))) }
        loopKey(&m, .enter)
        #expect(m.cursor == 0 && m.hasIdleWork)
        #expect(m.message?.text == "/writepages_done: searching, 10 of \(m.timeline.count) events looked at; Esc stops")
        let target = try firstCall(m.timeline, .writepages_done)
        #expect(slices(&m) == (target - 1) / 10)
        #expect(m.cursor == target && m.message?.text == "/writepages_done: event \(target)")
    }

    /// A match on the last event of a slice is found by that slice (the slice's end was
    /// once a sentinel and never looked at), and one just past it by the next slice.
    @Test(arguments: [1, 5, 10])
    func searchExaminesSliceEnds(chunk: Int) throws {
        var m = try model()
        let target = try firstCall(m.timeline, .writepages)
        m.move(to: target - chunk)
        m.searchChunk = chunk
        _ = m.update(.key(.character("/")))
        for c in "→ writepages(" { _ = m.update(.key(.character(c))) }
        loopKey(&m, .enter)
        #expect(m.cursor == target && !m.hasIdleWork)
        m.move(to: target - chunk - 1)
        loopKey(&m, .character("."))
        #expect(m.cursor == target - chunk - 1)
        #expect(slices(&m) == 1)
        #expect(m.cursor == target)
    }

    @Test func searchCountsWrapsAndSaysNoMatch() throws {
        var m = try model()
        press(&m, .character("/"))
        for c in "get_page(" { press(&m, .character(c)) }
        press(&m, .enter)
        #expect(m.message?.text == "/get_page(: match 1 of 4")
        let first = m.cursor
        press(&m, .character(","))
        #expect(m.message?.text == "/get_page(: match 4 of 4 (wrapped to the last event)")
        press(&m, .character("."))
        #expect(m.cursor == first)
        #expect(m.message?.text.contains("wrapped to the first event") == true)
        press(&m, .character("/"))
        for c in "no such thing" { press(&m, .character(c)) }
        press(&m, .enter)
        #expect(m.cursor == first)
        #expect(m.message?.text == "/no such thing: no match in \(m.timeline.count) events")
        m.searchChunk = 7
        loopKey(&m, .character("."))
        #expect(m.message?.text == "/no such thing: searching, 7 of \(m.timeline.count) events looked at; Esc stops")
        // Every event is looked at once, a slice a loop turn, then the search says there is none.
        #expect(1 + slices(&m) == (m.timeline.count + 6) / 7)
        #expect(m.message?.text == "/no such thing: no match in \(m.timeline.count) events")
        #expect(m.cursor == first)
    }

    @Test func promptInsertsACommandAndKeepsTheRestOfTheScenario() throws {
        var m = try model()
        let before = m.timeline.count
        m.move(to: try firstCall(m.timeline, .write_end))  // inside 'write 5..6'
        press(&m, .character(":"))
        for c in "write 7" { press(&m, .character(c)) }
        press(&m, .enter)
        #expect(m.message?.isError == false)
        #expect(m.timeline.message(of: m.cursor) == "write 7")
        // The rest of the scenario follows the new command: the writeback is still there.
        #expect((m.cursor..<m.timeline.count).contains { m.timeline.function(of: $0) == .writepages })
        #expect(m.timeline.count > before)
        #expect(m.isEdited)
        press(&m, .character(":"))
        for c in "write 5.." { press(&m, .character(c)) }
        press(&m, .enter)
        #expect(m.message?.isError == true)
        #expect(m.mode == .prompt(.command, "write 5.."), "an error keeps the prompt open with the text")
    }

    @Test func playAdvancesOnTicksAndStopsAtTheEnd() throws {
        var m = try model()
        press(&m, .character("p"), .character("P"), .character("+"))
        #expect(m.playing && m.speed == PlaySpeed(ticks: 1, events: 5))
        _ = m.update(.tick)
        #expect(m.cursor == 5)
        for _ in 0..<200 { _ = m.update(.tick) }
        #expect(!m.playing && m.cursor == m.timeline.count - 1)
    }

    @Test func tabFocusHelpAndQuit() throws {
        var m = try model()
        press(&m, .tab)
        #expect(m.focus == .pages)
        press(&m, .character("?"))
        #expect(m.mode == .help)
        press(&m, .character("x"))
        #expect(m.mode == .normal)
        #expect(m.update(.key(.character("q"))) == false)
        #expect(m.update(.key(.control("c"))) == false)
        #expect(m.update(.key(.function(10))) == false)
    }

    @Test func clickSelectsAPage() throws {
        var m = try model(at: 40)
        let screen = m.view()
        let y = try #require(screen.lines.firstIndex { $0.hasPrefix("│s0 ") })
        // Page 5: unit 1 (after the bar), second cell.
        let bar = try #require(Array(screen.lines[y]).indices.filter { Array(screen.lines[y])[$0] == "│" }.dropFirst().first)
        press(&m, .click(x: bar + 1 + 4, y: y))
        #expect(m.selectedPage == 5)
        let text = m.view().text
        #expect(text.contains("page 5: "))
        // Flags by name, references, content and history replace the counters.
        #expect(text.contains("page 5 (Esc closes)"))
        #expect(text.contains("locked uptodate"))
        #expect(text.contains("refs 0  data 0x"))
        // Newest first; a history that does not fit says how much more there is.
        #expect(text.contains("40: → writepage_strip(index=5)"))
        #expect(text.contains("… 7 earlier events of this page"))
        press(&m, .click(x: bar + 1 + 4, y: y))
        #expect(m.selectedPage == nil)
    }
}
