import StripeCore

/// The legend: what every letter, marker and glyph on screen means, flowed over its
/// rows (a cut row ends in "…"; `?` shows the whole legend).
struct LegendPanel: Panel {
    let theme: Theme

    /// Every glyph with its meaning, in reading order: page cells, the stripe map, sp2d.
    func items() -> [(glyph: String, meaning: String, style: Style)] {
        let flags: [(String, String, Style)] = [
            ("L", "locked", theme.pageStyle(Self.page(.locked))), ("U", "uptodate", theme.pageStyle(Self.page(.uptodate))),
            ("D", "dirty", theme.pageStyle(Self.page(.dirty))), ("W", "writeback", theme.pageStyle(Self.page(.writeback))),
            ("E", "error", theme.pageStyle(Self.page(.error))), ("-", "no flag", theme.pageStyle(Self.page([]))),
            ("·", "absent", Style(.default, [.dim])),
            ("+", "in pcol", theme.label), ("!", "stranded", theme.error), (String(theme.lostGlyph), "lost on disk", theme.error), ("*", "got by r4w", theme.read), (String(theme.readGlyph), "read from device", theme.label),
        ]
        let map: [(String, String, Style)] = [
            ("map: w r p", "planned", theme.planned), ("W R P", "issued", theme.written), (String(theme.doneGlyph), "done", theme.done),
            ("!", "parity≠data on disk", theme.error), ("X", "misplaced unit", theme.error),
            ("sp2d: W", "written", theme.written), ("C", "cache hit", theme.read), ("R", "device read", theme.read),
            ("Z", "zero page", theme.read), ("L", "that_locked_page", theme.read), ("P", "parity", theme.parity),
        ]
        return flags + map
    }

    func draw(_ view: ViewState, in rect: Rect, on screen: inout Screen) {
        var x = rect.x, y = rect.y
        for item in items() {
            let width = item.glyph.count + 1 + item.meaning.count
            if x > rect.x, x + width > rect.maxX, y + 1 < rect.maxY {
                x = rect.x
                y += 1
            }
            x = screen.put(item.glyph, x: x, y: y, style: item.style, clip: rect)
            x = screen.put(" \(item.meaning)  ", x: x, y: y, style: theme.label, clip: rect)
            if x > rect.maxX { break }
        }
    }

    private static func page(_ flags: PageFlags) -> Page {
        var page = Page()
        page.present = true
        page.flags = flags
        return page
    }
}
