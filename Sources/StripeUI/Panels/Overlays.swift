import StripeCore

/// The `?` help: every key.
struct HelpOverlay {
    static let lines = [
        "→ l s    one event forward (step into calls)     ← h S   one event back",
        "n        next event at this depth (over calls)   N       the same, backwards",
        "f        finish: out of the current call         F       back to the call",
        "c        continue to the next breakpoint         C       to the previous one",
        "Home End first / last event                      g       go to an event number",
        "b Space  breakpoint on the current event's function, page, device or kind",
        "B        list breakpoints (a add, d delete)      / , .   search the log, previous / next",
        ":        run a scenario command here (the future is recomputed)",
        "P        play / pause     + -  speed             Tab     focus the next panel",
        "↑ ↓ j k  scroll the focused panel                click   a page: its flags, refs, data",
        "? F1     this help        Ctrl-L redraw          q F10   quit",
        "",
        "Page letters: L locked U uptodate D dirty W writeback E error · absent",
        "Markers: + in the pcol, * got by r4w get_page, ↓ read from a device",
        "Stripe map: D0.. data column, P parity; W written, R read for r4w, P parity; ! parity≠data",
    ]

    let model: DebuggerModel

    func draw(into screen: inout Screen) {
        let width = min(screen.width - 2, (Self.lines.map(\.count).max() ?? 0) + 4)
        let height = min(screen.height - 2, Self.lines.count + 3)
        let rect = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(rect)
        screen.box(rect, title: "keys (any key closes)", glyphs: model.theme.box, style: .bold)
        for (row, line) in Self.lines.enumerated() {
            let text = model.theme.ascii ? line.replacingArrows : line
            screen.put(text, x: rect.x + 2, y: rect.y + 2 + row, clip: rect.inset(1))
        }
    }
}

/// The `B` list of breakpoints.
struct BreakpointsOverlay {
    let model: DebuggerModel
    let selected: Int

    func draw(into screen: inout Screen) {
        let items = model.breakpoints.isEmpty ? ["(none yet)"] : model.breakpoints.map(\.description)
        let width = min(screen.width - 2, max(44, (items.map(\.count).max() ?? 0) + 8))
        let height = min(screen.height - 2, items.count + 4)
        let rect = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(rect)
        screen.box(rect, title: "breakpoints: a add, d delete, Esc close", glyphs: model.theme.box, style: .bold)
        for (row, item) in items.enumerated() {
            let style: Style = row == selected && !model.breakpoints.isEmpty ? model.theme.current : .plain
            screen.put("  \(item)", x: rect.x + 1, y: rect.y + 2 + row, style: style, clip: rect.inset(1))
        }
    }
}

extension String {
    /// ASCII stand-ins for the arrows of the help text.
    var replacingArrows: String {
        var s = self
        for (from, to) in [("→", "->"), ("←", "<-"), ("↑", "^"), ("↓", "v"), ("·", "."), ("≠", "!=")] {
            s = s.split(separator: Character(from), omittingEmptySubsequences: false).joined(separator: to)
        }
        return s
    }
}
