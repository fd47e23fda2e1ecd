import StripeCore

/// A clicked page: its flags by name, references, content and the latest events that
/// touched it. Takes the counters' place while a page is selected.
struct PageDetailPanel {
    let model: DebuggerModel
    let rect: Rect
    let index: Int

    /// The latest events up to the cursor about page `index`, newest first; looks back
    /// a bounded number of events so a click stays instant on huge timelines.
    var history: [Int] {
        let t = model.timeline
        var found: [Int] = []
        var seq = model.cursor
        let stop = max(0, model.cursor - 200_000)
        while seq >= stop, found.count < max(0, rect.height - 4) {
            if t.pageIndex(of: seq) == index { found.append(seq) }
            seq -= 1
        }
        return found
    }

    func draw(into screen: inout Screen) {
        let theme = model.theme
        screen.box(rect, title: "page \(index) (click again to close)", glyphs: theme.box, style: .bold)
        let inner = rect.inset(1)
        let page = model.state.pages[index]
        let flags = page.flags.names.joined(separator: " ")
        let state = page.present ? (flags.isEmpty ? "present, no flags" : flags) : "not in the cache"
        screen.put(state, x: inner.x, y: inner.y, style: theme.pageStyle(page), clip: inner)
        screen.put("refs \(page.refs)  data \(Token.hex(page.token))", x: inner.x, y: inner.y + 1, clip: inner)
        for (row, seq) in history.enumerated() {
            screen.put("\(seq): \(model.timeline.summary(of: seq))", x: inner.x, y: inner.y + 2 + row, style: theme.label, clip: inner)
        }
    }
}
