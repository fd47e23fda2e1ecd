import StripeCore

/// The `?` help: the rows of the mode in force (the user's keys), in two columns that fit
/// in 80 columns, then the legend.
struct HelpOverlay {
    /// The rows of `mode` as the help shows them.
    static func keys(_ map: KeyMap, _ mode: KeyMode) -> [(keys: String, meaning: String)] {
        map.shownRows(mode).map { ($0.label, $0.help) }
    }

    static let legend = [
        "Page cells: L locked, U uptodate, D dirty, W writeback, E error (LW: writeback and locked), - present with no flag, · absent.",
        "Markers: + pcol, * got by r4w, ↓ read from a device, ! stranded.",
        "Stripe map: D0.. data column, P parity unit; rows w r p planned by ore_write, W R P issued to the device (written, read for r4w, parity), ✓ done, X misplaced; ! parity≠data on disk.",
        "sp2d: W written, C cache hit, R read from its device, Z zero page, L that_locked_page, P parity, · empty.",
    ]

    let model: DebuggerModel

    func draw(into screen: inout Screen) {
        let keys = Self.keys(model.keys, model.keyMode)
        let keyWidth = keys.map(\.keys.count).max()! + 1
        let columnWidth = keyWidth + keys.map(\.meaning.count).max()! + 1
        let width = min(screen.width - 2, 2 * columnWidth + 3)
        let legend = Self.legend.flatMap { $0.wrapped(to: width - 4) }
        let rows = (keys.count + 1) / 2
        // A blank line around the keys when there is room for it.
        let spare = screen.height - 2 - (rows + legend.count + 2) >= 2 ? 1 : 0
        let height = min(screen.height - 2, rows + legend.count + 2 + 2 * spare)
        let rect = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        let clip = rect.inset(1)
        let text = { (line: String) in model.theme.ascii ? line.replacingArrows : line }
        screen.fill(rect)
        screen.box(rect, title: "\(model.keyMode.title.lowercased()) mode keys (any key closes)", glyphs: model.theme.box, style: .bold)
        for (n, entry) in keys.enumerated() {
            let x = rect.x + 2 + (n % 2) * columnWidth, y = rect.y + 1 + spare + n / 2
            screen.put(text(entry.keys), x: x, y: y, style: .bold, clip: clip)
            screen.put(entry.meaning, x: x + keyWidth, y: y, clip: clip)
        }
        let top = rect.y + 1 + 2 * spare + rows
        for (row, line) in legend.enumerated() {
            screen.put(text(line), x: rect.x + 2, y: top + row, clip: clip)
        }
        if top + legend.count > clip.maxY {
            // Too short a terminal for the whole legend: say so on the border.
            screen.put(" … more with more rows ", x: rect.maxX - 25, y: rect.maxY - 1, style: .bold, clip: rect)
        }
    }
}

/// Enter: the current event whole, its summary wrapped and its SPEC 7 fields.
struct EventDetailOverlay {
    let model: DebuggerModel

    func lines(width: Int) -> [String] {
        let t = model.timeline
        let e = t.event(model.cursor)
        var lines = "event \(model.cursor) (\(e.kind.name), depth \(e.depth)): \(t.summary(of: model.cursor))".wrapped(to: width)
        for (name, value) in t.fields(of: model.cursor) {
            lines += "  \(name): \(value.encoded)".wrapped(to: width)
        }
        // The note in effect, whole: a small screen shows only its first line above.
        // With its failed claims marked, as the header shows it.
        if let note = model.viewState.note, note != model.cursor {
            lines += [""] + "note (event \(note)): \(NoteText.shown(note, in: model).text)".wrapped(to: width)
        }
        return lines
    }

    func draw(into screen: inout Screen) {
        let width = min(screen.width - 2, 100)
        let lines = self.lines(width: width - 4)
        let height = min(screen.height - 2, lines.count + 4)
        let rect = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(rect)
        screen.box(rect, title: "event \(model.cursor) (any key closes)", glyphs: model.theme.box, style: .bold)
        for (row, line) in lines.enumerated() {
            screen.put(line, x: rect.x + 2, y: rect.y + 2 + row, clip: rect.inset(1))
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
        screen.box(rect, title: model.keys.keyBar(.breakpointList, width: rect.width - 4), glyphs: model.theme.box, style: .bold)
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
        for (from, to) in [("→", "->"), ("←", "<-"), ("↑", "^"), ("↓", "v"), ("·", "."), ("≠", "!="), ("✓", "=")] {
            s = s.split(separator: Character(from), omittingEmptySubsequences: false).joined(separator: to)
        }
        return s
    }
}
