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
        #expect(lines.contains { $0.contains("› _read_4_write_last_stripe(0)") })
        #expect(lines.contains { $0.contains("› get_page(") })
    }

    @Test func pageCellsShowFlagsAndMarkers() throws {
        let t = try defaultTimeline()
        // After _read_4_write_execute: pages 9 and 10 were read from a device and are held by r4w.
        let seq = try #require((0..<t.count).first { t.event($0).kind == .return && t.function(of: $0) == ._read_4_write_execute })
        let model = DebuggerModel(timeline: t, width: 120, height: 40, at: seq)
        let screen = model.view()
        let row = try #require(screen.lines.first { $0.hasPrefix("│s0 ") })
        // Column 0 cached (U), 1 and 2 held by r4w (*), 5 and 6 under writeback, 9 and 10 got and read (*↓).
        #expect(row.hasPrefix("│s0 U   U*  U*  U   │·   W   W   ·   │·   U*↓ U*↓ ·"))
        // Colour reinforces: the writeback cell is yellow in colour mode.
        let colour = DebuggerModel(timeline: t, width: 120, height: 40, at: seq).view()
        let y = try #require(colour.lines.firstIndex { $0.hasPrefix("│s0 ") })
        let wx = try #require(Array(colour.lines[y]).firstIndex(of: "W"))
        #expect(colour[wx, y].foreground == .yellow)
    }

    /// The stripe map follows the I/O: the pages ore_write writes from its call, the r4w
    /// reads once issued, the parity rows once _gen_xor_unit recomputed them.
    @Test func stripeMapFollowsTheIO() throws {
        let t = try defaultTimeline()
        func stripe0(at seq: Int) throws -> String {
            try #require(DebuggerModel(timeline: t, width: 120, height: 40, at: seq).view().lines
                .first { $0.hasPrefix("│s0 D0") })
        }
        let xor = try #require((0..<t.count).first { t.event($0).kind == .xor })
        #expect(try stripe0(at: firstCall(t, .ore_write) - 1).hasPrefix("│s0 D0 ···· D1 ···· D2 ···· P  ····"))
        #expect(try stripe0(at: firstCall(t, .ore_write)).hasPrefix("│s0 D0 ···· D1 ·WW· D2 ···· P  ····"))
        #expect(try stripe0(at: xor - 1).hasPrefix("│s0 D0 ···· D1 ·WW· D2 ·RR· P  ····"))
        #expect(try stripe0(at: xor).hasPrefix("│s0 D0 ···· D1 ·WW· D2 ·RR· P  ·PP·"))
    }

    /// An I/O that ends inside the file's partial last page still names that page.
    @Test func pcolPanelNamesAPartialLastPage() throws {
        let text = try #require(BundledScenarios.text(named: "partial-last-page"))
        let t = Engine.run(try ScenarioParser.parse(text, name: "partial-last-page.scn"))
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: try firstCall(t, .ore_write)).view().lines
        #expect(lines.contains { $0.contains("expected 31 alloc 0 · ore_write pages 2 ") })
    }

    /// Every key and its meaning stand whole in the help, down to 80×24.
    @Test(arguments: [(120, 40), (80, 24)])
    func helpShowsEveryKeyWhole(width: Int, height: Int) throws {
        var model = DebuggerModel(timeline: try defaultTimeline(), width: width, height: height, at: 0)
        _ = model.update(.key(.character("?")))
        let lines = model.view().lines
        for entry in HelpOverlay.keys {
            #expect(lines.contains { $0.contains(entry.keys) && $0.contains(entry.meaning) }, "\(entry.keys) at \(width)×\(height)")
        }
        #expect(lines.contains { $0.contains("! parity≠data on disk.") })
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
