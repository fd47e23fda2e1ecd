import StripeCore

/// The page cache, stripe by stripe: a row of the grid is one stripe's data pages,
/// units separated by a bar. Each cell is the page's main flag letter plus its markers.
struct PageGridPanel {
    let model: DebuggerModel
    let rect: Rect

    /// How the cells are laid out inside the box.
    private struct Geometry {
        /// Columns of the row label: the stripe (`s3`), then the first page index of the line.
        var labelWidth: Int
        var stripeLabelWidth: Int
        /// Columns per page cell: the letter, one or two markers, and spacing when there is room.
        var cellWidth: Int
        /// Page cells per screen line and lines per stripe.
        var cellsPerLine: Int
        var linesPerStripe: Int
        var firstStripe: Int
        var stripes: Int
        /// Stripes of the file, shown or not.
        var totalStripes: Int
    }

    private var layout: OreLayout? { model.state.layout }

    private var geometry: Geometry? {
        guard let layout else { return nil }
        let inner = rect.inset(1)
        let perStripe = layout.pagesInStripe
        let totalPages = max(model.state.pageSpan, Int((model.state.iSize + pageSize - 1) / pageSize))
        let stripes = max(1, (totalPages + perStripe - 1) / perStripe)
        // Each line is labelled with its stripe and the first page it holds: notes speak of page indices.
        let stripeLabelWidth = "s\(stripes - 1) ".count
        let labelWidth = stripeLabelWidth + "\(stripes * perStripe - 1) ".count
        let room = max(2, inner.width - labelWidth)
        // Wider cells read better on a projector; 1 more column at each unit boundary.
        let cellWidth = [4, 3, 2].first { perStripe * $0 + layout.dataDevices <= room } ?? 2
        let unitWidth = layout.pagesInUnit * cellWidth + 1
        var cellsPerLine: Int
        if perStripe * cellWidth + layout.dataDevices <= room {
            cellsPerLine = perStripe
        } else if unitWidth <= room {
            cellsPerLine = (room / unitWidth) * layout.pagesInUnit
        } else {
            cellsPerLine = max(1, (room - 1) / cellWidth)
        }
        let linesPerStripe = (perStripe + cellsPerLine - 1) / cellsPerLine
        let visible = max(1, (inner.height - (model.selectedPage == nil ? 0 : 1)) / linesPerStripe)
        // With the focus, the grid follows the page cursor (the arrows move it); else what
        // the event touches, or where the user pinned it.
        let first = model.firstStripe(of: .pages, visible: visible, total: stripes)
        return Geometry(labelWidth: labelWidth, stripeLabelWidth: stripeLabelWidth, cellWidth: cellWidth, cellsPerLine: cellsPerLine, linesPerStripe: linesPerStripe,
                        firstStripe: first, stripes: min(visible, stripes - first), totalStripes: stripes)
    }

    /// Screen column of the `n`-th page cell on its line.
    private func column(ofCell n: Int, layout: OreLayout, geometry g: Geometry) -> Int {
        let inner = rect.inset(1)
        return inner.x + g.labelWidth + n * g.cellWidth + n / layout.pagesInUnit
    }

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let focused = model.focus == .pages
        screen.box(rect, title: "page cache", glyphs: theme.box, style: focused ? Style(.default, [.bold]) : .plain)
        guard let layout, let g = geometry else {
            let inner = rect.inset(1)
            let hints = ["no layout yet", "", "→ one event   n over a call", "P play        ? every key"]
            for (n, hint) in hints.enumerated() {
                screen.put(hint, x: inner.x + 1, y: inner.y + n, style: n == 0 ? theme.label : .plain, clip: inner)
            }
            return
        }
        let inner = rect.inset(1)
        let view = model.viewState!
        let pcol = model.state.pcol.pages
        screen.clipNote(rect, shown: g.firstStripe..<(g.firstStripe + g.stripes), of: g.totalStripes, prefix: "s", style: theme.label)
        for s in 0..<g.stripes {
            let stripe = g.firstStripe + s
            for line in 0..<g.linesPerStripe {
                let y = inner.y + s * g.linesPerStripe + line
                if line == 0 { screen.put("s\(stripe)", x: inner.x, y: y, style: theme.label, clip: inner) }
                let firstPage = "\(stripe * layout.pagesInStripe + line * g.cellsPerLine)"
                screen.put(firstPage, x: inner.x + g.labelWidth - 1 - firstPage.count, y: y, style: theme.label, clip: inner)
                for n in 0..<g.cellsPerLine {
                    let inStripe = line * g.cellsPerLine + n
                    guard inStripe < layout.pagesInStripe else { break }
                    let index = stripe * layout.pagesInStripe + inStripe
                    let x = column(ofCell: n, layout: layout, geometry: g)
                    if n > 0, n % layout.pagesInUnit == 0 {
                        screen.put(String(theme.box.vertical), x: x - 1, y: y, style: theme.label, clip: inner)
                    }
                    let page = model.state.pages[index]
                    var style = theme.pageStyle(page)
                    if index == model.currentPage { style.attributes.insert(.underline) }
                    if index == model.selectedPage { style.attributes.insert(.reverse) }
                    if focused, index == model.pageCursor { style.attributes.formUnion([.reverse, .bold]) }
                    let stranded = view.isStranded(index), lost = view.isLost(index)
                    if stranded || lost { style = theme.error }
                    let markers = Self.markers(page, inPcol: pcol.contains(index), stranded: stranded, lost: lost, theme)
                    // Letters first, then as many markers as the cell has room for (one
                    // column is left blank between cells, except in the narrowest).
                    let letters = Theme.letters(page)
                    let room = max(2, g.cellWidth - 1)
                    screen.put(String(letters.prefix(room)), x: x, y: y, style: style, clip: inner)
                    for (k, marker) in markers.prefix(max(0, room - letters.count)).enumerated() {
                        screen.put(String(marker), x: x + letters.count + k, y: y, style: marker == "*" ? theme.read : style, clip: inner)
                    }
                }
            }
        }
        if let selected = model.selectedPage {
            let page = model.state.pages[selected]
            let text = page.present
                ? "page \(selected): \(page.flags.letters.isEmpty ? "-" : page.flags.letters), refs \(page.refs), data \(Self.short(page.token))"
                : "page \(selected): not in the cache"
            screen.put(text, x: inner.x, y: inner.maxY - 1, style: .bold, clip: inner)
        }
    }

    /// A page's markers, in the order a cell shows them: `!` stranded (locked or under
    /// writeback with no I/O in flight: invariant 6), `✗` lost on disk (invariant 1),
    /// `*` got by r4w, read from its device, `+` in the pcol.
    static func markers(_ page: Page, inPcol: Bool, stranded: Bool = false, lost: Bool = false, _ theme: Theme) -> [Character] {
        [stranded ? "!" : nil, lost ? theme.lostGlyph : nil, page.marks.contains(.r4wGot) ? "*" : nil,
         page.marks.contains(.readFromDevice) ? theme.readGlyph : nil, inPcol ? "+" : nil].compactMap { $0 }
    }

    /// The page under a screen position, if it is a visible cell.
    func page(atX x: Int, y: Int) -> Int? {
        guard let layout, let g = geometry else { return nil }
        let inner = rect.inset(1)
        let row = y - inner.y
        guard row >= 0, row < g.stripes * g.linesPerStripe else { return nil }
        let stripe = g.firstStripe + row / g.linesPerStripe
        let line = row % g.linesPerStripe
        for n in 0..<g.cellsPerLine {
            let cx = column(ofCell: n, layout: layout, geometry: g)
            if x >= cx, x < cx + g.cellWidth {
                let inStripe = line * g.cellsPerLine + n
                return inStripe < layout.pagesInStripe ? stripe * layout.pagesInStripe + inStripe : nil
            }
        }
        return nil
    }

    /// A token as its last 4 hex digits: enough to tell contents apart on screen.
    static func short(_ token: UInt64) -> String {
        token == 0 ? "0" : "…" + String(String(token, radix: 16).suffix(4))
    }
}
