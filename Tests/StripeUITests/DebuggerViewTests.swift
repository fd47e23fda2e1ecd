import Foundation
import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// The default scenario's timeline, built once per test.
func defaultTimeline() throws -> Timeline {
    let text = try #require(BundledScenarios.text(named: BundledScenarios.defaultName))
    return Engine.run(try ScenarioParser.parse(text, name: "partial-stripe.scn"))
}

/// The first event where `fn` is called (+ offset).
func firstCall(_ t: Timeline, _ fn: KernelFunction, plus offset: Int = 0) throws -> Int {
    try #require((0..<t.count).first { t.event($0).kind == .call && t.function(of: $0) == fn }) + offset
}

struct DebuggerViewTests {
    @Test(arguments: [(120, 40), (80, 24)])
    func snapshots(width: Int, height: Int) throws {
        let t = try defaultTimeline()
        let lastStripe = try firstCall(t, ._read_4_write_last_stripe, plus: 3)
        let done = try #require((0..<t.count).last { t.event($0).kind == .return && t.function(of: $0) == .writepages_done })
        for (name, seq) in [("first", 0), ("last-stripe", lastStripe), ("done", done)] {
            let model = DebuggerModel(timeline: t, width: width, height: height, monochrome: true, at: seq)
            assertSnapshot(model.view(), named: "debugger-\(name)-\(width)x\(height)")
        }
    }

    @Test func asciiSnapshot() throws {
        let t = try defaultTimeline()
        let seq = try firstCall(t, ._read_4_write_last_stripe, plus: 3)
        let screen = DebuggerModel(timeline: t, width: 120, height: 40, ascii: true, monochrome: true, at: seq).view()
        assertSnapshot(screen, named: "debugger-last-stripe-120x40-ascii")
        #expect(screen.cells.allSatisfy { $0.character.isASCII })
    }

    @Test func headerLegendAndCallStack() throws {
        let t = try defaultTimeline()
        let seq = try firstCall(t, ._read_4_write_last_stripe, plus: 2)
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: seq).view().lines
        #expect(lines[0].contains("event \(seq)/\(t.count - 1)"))
        #expect(lines[0].contains("raid5 4×16K"))
        #expect(lines.contains { $0.contains("U uptodate") && $0.contains("D dirty") && $0.contains("W writeback") && $0.contains("L locked") && $0.contains("E error") })
        #expect(lines.contains { $0.contains("› _read_4_write_last_stripe(stripe=0)") })
        #expect(lines.contains { $0.contains("› __r4w_get_page(index=") })
    }

    @Test func pageCellsShowFlagsAndMarkers() throws {
        let t = try defaultTimeline()
        // After _read_4_write_execute: pages 9 and 10 were read from a device and are held by r4w.
        let seq = try #require((0..<t.count).first { t.event($0).kind == .return && t.function(of: $0) == ._read_4_write_execute })
        let model = DebuggerModel(timeline: t, width: 120, height: 40, at: seq)
        let screen = model.view()
        let row = try #require(screen.lines.first { $0.hasPrefix("│s0 ") })
        // Column 0 cached (U), 1 and 2 held by r4w (*), 5 and 6 under writeback and
        // locked (LW), 9 and 10 got and read (*↓).
        #expect(row.hasPrefix("│s0  0 U   U*  U*  U   │·   LW  LW  ·   │·   U*↓ U*↓ ·"))
        // Colour reinforces: the writeback cell is yellow in colour mode.
        let colour = DebuggerModel(timeline: t, width: 120, height: 40, at: seq).view()
        let y = try #require(colour.lines.firstIndex { $0.hasPrefix("│s0 ") })
        let wx = try #require(Array(colour.lines[y]).firstIndex(of: "W"))
        #expect(colour[wx, y].foreground == .yellow)
    }

    /// The stripe map follows the I/O: what ore_write will write and the parity rows it
    /// will recompute are planned (lowercase) from its call, the r4w reads from the
    /// get_page that finds a page not uptodate; each is issued (uppercase) from its
    /// request's submission and done (✓) from its completion.
    @Test func stripeMapFollowsTheIO() throws {
        let t = try defaultTimeline()
        func stripe0(at seq: Int) throws -> String {
            try #require(DebuggerModel(timeline: t, width: 120, height: 40, at: seq).view().lines
                .first { $0.hasPrefix("│s0  0 D0") })
        }
        let events = (0..<t.count).map { t.event($0).kind }
        let read = try #require(events.firstIndex(of: .devRead))
        let write = try #require(events.firstIndex(of: .devWrite))
        let done = try #require(events.lastIndex(of: .ioDone))
        #expect(try stripe0(at: firstCall(t, .ore_write) - 1).hasPrefix("│s0  0 D0 ···· 0-3   D1 ···· 4-7   D2 ···· 8-11  P  ····"))
        #expect(try stripe0(at: firstCall(t, .ore_write)).hasPrefix("│s0  0 D0 ···· 0-3   D1 ·ww· 4-7   D2 ···· 8-11  P  ·pp·"))
        #expect(try stripe0(at: read - 1).hasPrefix("│s0  0 D0 ···· 0-3   D1 ·ww· 4-7   D2 ·rr· 8-11  P  ·pp·"))
        #expect(try stripe0(at: read).hasPrefix("│s0  0 D0 ···· 0-3   D1 ·ww· 4-7   D2 ·RR· 8-11  P  ·pp·"))
        #expect(try stripe0(at: read + 1).hasPrefix("│s0  0 D0 ···· 0-3   D1 ·ww· 4-7   D2 ·✓✓· 8-11  P  ·pp·"))
        #expect(try stripe0(at: write).hasPrefix("│s0  0 D0 ···· 0-3   D1 ·WW· 4-7   D2 ·✓✓· 8-11  P  ·pp·"))
        #expect(try stripe0(at: write + 1).hasPrefix("│s0  0 D0 ···· 0-3   D1 ·WW· 4-7   D2 ·✓✓· 8-11  P  ·PP·"))
        #expect(try stripe0(at: done).hasPrefix("│s0  0 D0 ···· 0-3   D1 ·✓✓· 4-7   D2 ·✓✓· 8-11  P  ·✓✓·"))
    }

    /// An I/O that ends inside the file's partial last page still names that page.
    @Test func pcolPanelNamesAPartialLastPage() throws {
        let text = try #require(BundledScenarios.text(named: "partial-last-page"))
        let t = Engine.run(try ScenarioParser.parse(text, name: "partial-last-page.scn"))
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: try firstCall(t, .ore_write)).view().lines
        #expect(lines.contains { $0.contains("ore_write page 2; the r4w ops see pcol_copy") })
    }

    /// Every key and its meaning stand whole in the help, down to 80×24.
    @Test(arguments: [(120, 40), (80, 24)])
    func helpShowsEveryKeyWhole(width: Int, height: Int) throws {
        var model = DebuggerModel(timeline: try defaultTimeline(), width: width, height: height, at: 0)
        _ = model.perform(.help)
        let lines = model.view().lines
        for entry in HelpOverlay.keys(.defaults, .normal) {
            #expect(lines.contains { $0.contains(entry.keys) && $0.contains(entry.meaning) }, "\(entry.keys) at \(width)×\(height)")
        }
        #expect(lines.contains { $0.contains("! parity≠data on disk.") })
        #expect(lines.contains { $0.contains("! stranded") } && lines.contains { $0.contains("X misplaced") })
        #expect(lines.contains { $0.contains("- present with no flag") })
        #expect(lines.contains { $0.contains("that_locked_page, P parity, · empty.") }, "the legend's last line at \(width)×\(height)")
    }

    @Test func tooSmallSaysSo() throws {
        let t = try defaultTimeline()
        let text = DebuggerModel(timeline: t, width: 40, height: 10, at: 0).view().text
        #expect(text.contains("needs at least 80×24"))
        #expect(text.contains("40×10"))
        let tiny = DebuggerModel(timeline: t, width: 20, height: 5, at: 0).view()
        #expect(tiny.width == 20 && tiny.height == 5)
    }
}

/// A selected page's history is found when the cursor or the selection moves, so a frame
/// only draws it: the latest events about the page up to the cursor, newest first.
struct PageHistoryTests {
    @Test func historyFollowsTheCursorAndTheSelection() throws {
        let t = try defaultTimeline()
        var model = DebuggerModel(timeline: t, width: 200, height: 60, at: t.count - 1)
        #expect(model.pageHistory.isEmpty)
        model.selectedPage = 9
        let all = (0..<t.count).filter { t.pageIndex(of: $0) == 9 }
        #expect(model.pageHistory == Array(all.reversed().prefix(DebuggerModel.pageHistoryLength)))
        model.move(to: all[1])
        #expect(model.pageHistory == [all[1], all[0]])
        let lines = model.view().lines
        #expect(lines.contains { $0.contains("\(all[1]): get_page(9) → created page") })
        #expect(lines.contains { $0.contains("violations 0") }, "the violation count stays on screen")
        model.selectedPage = nil
        #expect(model.pageHistory.isEmpty)
    }
}

/// Small defects of issue 11, each pinned.
struct ScreenDefectTests {
    /// On a monochrome terminal the event log's breakpoint gutter is blank, not a solid
    /// reverse-video bar; only the current event's row is reversed.
    @Test func monochromeGutterIsBlankButTheCurrentRow() throws {
        let t = try defaultTimeline()
        let model = DebuggerModel(timeline: t, width: 120, height: 40, monochrome: true, at: 56)
        let screen = model.view()
        let top = try #require(screen.lines.firstIndex { $0.contains("┌ events") })
        let rows = (top + 1)..<(screen.height - 4)
        let reversed = rows.filter { screen[1, $0].style.attributes.contains(.reverse) }
        #expect(reversed.count == 1)
        #expect(screen.lines[reversed[0]].contains("     56 "))
    }

    /// At 80 columns the key bar still offers `? help` and `q quit`.
    @Test func keyBarKeepsHelpAtEightyColumns() throws {
        let screen = DebuggerModel(timeline: try defaultTimeline(), width: 80, height: 24, at: 0).view()
        let bar = try #require(screen.lines.last)
        #expect(bar.hasSuffix("? help  q quit"))
        #expect(bar.count <= 80)
    }

    /// Text cut at a panel's edge ends in "…".
    @Test func clippedTextSaysSo() {
        var screen = Screen(width: 10, height: 1)
        screen.put("abcdefghijkl", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(screen.lines[0] == "abcde…")
        screen.put("xy    ", x: 7, y: 0, clip: Rect(x: 7, y: 0, width: 3, height: 1))
        #expect(screen.lines[0] == "abcde… xy")
    }

    /// The call stack shows every frame or says how many it left out, and what
    /// __r4w_get_page returned stands whole, on a line of its own when narrow.
    @Test(arguments: [(80, 24), (120, 40)])
    func callStackIsWholeOrSaysSo(width: Int, height: Int) throws {
        let t = try KeyEventSnapshotTests.timeline("locked-page")
        let seq = try #require((0..<t.count).first { if case .r4wGetPage(let g) = t.payload(of: $0) { g.source == .locked } else { false } })
        let model = DebuggerModel(timeline: t, width: width, height: height, at: seq)
        let frames = CallStackPanel.frames(model.viewState)
        #expect(frames.map(\.symbol) == ["exofs_writepages", "write_cache_pages", "writepage_strip", "write_exec", "ore_write",
                                         "_prepare_for_striping", "_ore_add_parity_unit", "_read_4_write_last_stripe", "__r4w_get_page"])
        let lines = model.view().lines
        #expect(lines.contains { $0.contains("› writepage_strip(index=2)") } || lines.contains { $0.contains("… 7 more: exofs_writepages › writ") })
        #expect(lines.contains { $0.contains("__r4w_get_page(index=2) = that_locked_page") } || lines.contains { $0.contains("    = that_locked_page ") })
    }

    /// At 100×30 the sp2d keeps its rows beside the call stack, and the counters say
    /// what md's read-modify-write would read in words that fit.
    @Test func hundredByThirtyKeepsTheSp2dAndTheCounters() throws {
        let t = try defaultTimeline()
        let xor = try #require((0..<t.count).first { t.event($0).kind == .xor })
        let lines = DebuggerModel(timeline: t, width: 100, height: 30, at: xor).view().lines
        #expect(lines.contains { $0.contains("r2 C2  W6  R10 P") })
        #expect(lines.contains { $0.contains("│md read-modify-write would read 4 pages ") })
    }

    /// A panel showing some of its rows says which on its bottom border.
    @Test func panelsSayWhichRowsTheyShow() throws {
        let text = try #require(BundledScenarios.text(named: "cold-cache"))
        let t = Engine.run(try ScenarioParser.parse(text, name: "cold-cache.scn"))
        let small = DebuggerModel(timeline: t, width: 80, height: 24, at: t.count - 1).view().lines
        #expect(small.contains { $0.contains("┘") && $0.contains(" s0..s2 of 4 ") })
        let large = DebuggerModel(timeline: t, width: 120, height: 40, at: t.count - 1).view().lines
        #expect(!large.contains { $0.contains(" of 4 ") })
    }

    /// Once an invariant broke, the header carries a badge counting the violations.
    @Test func violationBadgeInTheHeader() throws {
        let text = try #require(BundledScenarios.text(named: "device-failure"))
        let t = Engine.run(try ScenarioParser.parse(text, name: "device-failure.scn"))
        let first = try #require((0..<t.count).first { t.event($0).kind == .violation })
        #expect(!DebuggerModel(timeline: t, width: 120, height: 40, at: first - 1).view().lines[0].contains("violation"))
        #expect(DebuggerModel(timeline: t, width: 120, height: 40, at: first).view().lines[0].contains("⚠ 1 violation "))
        let all = (0..<t.count).filter { t.event($0).kind == .violation }.count
        #expect(all > 1)
        #expect(DebuggerModel(timeline: t, width: 80, height: 24, at: t.count - 1).view().lines[0].contains("⚠ \(all) violations"))
    }

    /// Enter shows the whole current event, however long; any key closes it.
    @Test func enterShowsTheWholeEvent() throws {
        let text = try #require(BundledScenarios.text(named: "device-failure"))
        let t = Engine.run(try ScenarioParser.parse(text, name: "device-failure.scn"))
        let seq = try #require((0..<t.count).first { t.event($0).kind == .violation })
        var model = DebuggerModel(timeline: t, width: 80, height: 24, at: seq)
        _ = model.update(.key(.enter))
        let shown = model.view().lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let detail = try #require(t.message(of: seq))
        for word in detail.split(separator: " ") { #expect(shown.contains(word)) }
        _ = model.update(.key(.character("x")))
        #expect(model.mode == .normal)
    }

    /// A note is one line of the log: its `note` command no longer repeats the text.
    @Test func eachNoteOnce() throws {
        let t = try defaultTimeline()
        let note = try #require((0..<t.count).first { t.event($0).kind == .note })
        let text = try #require(t.message(of: note))
        let log = (0..<t.count).map(t.text(of:)).filter { $0.contains(text) }
        #expect(log.count == 1)
        #expect(t.summary(of: note - 1).hasSuffix(": note"))
    }
}

/// Frames at the events a lesson points at, at the three sizes the TUI is laid out
/// for; each snapshot was read when recorded.
struct KeyEventSnapshotTests {
    static func timeline(_ name: String) throws -> Timeline {
        let text = try #require(BundledScenarios.text(named: name))
        return Engine.run(try ScenarioParser.parse(text, name: "\(name).scn"))
    }

    /// (snapshot name, scenario, the event: the first one satisfying the predicate).
    static let events: [(String, String, @Sendable (Timeline, Int) -> Bool)] = [
        ("get-page-hit", "partial-stripe", { t, n in if case .r4wGetPage(let g) = t.payload(of: n) { g.uptodate } else { false } }),
        ("get-page-read", "partial-stripe", { t, n in if case .r4wGetPage(let g) = t.payload(of: n) { !g.uptodate } else { false } }),
        ("ore-write", "partial-stripe", { t, n in t.event(n).kind == .call && t.function(of: n) == .ore_write }),
        ("write-hole-opens", "partial-stripe", { t, n in WriteHoleTracker.mayChange(n, in: t) && n > 80 }),
        ("that-locked-page", "locked-page", { t, n in if case .r4wGetPage(let g) = t.payload(of: n) { g.source == .locked } else { false } }),
        ("violation", "device-failure", { t, n in t.event(n).kind == .violation }),
        ("misplaced-unit", "raid0-placement-final", { t, n in if case .violation(7, _) = t.payload(of: n) { true } else { false } }),
        ("kernel-bug", "stranded-fsync", { t, n in t.event(n).kind == .kernelBug }),
    ]

    /// The page cache follows the stripe being prepared, as the stripe map and sp2d do,
    /// even in a file with more stripes than the grid has rows.
    @Test func pageCacheFollowsTheStripeBeingPrepared() throws {
        let text = "layout raid5 devices=4 stripe-unit=16K\nfile size=1M\nwrite 200..201\nwritepages sync\n"
        let t = Engine.run(try ScenarioParser.parse(text, name: "follow.scn"))
        let xor = try #require((0..<t.count).first { t.event($0).kind == .xor })
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: xor).view().lines
        let stripe16 = try #require(lines.first { $0.hasPrefix("│s16 ") }, "the grid shows stripe 16")
        #expect(stripe16.contains("LW"))
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func keyEvents(width: Int, height: Int) throws {
        for (name, scenario, predicate) in Self.events {
            let t = try Self.timeline(scenario)
            let seq = try #require((0..<t.count).first { predicate(t, $0) }, "\(name)")
            let model = DebuggerModel(timeline: t, width: width, height: height, monochrome: true, at: seq)
            assertSnapshot(model.view(), named: "key-\(name)-\(width)x\(height)")
        }
    }
}

/// Enter on any event shows it whole and, below, the note in effect, whole: at 80×24 the
/// header has room for one line of it.
struct EventDetailNoteTests {
    @Test func enterShowsTheNoteInEffect() throws {
        let t = try defaultTimeline()
        let note = try #require((0..<t.count).last { t.event($0).kind == .note && $0 < t.count - 5 })
        let text = try #require(t.message(of: note))
        var model = DebuggerModel(timeline: t, width: 80, height: 24, at: note + 3)
        _ = model.update(.key(.enter))
        let lines = model.view().lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
        let shown = lines.drop { !$0.hasPrefix("note (event \(note)):") }.prefix { !$0.isEmpty }.joined(separator: " ")
        #expect(shown.replacingOccurrences(of: "  ", with: " ").contains(text.suffix(30)), "the note's end is on screen")
    }
}
