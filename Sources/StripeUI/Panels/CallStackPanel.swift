import StripeCore

/// The kernel call stack at the current event, outermost first, with arguments.
struct CallStackPanel {
    let model: DebuggerModel
    let rect: Rect

    /// One line per frame; the current r4w get/put appears as the innermost frame.
    var frames: [String] {
        let t = model.timeline
        var frames = model.state.stack.map { seq -> String in
            let args = t.arguments(of: seq).filter { $0.value != UInt64.max }.map { "\($0.value)" }
            return "\(t.function(of: seq)!.name)(\(args.joined(separator: ", ")))"
        }
        let e = t.event(model.cursor)
        if e.kind == .r4wGetPage { frames.append("get_page(\(e.i))") }
        if e.kind == .r4wPutPage { frames.append("put_page(\(e.i))") }
        return frames
    }

    func draw(into screen: inout Screen) {
        let theme = model.theme
        screen.box(rect, title: "call stack", glyphs: theme.box, style: model.focus == .stack ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        let frames = self.frames
        guard !frames.isEmpty else {
            screen.put("(no kernel call at this event)", x: inner.x, y: inner.y, style: theme.label, clip: inner)
            return
        }
        // Keep the innermost frames in view.
        var first = max(0, frames.count - inner.height) + model.scroll[.stack, default: 0]
        first = max(0, min(first, max(0, frames.count - inner.height)))
        for (row, n) in (first..<min(frames.count, first + inner.height)).enumerated() {
            let indent = String(repeating: " ", count: min(n, inner.width < 50 ? 0 : 8))
            let style: Style = n == frames.count - 1 ? Style(.default, [.bold]) : .plain
            screen.put(indent + (n > 0 ? theme.arrow + " " : "") + frames[n], x: inner.x, y: inner.y + row, style: style, clip: inner)
        }
    }
}
