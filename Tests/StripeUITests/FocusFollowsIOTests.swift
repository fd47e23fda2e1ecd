import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// SPEC 9.1: at every event the page grid and the stripe map show the stripes the
/// event touches, read off the drawn frame (the row labels `sN` inside each box).
struct FocusFollowsIOTests {
    /// The stripes event `seq` touches, worked out from the event itself: its page, the
    /// object pages its request reads or writes, the stripe whose parity it computed.
    static func touched(_ seq: Int, in t: Timeline, layout: OreLayout) -> [Int] {
        switch t.payload(of: seq) {
        case .devRead(let r), .devWrite(let r):
            return t.entries(of: r.request).map { Int(layout.stripe(onDevice: r.request.dev, objPage: $0.objPage)) }
        case .ioDone(let done):
            return t.entries(of: done.request).map { Int(layout.stripe(onDevice: done.request.dev, objPage: $0.objPage)) }
        case .xor(let update):
            return [Int(update.stripe)]
        case .page(let change):
            return [change.index / layout.pagesInStripe]
        case .pageAdd(let index), .pageRemove(let index), .r4wPutPage(let index, _):
            return [index / layout.pagesInStripe]
        case .r4wGetPage(let get):
            return [get.index / layout.pagesInStripe]
        default:
            return []
        }
    }

    /// The stripes labelled inside the box titled `title` (its rows start `│sN `).
    static func shownStripes(_ lines: [String], box title: String) -> Set<Int> {
        guard let top = lines.firstIndex(where: { $0.hasPrefix("┌ \(title)") }) else { return [] }
        var stripes = Set<Int>()
        for line in lines[(top + 1)...] {
            if line.hasPrefix("└") { break }
            let label = line.dropFirst().prefix { $0 != " " }
            if label.first == "s", let n = Int(label.dropFirst()) { stripes.insert(n) }
        }
        return stripes
    }

    @Test(arguments: BundledScenarios.all.map(\.name))
    func touchedStripesAreOnScreen(name: String) throws {
        let text = try #require(BundledScenarios.text(named: name))
        let t = Engine.run(try ScenarioParser.parse(text, name: "\(name).scn"))
        for (w, h) in [(80, 24), (120, 40)] {
            var model = DebuggerModel(timeline: t, width: w, height: h)
            var checked = 0
            for seq in 0..<t.count {
                model.move(to: seq)
                guard let layout = model.state.layout else { continue }
                let touched = Self.touched(seq, in: t, layout: layout)
                guard let low = touched.min(), let high = touched.max() else { continue }
                let lines = model.view().lines
                for box in ["page cache", "stripe map"] {
                    let shown = Self.shownStripes(lines, box: box)
                    // The map has rows for the stripes written so far; the grid for the file's
                    // pages (a unit misplaced past them has no page to show there).
                    let filePages = max(model.state.pageSpan, Int((model.state.iSize + pageSize - 1) / pageSize))
                    let total = box == "stripe map" ? Int(model.state.stripeSpan) : (filePages + layout.pagesInStripe - 1) / layout.pagesInStripe
                    let wanted = Set(low...min(high, low + shown.count - 1)).filter { $0 < total }
                    #expect(wanted.isSubset(of: shown), "\(name) \(w)x\(h) event \(seq) (\(t.summary(of: seq))): \(box) shows s\(shown.sorted()) without s\(wanted.subtracting(shown).sorted())")
                }
                checked += 1
            }
            // Scenarios without I/O (truncates) touch no stripe: nothing to check there.
            #expect(checked > 0 || !(0..<t.count).contains { t.event($0).kind == .devWrite })
        }
    }

    /// A user scroll pins the map where it is: the next step leaves it there and the
    /// header says `pinned`; Esc lets it follow the I/O again.
    @Test func aScrollPinsTheViewUntilEsc() throws {
        let t = try KeyEventSnapshotTests.timeline("reclaim-writepage")
        var model = DebuggerModel(timeline: t, width: 120, height: 40)
        // An event whose request touches a stripe far from stripe 0.
        let far = try #require((0..<t.count).first { seq in
            guard let layout = t.state(at: seq).layout else { return false }
            return (Self.touched(seq, in: t, layout: layout).min() ?? 0) >= 6
        })
        model.move(to: far - 1)
        model.focus = .stripes
        for _ in 0..<3 { _ = model.perform(.up) }
        let pinnedRows = Self.shownStripes(model.view().lines, box: "stripe map")
        #expect(model.view().lines[0].contains("pinned"))
        _ = model.perform(.step)
        #expect(Self.shownStripes(model.view().lines, box: "stripe map") == pinnedRows)
        _ = model.perform(.escape)
        #expect(!model.view().lines[0].contains("pinned"))
        let layout = try #require(model.state.layout)
        let touched = Set(Self.touched(model.cursor, in: t, layout: layout))
        #expect(touched.isSubset(of: Self.shownStripes(model.view().lines, box: "stripe map")))
    }
}
