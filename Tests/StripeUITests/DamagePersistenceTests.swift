import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// SPEC 9.1: damage stays marked from the event that caused it until one repairs it,
/// and the end of a scenario shows every damage still there.
struct DamagePersistenceTests {
    static func run(_ text: String, _ name: String) throws -> Timeline {
        Engine.run(try ScenarioParser.parse(text, name: "\(name).scn"))
    }

    static func bundled(_ name: String) throws -> Timeline {
        try run(try #require(BundledScenarios.text(named: name)), name)
    }

    /// The misplaced object pages of the first request that writes one, from its payload.
    static func firstMisplacedWrite(_ t: Timeline) throws -> (seq: Int, places: [UnitPage]) {
        for seq in 0..<t.count {
            guard case .devWrite(let r) = t.payload(of: seq) else { continue }
            let places = t.entries(of: r.request).filter(\.misplaced).map { UnitPage(dev: r.request.dev, objPage: $0.objPage) }
            if !places.isEmpty { return (seq, places) }
        }
        throw Missing()
    }

    struct Missing: Error {}

    /// The row of the box titled `title` labelled `sN`.
    static func row(_ lines: [String], box title: String, stripe: Int) -> String? {
        guard let top = lines.firstIndex(where: { $0.hasPrefix("┌ \(title)") }) else { return nil }
        return lines[(top + 1)...].prefix { !$0.hasPrefix("└") }.first { $0.hasPrefix("│s\(stripe) ") }
    }

    /// raid0-placement-final: dev 0's unit lands on stripe 0's place, and pages 8 and 9
    /// never reach theirs. The `X` and the `✗`s stay to the last event (the note that
    /// explains them comes 20 events after the write).
    @Test func misplacedUnitAndLostPagesStayToTheEnd() throws {
        let t = try Self.bundled("raid0-placement-final")
        let (write, places) = try Self.firstMisplacedWrite(t)
        var model = DebuggerModel(timeline: t, width: 120, height: 40, at: write)
        var lostSince: Int?
        for seq in write..<t.count {
            model.move(to: seq)
            for place in places { #expect(model.viewState.misplaced[place] == write, "event \(seq): \(place) not marked") }
            if lostSince == nil, model.viewState.isLost(8) && model.viewState.isLost(9) { lostSince = seq }
            if lostSince != nil { #expect(model.viewState.isLost(8) && model.viewState.isLost(9), "event \(seq): pages 8, 9 no longer lost") }
        }
        #expect(lostSince != nil)
        let lines = model.view().lines
        #expect(try #require(Self.row(lines, box: "stripe map", stripe: 0)).contains("D0 XX"))
        #expect(try #require(Self.row(lines, box: "page cache", stripe: 1)).contains("U✗  U✗"))
        // The page detail names the event that put a misplaced unit in page 0's place.
        model.selectedPage = 0
        #expect(model.view().text.contains("misplaced unit in its place since event \(write)"))
    }

    /// raid0-placement-final: dev 0's misplaced unit lands over pages 0 and 1, which the
    /// cache never held. Both are lost (`✗`, where the grid shows `·` for "not cached") from
    /// that write's completion to the last event, and not before; the page detail dates
    /// them by it.
    @Test func uncachedPagesOverwrittenAreLost() throws {
        let t = try Self.bundled("raid0-placement-final")
        let (write, _) = try Self.firstMisplacedWrite(t)
        guard case .devWrite(let write0) = t.payload(of: write) else { throw Missing() }
        let landed = try #require((write..<t.count).first { seq in
            if case .ioDone(let done) = t.payload(of: seq) { return done.id == write0.id }
            return false
        })
        var model = DebuggerModel(timeline: t, width: 120, height: 40)
        for seq in 0..<t.count {
            model.move(to: seq)
            #expect(!model.state.pages[0].present && !model.state.pages[1].present)
            for page in [0, 1] { #expect(model.viewState.isLost(page) == (seq >= landed), "event \(seq), page \(page)") }
        }
        #expect(try #require(Self.row(model.view().lines, box: "page cache", stripe: 0)).components(separatedBy: "·✗").count == 3)
        model.selectedPage = 0
        #expect(model.view().text.contains("lost on disk since event \(landed)"))
    }

    /// The same writes followed by a write of pages 0..9 that starts on a stripe: it puts
    /// every unit in its place, and the marks go from that write on.
    @Test func aCorrectWriteRepairsThem() throws {
        let text = try #require(BundledScenarios.text(named: "raid0-placement-final"))
        let t = try Self.run(text.replacing("\ncheck", with: "\nwrite 0..9\nwritepages sync"), "repaired")
        let (write, places) = try Self.firstMisplacedWrite(t)
        var model = DebuggerModel(timeline: t, width: 120, height: 40, at: t.count - 1)
        #expect(model.viewState.misplaced.isEmpty)
        #expect(!model.viewState.isLost(8) && !model.viewState.isLost(9))
        let lines = model.view().lines
        #expect(!(try #require(Self.row(lines, box: "stripe map", stripe: 0))).contains("X"))
        #expect(!(try #require(Self.row(lines, box: "page cache", stripe: 1))).contains("✗"))
        // Stepping back before the repair brings the mark back: it is a fact of the event.
        model.move(to: write + 1)
        #expect(places.allSatisfy { model.viewState.misplaced[$0] == write })
    }

    /// huge-unit: page 0 is clean and uptodate but on no device; the grid says `✗`
    /// (`x` with --ascii) at every event from the end of its writeback on.
    @Test func aLostPageIsMarkedNotHealthy() throws {
        let t = try Self.bundled("huge-unit")
        var model = DebuggerModel(timeline: t, width: 80, height: 24)
        var since: Int?
        for seq in 0..<t.count {
            model.move(to: seq)
            if since == nil, model.viewState.isLost(0) { since = seq }
            if since != nil { #expect(model.viewState.isLost(0), "event \(seq)") }
        }
        #expect(since != nil)
        #expect(try #require(Self.row(model.view().lines, box: "page cache", stripe: 0)).contains("U✗"))
        let ascii = DebuggerModel(timeline: t, width: 80, height: 24, ascii: true, at: t.count - 1).view().lines
        #expect(ascii.contains { $0.hasPrefix("|s0 ") && $0.contains("Ux") })
    }

    /// stranded-fsync: pages 4 and 5 stay locked under writeback with nothing in flight;
    /// `!` from the end of writepages to the kernel bug that ends the run, and the page
    /// detail dates it.
    @Test func strandedPagesStayMarked() throws {
        let t = try Self.bundled("stranded-fsync")
        var model = DebuggerModel(timeline: t, width: 120, height: 40)
        var since: Int?
        for seq in 0..<t.count {
            model.move(to: seq)
            if since == nil, model.viewState.isStranded(4) && model.viewState.isStranded(5) { since = seq }
            if since != nil, model.state.stack.isEmpty || model.state.kernelBug != nil {
                #expect(model.viewState.isStranded(4) && model.viewState.isStranded(5), "event \(seq)")
            }
        }
        #expect(since != nil)
        #expect(try #require(Self.row(model.view().lines, box: "page cache", stripe: 2)).contains("LW!"))
        model.selectedPage = 4
        let cause = try #require(model.pageHistory.first { t.event($0).kind == .page })
        #expect(model.view().text.contains("stranded since event \(cause): locked or under writeback"))
    }
}
