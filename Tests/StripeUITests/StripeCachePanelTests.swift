import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// In md mode the sp2d's place shows md's stripe cache: the decision md took for each
/// stripe_head of the chunk row, block by block; the counters count the choices.
struct StripeCachePanelTests {
    static func timeline(_ name: String) throws -> Timeline {
        Engine.run(try ScenarioParser.parse(try #require(BundledScenarios.text(named: name)), name: "\(name).scn"))
    }

    @Test func theTieShowsTheReadsAndTheBlocks() throws {
        let t = try Self.timeline("md-tie-prefer")
        let seq = try #require((0..<t.count).first { t.event($0).kind == .mdDecision })
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: seq).view().lines
        #expect(lines.contains { $0.contains("┌ md stripe cache") })
        #expect(!lines.contains { $0.contains("pcol & sp2d") })
        #expect(lines.contains { $0.contains("chunk row 0: P dev 3") })
        #expect(lines.contains { $0.contains("r0 rmw 2 rcw 2 → rcw reads 1,2 preread-active @\(seq)") })
        #expect(lines.contains { $0.contains("d0:Do d1:W d2:W P3:E") })
    }

    /// After its reads md handles the stripe_head again and recounts (nothing left to
    /// read); the note after the write explains the decision that read, so the row keeps
    /// it on screen, the recount after it.
    @Test func theDecisionThatReadStaysOnScreenAfterTheRecount() throws {
        let t = try Self.timeline("md-tie-prefer")
        let decisions = (0..<t.count).filter { t.event($0).kind == .mdDecision }
        try #require(decisions.count == 2)
        let note = try #require((0..<t.count).last { t.event($0).kind == .note })
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: note).view().lines
        #expect(lines.contains { $0.contains("r0 rmw 2 rcw 2 → rcw reads 1,2 preread-active @\(decisions[0])") })
        #expect(lines.contains { $0.contains("d0:Do d1:Cu d2:Cu P3:E") })
    }

    /// A second write of a cached row reads nothing: its own decision, no earlier one.
    @Test func aWriteWithoutReadsShowsOnlyItself() throws {
        let t = try Self.timeline("md-same-row-twice")
        let decisions = (0..<t.count).filter { t.event($0).kind == .mdDecision }
        let last = try #require(decisions.last)
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: t.count - 1).view().lines
        #expect(lines.contains { $0.contains("r0 rmw 0 rcw 3 → rmw @\(last)") && !$0.contains("then") })
    }

    @Test func aBatchNamesItsRows() throws {
        let t = try Self.timeline("md-delayed-full-stripe")
        let seq = try #require((0..<t.count).first { t.event($0).kind == .mdDecision })
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: seq).view().lines
        #expect(lines.contains { $0.contains("r4 rmw 5 rcw 0 → full batched: r5 r6 r7 @\(seq)") })
    }

    @Test func countersCountTheChoices() throws {
        let t = try Self.timeline("md-delayed-full-stripe")
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: t.count - 1).view().lines
        #expect(lines.contains { $0.contains("md decisions: rmw 0  rcw 0  full 2") })
    }

    /// md's log device is named `log` (SPEC 10), in the counters and the crash browser's
    /// writes, and the array's devices keep their numbers.
    @Test func theLogDeviceIsNamedLog() throws {
        let text = "layout raid5 devices=5 stripe-unit=16K\nwrite-path md log=journal\nwrite 0..5\nwritepages sync\n"
        let t = Engine.run(try ScenarioParser.parse(text, name: "log.scn"))
        try #require(t.state(at: t.count - 1).devices[5].pagesWritten > 0, "the journal writes to the device past the array")
        let lines = DebuggerModel(timeline: t, width: 200, height: 60, at: t.count - 1).view().lines
        #expect(lines.contains { $0.contains("dev4 r") && $0.contains("log r0 w") })
        #expect(!lines.contains { $0.contains("dev5") })
    }

    /// The ORE's screens keep the pcol & sp2d panel.
    @Test func exofsKeepsTheSp2d() throws {
        let t = try Self.timeline("partial-stripe")
        let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: 72).view().lines
        #expect(lines.contains { $0.contains("pcol & sp2d") })
        #expect(!lines.contains { $0.contains("md stripe cache") })
    }
}

/// The split screen across write paths says first that the requests differ by design,
/// and only then where the worlds part.
struct MdCompareViewTests {
    @Test func splitScreenSaysRequestsDifferByDesign() throws {
        let text = try #require(BundledScenarios.text(named: "md-warm-page-cache"))
        let comparison = Comparison(try WorldPair(a: ScenarioParser.parse(text, name: "md-warm-page-cache.scn"), commands: "write-path md"))
        let lines = CompareModel(comparison: comparison, width: 160, height: 40, monochrome: true, at: comparison.a.count - 1).view().lines
        #expect(lines[1].hasPrefix("A writes via ore, B via md: device requests differ by design. First divergence"))
        let same = Comparison(try WorldPair(a: ScenarioParser.parse(text, name: "md-warm-page-cache.scn"), commands: "set r4w=off"))
        #expect(!CompareModel(comparison: same, width: 160, height: 40, monochrome: true, at: 10).view().lines[1].contains("by design"))
    }
}
