import StripeCore

/// The kernel call stack at the current event, outermost first, as gdb's `backtrace`
/// names it: kernel symbols, named arguments, and what a `get_page` just returned.
struct CallStackPanel: Panel {
    let theme: Theme
    /// The panel has the focus (Tab): bold border, and `scroll` rows moved by ↑ ↓.
    let focused: Bool
    let scroll: Int

    /// One per frame, outermost first: the function's symbol, the call with its
    /// arguments, and what it returned if it just did. The current r4w get/put appears
    /// as the innermost frame.
    static func frames(_ view: ViewState) -> [(symbol: String, call: String, result: String?)] {
        let t = view.timeline
        var frames = view.state.stack.map { seq -> (String, String, String?) in
            guard case .call(let call) = t.payload(of: seq) else { return ("?", "?", nil) }
            let args = call.arguments.filter { $0.value != UInt64.max }.map { "\($0.name)=\($0.value)" }
            return (call.function.kernelSymbol, "\(call.function.kernelSymbol)(\(args.joined(separator: ", ")))", nil)
        }
        switch t.payload(of: view.cursor) {
        case .r4wGetPage(let get): frames.append(("__r4w_get_page", "__r4w_get_page(index=\(get.index))", get.result))
        case .r4wPutPage(let index, let released):
            frames.append(("__r4w_put_page", "__r4w_put_page(index=\(index))", released ? nil : "no reference to drop"))
        default: break
        }
        return frames
    }

    func draw(_ view: ViewState, in rect: Rect, on screen: inout Screen) {
        screen.box(rect, title: "call stack", glyphs: theme.box, style: focused ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        let frames = Self.frames(view)
        guard !frames.isEmpty else {
            screen.put("(no kernel call at this event)", x: inner.x, y: inner.y, style: theme.label, clip: inner)
            return
        }
        // The innermost frame's result goes on a line of its own when the frame is too
        // wide, so what get_page returned is never cut.
        let prefix = { (n: Int) in String(repeating: " ", count: min(n, inner.width < 50 ? 0 : 4)) + (n > 0 ? theme.arrow + " " : "") }
        var lines = frames.enumerated().map { prefix($0.offset) + $0.element.call + ($0.element.result.map { " = " + $0 } ?? "") }
        var resultLine: String?
        if let last = frames.last, let result = last.result, lines[lines.count - 1].count > inner.width {
            resultLine = String(repeating: " ", count: prefix(frames.count - 1).count + 2) + "= " + result
            lines[lines.count - 1] = prefix(frames.count - 1) + last.call
        }
        let extra = resultLine == nil ? 0 : 1
        // Every frame, or the innermost ones under a line naming the outer frames left
        // out (↑ scrolls them into view; then the line names the inner ones).
        let fits = frames.count + extra <= inner.height
        let rows = fits ? frames.count : max(1, inner.height - 1 - extra)
        var first = max(0, frames.count - rows) + scroll
        first = max(0, min(first, frames.count - rows))
        var y = inner.y
        if !fits {
            let outer = frames[..<first].map(\.symbol), below = frames[(first + rows)...].map(\.symbol)
            let hidden = outer.isEmpty ? "… \(below.count) more inside: " + below.joined(separator: " › ")
                : "… \(outer.count) more: " + outer.joined(separator: " › ")
            screen.put(hidden, x: inner.x, y: y, style: theme.label, clip: inner)
            y += 1
        }
        for n in first..<min(frames.count, first + rows) {
            let style: Style = n == frames.count - 1 ? Style(.default, [.bold]) : .plain
            screen.put(lines[n], x: inner.x, y: y, style: style, clip: inner)
            y += 1
            if n == frames.count - 1, let resultLine {
                screen.put(resultLine, x: inner.x, y: y, style: style, clip: inner)
                y += 1
            }
        }
    }
}
