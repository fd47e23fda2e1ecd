import StripeCore

/// The events around the cursor, indented by call depth; the current one highlighted,
/// breakpoints marked in the margin, and under a completed write the write-hole window
/// it opened or closed, as in `trace`.
struct EventLogPanel: Panel {
    let theme: Theme
    /// The panel has the focus (Tab): bold border, and the log's cursor `scroll` rows
    /// off the current event, on `logRow` (Enter goes there).
    let focused: Bool
    let scroll: Int
    let logRow: Int?
    let breakpoints: Set<Breakpoint>

    /// The log's lines from event `first` on: each event, then the window changes it made.
    static func lines(_ t: Timeline, from first: Int, count rows: Int) -> [(seq: Int, text: String, isWindow: Bool)] {
        let last = min(t.count, first + rows)
        var tracker: WriteHoleTracker?
        if (first..<last).contains(where: { WriteHoleTracker.mayChange($0, in: t) }) {
            tracker = WriteHoleTracker(timeline: t, after: first - 1)
        }
        var lines: [(Int, String, Bool)] = []
        for seq in first..<last where lines.count < rows {
            lines.append((seq, t.text(of: seq), false))
            guard tracker != nil else { continue }
            for change in tracker!.advance(to: seq) {
                lines.append((seq, String(repeating: " ", count: 9 + 2 * Int(t.event(seq).depth)) + change.description, true))
            }
        }
        return Array(lines.prefix(rows))
    }

    /// The rows shown for `view` in `rect`: the cursor in the middle, moved by the log's
    /// scroll; write-hole lines under the events before the cursor never push it off.
    /// One computation for drawing and for a click.
    func shown(_ view: ViewState, in rect: Rect) -> [(seq: Int, text: String, isWindow: Bool)] {
        let t = view.timeline
        let cursor = view.cursor
        let rows = rect.inset(1).height
        var first = cursor - rows / 2 + scroll
        first = max(0, min(first, t.count - rows))
        var shown = Self.lines(t, from: first, count: rows)
        if scroll == 0, first <= cursor, !shown.contains(where: { $0.seq == cursor && !$0.isWindow }) {
            let more = Self.lines(t, from: first, count: rows + (cursor - first + 1) * 8)
            if let at = more.firstIndex(where: { $0.seq == cursor && !$0.isWindow }) {
                let top = max(0, min(at - rows / 2, more.count - rows))
                shown = Array(more[top..<min(more.count, top + rows)])
            }
        }
        return shown
    }

    /// The event on screen row `y` (a write-hole line under an event counts as its event).
    func event(_ view: ViewState, in rect: Rect, atY y: Int) -> Int? {
        let inner = rect.inset(1)
        let rows = shown(view, in: rect)
        return y >= inner.y && y - inner.y < rows.count ? rows[y - inner.y].seq : nil
    }

    func draw(_ view: ViewState, in rect: Rect, on screen: inout Screen) {
        let t = view.timeline
        let cursor = view.cursor
        screen.box(rect, title: logRow == nil ? "events (Enter: the whole event)" : "events (Enter: go to ▶)", glyphs: theme.box,
                   style: focused ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        for (row, line) in shown(view, in: rect).enumerated() {
            let y = inner.y + row
            let kind = t.event(line.seq).kind
            var style: Style = line.isWindow ? theme.label : kind == .violation ? theme.error : kind == .command ? .bold : kind == .note ? theme.note : .plain
            if line.seq == cursor, !line.isWindow {
                style = theme.current
                screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            }
            if line.seq == logRow, !line.isWindow {
                // The log's cursor, moved off the current event: Enter goes there.
                screen.put(theme.ascii ? ">" : "▶", x: inner.x, y: y, style: .bold, clip: inner)
            } else if !line.isWindow, breakpoints.contains(where: { $0.matches(line.seq, in: t) }) {
                screen.put(theme.ascii ? "o" : "●", x: inner.x, y: y, style: theme.error, clip: inner)
            }
            screen.put(line.text, x: inner.x + 1, y: y, style: style, clip: inner)
        }
    }
}
