import StripeCore

/// A selected page (Enter on the page cursor, or a click): its flags by name, references, content and the latest events that
/// touched it (`DebuggerModel.pageHistory`, found when the cursor or the selection
/// moves, not at every frame). Takes the counters' place while a page is selected, keeping their last line.
struct PageDetailPanel: Panel {
    let theme: Theme
    let index: Int
    /// The page's latest events, newest first, and the latest write that landed in its
    /// place (`DebuggerModel.pageHistory`, `pageLastLanded`).
    let history: [Int]
    let lastLanded: Int?

    func draw(_ view: ViewState, in rect: Rect, on screen: inout Screen) {
        screen.box(rect, title: "page \(index) (Esc closes)", glyphs: theme.box, style: .bold)
        let inner = rect.inset(1)
        let page = view.state.pages[index]
        let flags = page.flags.names.joined(separator: " ")
        let state = page.present ? (flags.isEmpty ? "present, no flags" : flags) : "not in the cache"
        var y = inner.y
        let x = screen.put(state, x: inner.x, y: y, style: theme.pageStyle(page), clip: inner)
        // References and data beside the flags when they fit, else below; then where the
        // page lives, wrapped (a narrow screen gives it two lines).
        let refs = "refs \(page.refs)  data \(Token.hex(page.token))"
        if x + 2 + refs.count <= inner.maxX {
            screen.put("  " + refs, x: x, y: y, clip: inner)
        } else {
            y += 1
            screen.put(refs, x: inner.x, y: y, clip: inner)
        }
        for line in (Self.place(of: index, in: view) ?? "no layout yet").wrapped(to: inner.width) {
            y += 1
            screen.put(line, x: inner.x, y: y, style: theme.label, clip: inner)
        }
        for line in damage(view).flatMap({ $0.wrapped(to: inner.width) }) {
            y += 1
            screen.put(line, x: inner.x, y: y, style: theme.error, clip: inner)
        }
        // The counters' last line stays in view, named as theirs: the violation count is
        // always on screen.
        let status = "all pages: " + CountersPanel.lines(view).last!
        screen.put(status, x: inner.x, y: inner.maxY - 1, style: view.state.counters.violations > 0 ? theme.error : theme.label, clip: inner)
        // The page's latest events, newest first; a cut list says how many more there are.
        let room = max(0, inner.maxY - 2 - y)
        let shown = history.count > room && room >= 2 ? room - 1 : min(room, history.count)
        for (row, seq) in history.prefix(shown).enumerated() {
            screen.put("\(seq): \(view.timeline.summary(of: seq))", x: inner.x, y: y + 1 + row, style: theme.label, clip: inner)
        }
        if shown < history.count, shown < room {
            screen.put("… \(history.count - shown) earlier events of this page", x: inner.x, y: y + 1 + shown, style: theme.label, clip: inner)
        }
    }

    /// Where the page lives, as `ore_calc_stripe_info` puts it: its device and object
    /// offset, its stripe (named as the grid names it) and row, and the device holding
    /// that row's parity.
    static func place(of index: Int, in view: ViewState) -> String? {
        guard let layout = view.layout, let stripe = view.stripeName(ofPage: index) else { return nil }
        let info = layout.stripeInfo(at: UInt64(index) * pageSize)
        let parity = info.parityDev.map { ", parity dev \($0)" } ?? ""
        return "dev \(info.dev) obj 0x\(String(info.objOffset, radix: 16)), stripe \(stripe) row \(info.row)\(parity)"
    }

    /// The damage the page carries, each with the event it dates from.
    func damage(_ view: ViewState) -> [String] {
        var lines: [String] = []
        if view.isStranded(index) {
            let since = history.first { view.timeline.event($0).kind == .page }
            lines.append("stranded" + (since.map { " since event \($0)" } ?? "") + ": locked or under writeback, nothing in flight")
        }
        if let layout = view.layout {
            let location = layout.location(ofPage: index)
            if let cause = view.misplaced[UnitPage(dev: location.dev, objPage: location.objPage)] {
                lines.append("misplaced unit in its place since event \(cause) (dev \(location.dev))")
            }
        }
        if view.isLost(index) {
            // Dated by the last write that landed in its place or, when none did, by the end
            // of its writeback (the data went elsewhere, or nowhere).
            let ended = history.first { seq in
                if case .page(let change) = view.timeline.payload(of: seq) { return change.clear.contains(.writeback) }
                return false
            }
            let since = lastLanded.map { "since event \($0)" }
                ?? ended.map { "since event \($0), its writeback ended with nothing written in its place" } ?? "(never written there)"
            lines.append("lost on disk \(since): its device copy is not what the user last wrote")
        }
        return lines
    }
}
