import StripeCore

/// exofs's pcol and the ORE's sp2d matrix for the stripe being prepared.
struct Sp2dPanel: Panel {
    let theme: Theme
    /// The panel has the focus (Tab): bold border, and `scroll` rows moved by ↑ ↓.
    let focused: Bool
    let scroll: Int

    func draw(_ view: ViewState, in rect: Rect, on screen: inout Screen) {
        screen.box(rect, title: "pcol & sp2d", glyphs: theme.box, style: focused ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        var y = inner.y
        for (i, line) in Self.pcolLines(view, width: inner.width).enumerated() {
            screen.put(line.truncated(to: inner.width), x: inner.x, y: y, style: i == 0 ? .plain : theme.label, clip: inner)
            y += 1
        }
        guard let layout = view.state.layout, let sp2d = view.state.sp2d else {
            screen.put("sp2d: no stripe being prepared", x: inner.x, y: y, style: theme.label, clip: inner)
            return
        }
        let firstPage = Int(sp2d.stripe) * layout.pagesInStripe
        let width = "\(firstPage + layout.pagesInStripe)".count + 2
        let label = "sp2d s\(sp2d.stripe)"
        screen.put(label, x: inner.x, y: y, style: .bold, clip: inner)
        var x = inner.x + label.count + 1
        for c in 0..<sp2d.columns {
            screen.put(c < sp2d.dataColumns ? "c\(c)" : ParityScheme.name(ofUnit: c - sp2d.dataColumns), x: x, y: y, style: theme.label, clip: inner)
            x += width
        }
        y += 1
        let rows = max(0, inner.maxY - y)
        var top = max(0, scroll)
        if let written = sp2d.writtenRows, top == 0, written.upperBound >= rows { top = written.lowerBound }
        top = min(top, max(0, sp2d.rows - rows))
        screen.clipNote(rect, shown: top..<min(sp2d.rows, top + rows), of: sp2d.rows, prefix: "r", style: theme.label)
        for r in top..<min(sp2d.rows, top + rows) {
            screen.put("r\(r)", x: inner.x + label.count - "r\(r)".count, y: y, style: theme.label, clip: inner)
            x = inner.x + label.count + 1
            for c in 0..<sp2d.columns {
                let cell = sp2d[r, c]
                let page = firstPage + c * layout.pagesInUnit + r
                let (text, style) = Self.cell(cell, page: page, got: view.gotPages[page], parityUnit: c - sp2d.dataColumns, theme)
                screen.put(text, x: x, y: y, style: style, clip: inner)
                x += width
            }
            y += 1
        }
    }

    /// The pcol lines. While an `ore_write` runs, `write_exec` has reset the pcol and
    /// the r4w ops see its copy (`ios->private`): both are shown, the copy first.
    static func pcolLines(_ view: ViewState, width: Int) -> [String] {
        func describe(_ pcol: PageCollect, _ name: String) -> String {
            let first = pcol.pgFirst < 0 ? "-" : "\(pcol.pgFirst)"
            let locked = pcol.thatLockedPage < 0 ? "-" : "\(pcol.thatLockedPage)"
            let wide = "\(name) pg_first \(first) nr_pages \(pcol.nrPages) that_locked_page \(locked)"
            return wide.count <= width ? wide : "\(name) first \(first) nr \(pcol.nrPages) locked \(locked)"
        }
        let pcol = view.state.pcol
        guard let copy = view.pcolCopy else {
            return [describe(pcol, "pcol"), "     expected \(pcol.expectedPages) alloc \(pcol.allocPages)"]
        }
        let writing = view.oreWritePages.map { $0.count == 1 ? "page \($0.lowerBound)" : "pages \($0.lowerBound)..\($0.upperBound - 1)" } ?? "-"
        return [describe(copy, "pcol_copy"), describe(pcol, "pcol     "),
                "ore_write \(writing); the r4w ops see pcol_copy"]
    }

    /// An sp2d cell: `W5` written, `C1` got from the cache (uptodate), `R9` got and read
    /// from its device, `Z3` the zero page standing for page 3, `L2` that_locked_page, `P` or `Q`
    /// parity (`parityUnit` 0 or 1), `·` empty.
    static func cell(_ cell: Sp2dCell, page: Int, got: EventPayload.GetPage?, parityUnit: Int = 0, _ theme: Theme) -> (String, Style) {
        switch cell {
        case .empty: ("·", theme.label)
        case .written: ("W\(page)", theme.written)
        case .got: (got?.uptodate == true ? "C\(page)" : "R\(page)", theme.read)
        case .zero: ("Z\(page)", theme.read)
        case .locked: ("L\(page)", theme.read)
        case .parity: (ParityScheme.name(ofUnit: parityUnit), theme.parity)
        }
    }
}
