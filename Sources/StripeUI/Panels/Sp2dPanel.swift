import StripeCore

/// exofs's pcol and the ORE's sp2d matrix for the stripe being prepared.
struct Sp2dPanel {
    let model: DebuggerModel
    let rect: Rect

    func draw(into screen: inout Screen) {
        let theme = model.theme
        screen.box(rect, title: "pcol & sp2d", glyphs: theme.box, style: model.focus == .sp2d ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        let pcol = model.state.pcol
        var y = inner.y
        let writing = model.oreWritePages.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound - 1)" }
        let first = pcol.pgFirst < 0 ? "-" : "\(pcol.pgFirst)"
        let locked = pcol.thatLockedPage < 0 ? "-" : "\(pcol.thatLockedPage)"
        let wide = ["pcol pg_first \(first) nr_pages \(pcol.nrPages) that_locked_page \(locked)",
                    "     expected \(pcol.expectedPages) alloc \(pcol.allocPages)\(writing.map { " · ore_write pages \($0)" } ?? "")"]
        let narrow = ["pg_first \(first) nr_pages \(pcol.nrPages) locked \(locked)",
                      "exp \(pcol.expectedPages) alloc \(pcol.allocPages)\(writing.map { " · writing \($0)" } ?? "")"]
        // write_exec hands the pages to a copy and resets the pcol before ore_write, so
        // an empty pcol beside a running ore_write is the kernel's order, not a loss.
        for (i, line) in (wide.allSatisfy { $0.count <= inner.width } ? wide : narrow).enumerated() {
            screen.put(line, x: inner.x, y: y, style: i == 0 ? .plain : theme.label, clip: inner)
            y += 1
        }
        guard let layout = model.state.layout, let sp2d = model.state.sp2d else {
            screen.put("sp2d: no stripe being prepared", x: inner.x, y: y, style: theme.label, clip: inner)
            return
        }
        let firstPage = Int(sp2d.stripe) * layout.pagesInStripe
        let width = "\(firstPage + layout.pagesInStripe)".count + 2
        let label = "sp2d s\(sp2d.stripe)"
        screen.put(label, x: inner.x, y: y, style: .bold, clip: inner)
        var x = inner.x + label.count + 1
        for c in 0..<sp2d.columns {
            screen.put(c < sp2d.dataColumns ? "c\(c)" : "P", x: x, y: y, style: theme.label, clip: inner)
            x += width
        }
        y += 1
        let rows = max(0, inner.maxY - y)
        var top = max(0, model.scroll[.sp2d, default: 0])
        if let written = sp2d.writtenRows, top == 0, written.upperBound >= rows { top = written.lowerBound }
        top = min(top, max(0, sp2d.rows - rows))
        for r in top..<min(sp2d.rows, top + rows) {
            screen.put("r\(r)", x: inner.x + label.count - "r\(r)".count, y: y, style: theme.label, clip: inner)
            x = inner.x + label.count + 1
            for c in 0..<sp2d.columns {
                let cell = sp2d[r, c]
                let page = firstPage + c * layout.pagesInUnit + r
                let (text, style): (String, Style)
                switch cell {
                case .empty: (text, style) = ("·", theme.label)
                case .written: (text, style) = ("W\(page)", theme.written)
                case .got: (text, style) = ("R\(page)", theme.read)
                case .zero: (text, style) = ("0", theme.read)
                case .locked: (text, style) = ("L\(page)", theme.read)
                case .parity: (text, style) = ("P", theme.parity)
                }
                screen.put(text, x: x, y: y, style: style, clip: inner)
                x += width
            }
            y += 1
        }
    }
}
