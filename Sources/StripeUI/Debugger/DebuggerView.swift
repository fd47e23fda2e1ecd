import StripeCore

extension DebuggerModel {
    /// The whole screen for this model: a pure function of it.
    public func view() -> Screen {
        var screen = Screen(width: width, height: height)
        let layout = DebuggerLayout(self)
        guard !layout.tooSmall else {
            let lines = ["StripeScope needs at least \(DebuggerLayout.minimumWidth)×\(DebuggerLayout.minimumHeight);",
                         "this terminal is \(width)×\(height).", "Enlarge it, or use 'stripescope render'.", "q quits."]
            for (n, line) in lines.enumerated() {
                let text = theme.ascii ? line.replacingArrows.replacingOccurrences("×", "x") : line
                screen.put(text, x: max(0, (width - text.count) / 2), y: max(0, height / 2 - 2) + n, style: .bold)
            }
            return screen
        }
        if case .crash(let browser) = mode {
            CrashBrowserView(browser: browser, theme: theme, keyBar: keys.keyBar(.crashBrowser, width: width)).draw(into: &screen)
            if theme.ascii { screen.asciify() }
            return screen
        }
        HeaderPanel(model: self, layout: layout).draw(into: &screen)
        PageGridPanel(model: self, rect: layout.pages).draw(into: &screen)
        StripeMapPanel(model: self, rect: layout.stripes).draw(into: &screen)
        for (rect, panel) in panelTable(layout) { panel.draw(viewState, in: rect, on: &screen) }
        if case .md = state.writePath, !(layout.counters.isEmpty && selectedPage != nil) {
            StripeCachePanel(model: self, rect: layout.sp2d).draw(into: &screen)
        }
        StatusPanel(model: self, rect: layout.status).draw(into: &screen)
        switch mode {
        case .help: HelpOverlay(model: self).draw(into: &screen)
        case .detail: EventDetailOverlay(model: self).draw(into: &screen)
        case .breakpoints(let selected): BreakpointsOverlay(model: self, selected: selected).draw(into: &screen)
        default: break
        }
        QuestionOverlay(model: self)?.draw(into: &screen)
        if case .prompt(.open, let typed) = mode { LessonListOverlay(model: self, typed: typed).draw(into: &screen) }
        if theme.ascii { screen.asciify() }
        return screen
    }
}

extension DebuggerModel {
    /// The event log as this model shows it: its focus, scroll and breakpoints.
    var eventLog: EventLogPanel {
        EventLogPanel(theme: theme, focused: focus == .log, scroll: scroll[.log, default: 0], logRow: logRow, breakpoints: breakpointSet)
    }

    /// The panels that draw from the view state alone, and where: a row each.
    func panelTable(_ layout: DebuggerLayout) -> [(rect: Rect, panel: any Panel)] {
        let page = selectedPage.map { PageDetailPanel(theme: theme, index: $0, history: pageHistory, lastLanded: pageLastLanded) }
        // A compact screen has no counters panel: a selected page takes the call stack's
        // and the sp2d's place, beside the grid its cursor moves in.
        let beside = Rect(x: layout.stack.x, y: layout.stack.y, width: layout.stack.width, height: layout.stack.height + layout.sp2d.height)
        let counters: any Panel = page ?? CountersPanel(theme: theme) as any Panel
        let pageBeside = layout.counters.isEmpty && page != nil
        // md's stripe cache takes the sp2d's place (drawn by `view`).
        let isMd = if case .md = state.writePath { true } else { false }
        let table: [(rect: Rect, panel: (any Panel)?)] = [
            (layout.stack, pageBeside ? nil : CallStackPanel(theme: theme, focused: focus == .stack, scroll: scroll[.stack, default: 0])),
            (layout.sp2d, pageBeside || isMd ? nil : Sp2dPanel(theme: theme, focused: focus == .sp2d, scroll: scroll[.sp2d, default: 0])),
            (beside, pageBeside ? page : nil),
            (layout.counters, layout.counters.isEmpty ? nil : counters),
            (layout.log, eventLog),
            (layout.legend, LegendPanel(theme: theme)),
        ]
        return table.compactMap { row in row.panel.map { (row.rect, $0) } }
    }
}

extension String {
    func replacingOccurrences(_ from: Character, _ to: String) -> String {
        split(separator: from, omittingEmptySubsequences: false).joined(separator: to)
    }
}

extension Screen {
    /// Replaces every non-ASCII character by an ASCII stand-in (`--ascii`, non-UTF-8 locales).
    mutating func asciify() {
        for y in 0..<height {
            for x in 0..<width where !self[x, y].character.isASCII {
                // A wide character and the cell it covers become "??": the row keeps its width.
                self[x, y].character = Self.asciiStandIn[self[x, y].character] ?? "?"
                if x + 1 < width, self[x + 1, y].character == Cell.wideTail { self[x + 1, y].character = "?" }
            }
        }
    }

    static let asciiStandIn: [Character: Character] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "·": ".", "›": ">", "→": ">", "←": "<",
        "↓": "v", "↑": "^", "▶": ">", "●": "o", "…": "~", "≠": "#", "×": "x", "⚠": "!", "✓": "+", "✗": "x", "○": "o",
    ]
}
