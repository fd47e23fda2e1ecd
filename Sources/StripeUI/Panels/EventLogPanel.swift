import StripeCore

/// The events around the cursor, indented by call depth; the current one highlighted,
/// breakpoints marked in the margin.
struct EventLogPanel {
    let model: DebuggerModel
    let rect: Rect

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let t = model.timeline
        screen.box(rect, title: "events", glyphs: theme.box, style: model.focus == .log ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        let rows = inner.height
        var first = model.cursor - rows / 2 + model.scroll[.log, default: 0]
        first = max(0, min(first, t.count - rows))
        let breakpoints = Set(model.breakpoints)
        for row in 0..<min(rows, t.count) {
            let seq = first + row
            let y = inner.y + row
            let marked = breakpoints.contains { $0.matches(seq, in: t) }
            let kind = t.event(seq).kind
            var style: Style = kind == .violation ? theme.error : kind == .command ? .bold : kind == .note ? theme.note : .plain
            if seq == model.cursor {
                style = theme.current
                screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            }
            screen.put(marked ? (theme.ascii ? "o" : "●") : " ", x: inner.x, y: y, style: theme.error, clip: inner)
            screen.put(t.text(of: seq), x: inner.x + 1, y: y, style: style, clip: inner)
        }
    }
}
