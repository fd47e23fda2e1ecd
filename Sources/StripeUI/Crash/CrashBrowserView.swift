import StripeCore

/// The crash browser's screen: the states as a list; the chosen state's devices with
/// its stale parity rows marked; and the file's pages coloured by what a read returns
/// with the chosen device failed, under the ORE (which fails the read) and under md
/// (which rebuilds it, right or wrong). A pure function of the browser and the size.
struct CrashBrowserView {
    let browser: CrashBrowser
    let theme: Theme
    /// The crash browser's key bar from the key table in force.
    let keyBar: String

    /// A failed device, and a page read wrong.
    private var wrongGlyph: Character { theme.ascii ? "x" : "✗" }

    /// What a read of a page returns.
    enum Read { case right, eio, wrong }

    func draw(into screen: inout Screen) {
        let width = screen.width, height = screen.height
        screen.fill(screen.bounds)
        let crash = browser.crash
        let title = " crash browser │ power cut after event \(crash.event) │ dev \(browser.failedDev) failed │ \(crash.writes.count) write\(crash.writes.count == 1 ? "" : "s") in flight │ \(crash.totalDescription) "
        screen.fill(Rect(x: 0, y: 0, width: width, height: 1), style: theme.header)
        screen.put(title, x: 0, y: 0, style: theme.header, clip: Rect(x: 0, y: 0, width: width, height: 1))
        let listWidth = min(38, width / 3)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        drawStates(Rect(x: 0, y: body.y, width: listWidth, height: body.height), on: &screen)
        let right = Rect(x: listWidth, y: body.y, width: width - listWidth, height: body.height)
        let mapHeight = min(right.height / 2, browser.stripes + 4)
        drawDevices(Rect(x: right.x, y: right.y, width: right.width, height: max(4, mapHeight)), on: &screen)
        let reads = Rect(x: right.x, y: right.y + max(4, mapHeight), width: right.width, height: right.height - max(4, mapHeight))
        let half = reads.width / 2
        drawReads("ORE", Rect(x: reads.x, y: reads.y, width: half, height: reads.height), ore: true, on: &screen)
        drawReads("md", Rect(x: reads.x + half, y: reads.y, width: reads.width - half, height: reads.height), ore: false, on: &screen)
        let status = Rect(x: 0, y: height - 1, width: width, height: 1)
        if let message = browser.message {
            screen.put(message, x: 0, y: status.y, style: theme.error, clip: status)
        } else {
            screen.put(theme.ascii ? keyBar.replacingArrows : keyBar, x: 0, y: status.y, style: theme.label, clip: status)
        }
    }

    /// One line a state: its number, what landed, its stale rows.
    private func drawStates(_ rect: Rect, on screen: inout Screen) {
        screen.box(rect, title: "crash states ↑↓", glyphs: theme.box, style: .bold)
        let clip = rect.inset(1)
        let rows = clip.height
        guard rows > 0 else { return }
        let crash = browser.crash
        let first = max(0, min(browser.selected - rows / 2, crash.count - rows))
        // Only the rows shown are worked out: what landed, and how many rows are stale.
        for (row, n) in (first..<min(crash.count, first + rows)).enumerated() {
            let landing = crash.landed(n)
            let landed = landing.isEmpty ? "none" : landing.map { "\($0.id)" }.joined(separator: ",")
            let stale = crash.inconsistentRowCount(n)
            let mark = stale == 0 ? "  ok" : "  ! \(stale) stale"
            let style: Style = n == browser.selected ? theme.current : stale == 0 ? .plain : theme.written
            screen.put("\(n == browser.selected ? "▶" : " ")\(n): landed \(landed)\(mark)".truncated(to: clip.width), x: clip.x, y: clip.y + row, style: style, clip: clip)
        }
    }

    /// Devices as columns, stripes as rows: each unit's label and a mark per row, `!` a
    /// row whose parity disagrees with its data in this state; the failed device's
    /// column says so; then what each write in flight did.
    private func drawDevices(_ rect: Rect, on screen: inout Screen) {
        screen.box(rect, title: "devices in state \(browser.selected) (! stale parity row)", glyphs: theme.box, style: .bold)
        let clip = rect.inset(1)
        let layout = browser.geometry
        let devices = browser.layout.devices
        let rowsPerUnit = layout.pagesInUnit
        let cell = max(7, min(rowsPerUnit, 8) + 4)
        let stale = browser.state.inconsistentRows
        var x = clip.x + 5
        for dev in 0..<devices {
            let failed = dev == browser.failedDev
            screen.put(failed ? "dev\(dev)\(wrongGlyph)" : "dev\(dev)", x: x, y: clip.y, style: failed ? theme.error : .bold, clip: clip)
            x += cell
        }
        let rows = max(0, clip.height - 2)
        let first = browser.stripes <= rows ? 0 : max(0, min(browser.firstTouchedStripe ?? 0, browser.stripes - rows))
        for (line, stripe) in (first..<min(browser.stripes, first + rows)).enumerated() {
            let y = clip.y + 1 + line
            screen.put("s\(stripe)", x: clip.x, y: y, style: theme.label, clip: clip)
            var labels = [String](repeating: "", count: devices)
            for column in 0..<layout.dataDevices {
                for dev in layout.devicesHolding(page: stripe * layout.pagesInStripe + column * rowsPerUnit) { labels[dev] = "D\(column)" }
            }
            for (unit, slot) in layout.paritySlots(stripe: UInt64(stripe), row: 0).prefix(layout.parity).enumerated() {
                for dev in slot.devs { labels[dev] = ParityScheme.name(ofUnit: unit) }
            }
            for dev in 0..<devices {
                let cx = clip.x + 5 + dev * cell
                screen.put(labels[dev], x: cx, y: y, style: labels[dev].hasPrefix("D") ? .plain : theme.parity, clip: clip)
                for row in 0..<min(rowsPerUnit, 8) {
                    let bad = stale.sortedContains(CrashStates.Row(stripe: UInt64(stripe), row: row))
                    screen.put(bad ? "!" : "·", x: cx + 3 + row, y: y, style: bad ? theme.error : theme.label, clip: clip)
                }
            }
        }
        let landed = Set(browser.state.landed.map(\.id))
        // As many writes as the line holds (there may be millions).
        var line = ""
        for write in browser.crash.writes {
            guard line.count < clip.width else { break }
            line += (line.isEmpty ? "" : "  ") + "w\(write.id) \(browser.layout.deviceName(write.request.dev)) \(landed.contains(write.id) ? "landed" : "lost")"
        }
        screen.put(line.isEmpty ? "no write in flight: a power cut here loses nothing on disk" : line,
                   x: clip.x, y: clip.maxY - 1, style: theme.label, clip: clip)
    }

    /// The file's pages, a stripe a row, each marked with what its read returns.
    private func drawReads(_ title: String, _ rect: Rect, ore: Bool, on screen: inout Screen) {
        guard rect.height >= 3, rect.width >= 8 else { return }
        let d = browser.degraded
        // Sorted page lists, looked up per cell shown (a whole file's worth at a power cut).
        let eio = ore ? d.oreEIO : d.mdEIO, wrong = ore ? [] : d.mdWrong
        screen.box(rect, title: "\(title): \(eio.count) -EIO, \(wrong.count) wrong", glyphs: theme.box, style: .bold)
        let clip = rect.inset(1)
        let perRow = browser.geometry.pagesInStripe
        let legend = "\(theme.doneGlyph) right  E -EIO  \(wrongGlyph) not what disk held"
        screen.put(legend, x: clip.x, y: clip.y, style: theme.label, clip: clip)
        let rows = max(0, clip.height - 1)
        let stripes = (browser.filePages + perRow - 1) / perRow
        let interesting = [eio.first, wrong.first].compactMap { $0 }.min().map { $0 / perRow } ?? 0
        let first = stripes <= rows ? 0 : max(0, min(interesting, stripes - rows))
        let cellWidth = perRow * 2 + 5 <= clip.width ? 2 : 1
        for (line, stripe) in (first..<min(stripes, first + rows)).enumerated() {
            let y = clip.y + 1 + line
            screen.put("s\(stripe)", x: clip.x, y: y, style: theme.label, clip: clip)
            for k in 0..<perRow {
                let page = stripe * perRow + k
                guard page < browser.filePages else { break }
                let read: Read = eio.sortedContains(page) ? .eio : wrong.sortedContains(page) ? .wrong : .right
                let (glyph, style): (Character, Style) = switch read {
                case .right: (theme.doneGlyph, theme.done)
                case .eio: ("E", theme.monochrome ? Style(.default, [.reverse, .bold]) : Style(.white, on: .red, [.bold]))
                case .wrong: (wrongGlyph, theme.error)
                }
                screen.put(String(glyph), x: clip.x + 4 + k * cellWidth, y: y, style: style, clip: clip)
            }
        }
    }
}
