import StripeCore

extension CompareModel {
    /// The split frame: one header naming both worlds, the first divergence, each world's
    /// page cache (pages whose flags differ highlighted), stripe map and counters (side by
    /// side from 160 columns, stacked below), and a key bar. A pure function of the model.
    public func view() -> Screen {
        var screen = Screen(width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            let text = "The split frame needs at least \(Self.minimumWidth)x\(Self.minimumHeight); this terminal is \(width)x\(height)."
            screen.put(text, x: 0, y: height / 2, style: .bold)
            return screen
        }
        var rest = screen.bounds
        let header: Rect, divergence: Rect, status: Rect
        (header, rest) = rest.splitTop(1)
        (divergence, rest) = rest.splitTop(1)
        (rest, status) = rest.splitBottom(1)
        drawHeader(into: &screen, header)
        drawDivergence(into: &screen, divergence)
        if height >= 30 {
            let differences: Rect
            (differences, rest) = rest.splitTop(1)
            screen.put(differenceLine, x: differences.x, y: differences.y, style: .bold, clip: differences)
        }
        // On a tall screen the focused world's call stack and event log go below the worlds.
        if rest.height >= 34 {
            let strip: Rect
            (rest, strip) = rest.splitBottom(rest.height * 3 / 10)
            let (stack, log) = strip.splitLeft(strip.width * 2 / 5)
            let focused = model(focus)
            CallStackPanel(model: focused, rect: stack).draw(into: &screen)
            EventLogPanel(model: focused, rect: log).draw(into: &screen)
            screen.put(" world \(focus.name) ", x: log.maxX - 10, y: log.y, style: .bold, clip: log)
        }
        // Both panes the same size, so the same state draws the same on both sides.
        var (paneA, paneB) = width >= Self.sideBySideWidth ? rest.splitLeft(rest.width / 2) : rest.splitTop(rest.height / 2)
        paneB.width = paneA.width
        paneB.height = paneA.height
        let differing = Set(differingPages)
        WorldPane(model: a, world: .a, focused: focus == .a, differing: differing, rect: paneA).draw(into: &screen)
        WorldPane(model: b, world: .b, focused: focus == .b, differing: differing, rect: paneB).draw(into: &screen)
        if let message {
            screen.put(message.text, x: 0, y: status.y, style: message.isError ? theme.error : .bold, clip: status)
        } else {
            screen.put(Self.keyBar(width: width), x: 0, y: status.y, style: theme.label, clip: status)
        }
        if theme.ascii { screen.asciify() }
        return screen
    }

    /// The keys of the split screen, most useful first, cut from the end to fit.
    static func keyBar(width: Int) -> String {
        var keys = ["Tab world", "→ ← n f c step", "} { both: next/prev command", "d D divergence", "] [ note", "Home End"]
        let kept = ["q quit"]
        while !keys.isEmpty, (keys + kept).joined(separator: "  ").count > width { keys.removeLast() }
        return (keys + kept).joined(separator: "  ")
    }

    private func drawHeader(into screen: inout Screen, _ rect: Rect) {
        screen.fill(rect, style: theme.header)
        let pair = comparison.pair
        let right = " │ A event \(a.cursor)/\(a.timeline.count - 1) │ B event \(b.cursor)/\(b.timeline.count - 1) "
        let bName = pair.commands == nil ? "\(pair.b.title) (\(pair.b.name))" : "A with \(pair.label)"
        // B's name says what differs: it keeps its room first, A's title takes the rest.
        let room = max(0, rect.width - right.count - " StripeScope compare │ A:  │ B: ".count)
        let bShown = bName.truncated(to: max(room / 2, room - pair.a.title.count))
        let left = " StripeScope compare │ A: \(pair.a.title.truncated(to: room - bShown.count)) │ B: \(bShown)"
        screen.put(left, x: rect.x, y: rect.y, style: theme.header, clip: rect)
        screen.put(right, x: max(0, rect.maxX - right.count), y: rect.y, style: theme.header)
    }

    private func drawDivergence(into screen: inout Screen, _ rect: Rect) {
        guard let d = comparison.firstDivergence else {
            screen.put("The worlds never diverge: the same device requests, page flags and invariant results.",
                       x: rect.x, y: rect.y, style: theme.note, clip: rect)
            return
        }
        let text = "First divergence at A event \(d.aEvent), B event \(d.bEvent) (line \(d.line)): \(d.what)"
        screen.put(text, x: rect.x, y: rect.y, style: theme.error, clip: rect)
    }
}

extension CompareModel {
    /// Where the worlds stand apart now: the totals as A, B and B − A, then the pages
    /// whose presence or flags differ.
    public var differenceLine: String {
        let sa = a.state, sb = b.state
        func figure(_ name: String, _ x: UInt64, _ y: UInt64) -> String {
            let d = Int64(y) - Int64(x)
            return "\(name) \(x)/\(y)\(d == 0 ? "" : d > 0 ? " (+\(d))" : " (\(d))")"
        }
        let read = { (s: SimState) in s.devices.reduce(0) { $0 + $1.pagesRead } }
        let written = { (s: SimState) in s.devices.reduce(0) { $0 + $1.pagesWritten } }
        let totals = [figure("dev pages read", read(sa), read(sb)), figure("written", written(sa), written(sb)),
                      figure("r4w reads", sa.counters.r4wDevicePagesRead, sb.counters.r4wDevicePagesRead),
                      figure("violations", sa.counters.violations, sb.counters.violations)]
        let pages = differingPages
        let pageText = pages.isEmpty ? "page flags agree" : "flags differ on page\(pages.count == 1 ? "" : "s") "
            + pages.prefix(12).map(String.init).joined(separator: ", ") + (pages.count > 12 ? ", …" : "")
        return "A/B now: " + totals.joined(separator: "  ") + "  │ " + pageText
    }

    /// Pages present in one world only, or with other flags, at the worlds' events (the
    /// first 10 000 page indices: a teaching scenario's whole file).
    public var differingPages: [Int] {
        let span = min(max(a.state.pageSpan, b.state.pageSpan), 10_000)
        return (0..<span).filter {
            let (p, q) = (a.state.pages[$0], b.state.pages[$0])
            return p.present != q.present || p.flags != q.flags
        }
    }
}

/// One world of the split frame: where it stands, its page cache, stripe map and counters.
struct WorldPane {
    let model: DebuggerModel
    let world: CompareModel.World
    let focused: Bool
    /// Pages whose flags differ from the other world's: highlighted in the grid.
    let differing: Set<Int>
    let rect: Rect

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let (title, body) = rect.splitTop(1)
        let s = model.state
        let command = s.currentCommand.map { model.timeline.summary(of: $0) } ?? "before the first command"
        var text = " \(world.name)\(focused ? " ▶" : "  ") event \(model.cursor)/\(model.timeline.count - 1) │ \(command)"
        // Without room for the counters box, its one-line form closes the title.
        let roomy = body.height >= 14
        if !roomy { text += " │ " + CountersPanel.summary(s) }
        screen.fill(title, style: focused ? theme.header : .bold)
        screen.put(text, x: title.x, y: title.y, style: focused ? theme.header : .bold, clip: title)
        var rest = body
        var counters = Rect(x: 0, y: 0, width: 0, height: 0)
        if roomy { (rest, counters) = rest.splitBottom(7) }
        let (pages, stripes) = rest.height >= 22 ? rest.splitTop(rest.height / 2) : rest.splitLeft(rest.width * 55 / 100)
        let grid = PageGridPanel(model: model, rect: pages)
        grid.draw(into: &screen)
        if !differing.isEmpty { highlight(differing, of: grid, in: &screen) }
        StripeMapPanel(model: model, rect: stripes).draw(into: &screen)
        CountersPanel(model: model, rect: counters).draw(into: &screen)
    }

    /// Marks the grid cells of `pages` in both worlds: a blue background (reverse on a
    /// monochrome terminal; underline already marks the current page).
    private func highlight(_ pages: Set<Int>, of grid: PageGridPanel, in screen: inout Screen) {
        let inner = grid.rect.inset(1)
        for y in inner.y..<inner.maxY {
            for x in inner.x..<inner.maxX where screen[x, y].character != " " {
                guard let page = grid.page(atX: x, y: y), pages.contains(page) else { continue }
                if model.theme.monochrome { screen[x, y].style.attributes.insert(.reverse) } else { screen[x, y].style.background = .blue }
            }
        }
    }
}
