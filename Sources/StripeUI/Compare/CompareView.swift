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
        // The differences wait for the worlds to be aligned; found once a frame.
        let aligned = comparison != nil
        let differingList = aligned || stillBuilding == nil ? differingPages : []
        if height >= 30 {
            let differences: Rect
            (differences, rest) = rest.splitTop(1)
            screen.put(stillBuilding.map { "A/B now: \($0)" } ?? differenceLine(pages: differingList), x: differences.x, y: differences.y, style: .bold, clip: differences)
        }
        // On a tall screen the focused world's call stack and event log go below the worlds.
        if rest.height >= 34 {
            let strip: Rect
            (rest, strip) = rest.splitBottom(rest.height * 3 / 10)
            let (stack, log) = strip.splitLeft(strip.width * 2 / 5)
            let focused = model(focus)
            CallStackPanel(theme: theme, focused: false, scroll: 0).draw(focused.viewState, in: stack, on: &screen)
            focused.eventLog.draw(focused.viewState, in: log, on: &screen)
            screen.put(" world \(focus.name) ", x: log.maxX - 10, y: log.y, style: .bold, clip: log)
        }
        // Both panes the same size, so the same state draws the same on both sides.
        var (paneA, paneB) = width >= Self.sideBySideWidth ? rest.splitLeft(rest.width / 2) : rest.splitTop(rest.height / 2)
        paneB.width = paneA.width
        paneB.height = paneA.height
        let differing = aligned ? Set(differingList) : []
        let units = { objPages in aligned ? differingUnits(among: objPages) : [] }
        WorldPane(model: a, world: .a, focused: focus == .a, differing: differing, differingUnits: units, rect: paneA)
            .draw(into: &screen)
        if let progress = worldBProgress {
            // B's pane says how far its build is until it is built.
            screen.box(paneB, title: "world B", glyphs: theme.box, style: .bold)
            screen.put(progress, x: paneB.x + 2, y: paneB.y + 2, style: .bold, clip: paneB.inset(1))
        } else {
            WorldPane(model: b, world: .b, focused: focus == .b, differing: differing, differingUnits: units, rect: paneB)
                .draw(into: &screen)
        }
        if let message {
            screen.put(message.text, x: 0, y: status.y, style: message.isError ? theme.error : .bold, clip: status)
        } else {
            screen.put(keys.keyBar(.split, width: width), x: 0, y: status.y, style: theme.label, clip: status)
        }
        switch overlay {
        case .detail?:
            let world = model(focus)
            let lines = ["world \(focus.name)"] + EventDetailOverlay(model: world).lines(width: min(width - 2, 100) - 4)
            drawOverlay(into: &screen, title: "world \(focus.name), event \(world.cursor) (any key closes)", lines)
        case .help?:
            let rows = keys.rows(.split)
            let keyWidth = rows.map(\.label.count).max() ?? 0
            drawOverlay(into: &screen, title: "split screen keys (any key closes)",
                        rows.map { $0.label + String(repeating: " ", count: keyWidth - $0.label.count) + "  " + $0.help })
        case nil:
            break
        }
        if theme.ascii { screen.asciify() }
        return screen
    }

    /// A box in the middle of the screen with `lines`.
    private func drawOverlay(into screen: inout Screen, title: String, _ lines: [String]) {
        let boxWidth = min(width - 2, 100)
        let boxHeight = min(height - 2, lines.count + 4)
        let rect = Rect(x: (width - boxWidth) / 2, y: (height - boxHeight) / 2, width: boxWidth, height: boxHeight)
        screen.fill(rect)
        screen.box(rect, title: title, glyphs: theme.box, style: .bold)
        for (row, line) in lines.enumerated() {
            screen.put(line, x: rect.x + 2, y: rect.y + 2 + row, clip: rect.inset(1))
        }
    }

    private func drawHeader(into screen: inout Screen, _ rect: Rect) {
        screen.fill(rect, style: theme.header)
        let bEvent = worldBProgress != nil ? "B building" : "B event \(b.cursor)/\(b.timeline.count - 1)"
        let right = " │ A event \(a.cursor)/\(a.timeline.count - 1) │ \(bEvent) "
        let (aTitle, bTitle) = (pair.a.title, pair.b.title)
        let bName = pair.commands == nil ? "\(bTitle) (\(pair.b.name))" : "A with \(pair.label)"
        // B's name says what differs: it keeps its room first, A's title takes the rest.
        let room = max(0, rect.width - right.count - " StripeScope compare │ A:  │ B: ".count)
        let bShown = bName.truncated(to: max(room / 2, room - aTitle.count))
        let left = " StripeScope compare │ A: \(aTitle.truncated(to: room - bShown.count)) │ B: \(bShown)"
        screen.put(left, x: rect.x, y: rect.y, style: theme.header, clip: rect)
        screen.put(right, x: max(0, rect.maxX - right.count), y: rect.y, style: theme.header)
    }

    private func drawDivergence(into screen: inout Screen, _ rect: Rect) {
        if let world = worldBuilding, let stillBuilding {
            let built = model(world).timeline.count
            screen.put("\(stillBuilding) (\(built) events): the divergences, d, D, } and { wait for it; A's stepping keys work meanwhile",
                       x: rect.x, y: rect.y, style: theme.note, clip: rect)
            return
        }
        guard let d = comparison?.firstDivergence else {
            screen.put("The worlds never diverge: the same device requests, page flags and invariant results.",
                       x: rect.x, y: rect.y, style: theme.note, clip: rect)
            return
        }
        // Across write paths (ore, md) the requests cannot match: the header says so first.
        let (pa, pb) = (a.state.writePath, b.state.writePath)
        let byDesign = pa.byDesign(comparedWith: pb) == nil ? "" : "A writes via \(pa.name), B via \(pb.name): device requests differ by design. "
        let text = byDesign + "First divergence at A event \(d.aEvent), B event \(d.bEvent) (line \(d.line)): \(d.what)"
        screen.put(text, x: rect.x, y: rect.y, style: theme.error, clip: rect)
    }
}
