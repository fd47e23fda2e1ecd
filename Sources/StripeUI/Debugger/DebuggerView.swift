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
        HeaderPanel(model: self, layout: layout).draw(into: &screen)
        PageGridPanel(model: self, rect: layout.pages).draw(into: &screen)
        StripeMapPanel(model: self, rect: layout.stripes).draw(into: &screen)
        if let page = selectedPage, layout.counters.isEmpty {
            // A compact screen has no counters panel: the page takes the call stack's and
            // the sp2d's place, beside the grid its cursor moves in.
            let right = Rect(x: layout.stack.x, y: layout.stack.y, width: layout.stack.width, height: layout.stack.height + layout.sp2d.height)
            PageDetailPanel(model: self, rect: right, index: page).draw(into: &screen)
        } else {
            CallStackPanel(model: self, rect: layout.stack).draw(into: &screen)
            Sp2dPanel(model: self, rect: layout.sp2d).draw(into: &screen)
        }
        if let page = selectedPage, !layout.counters.isEmpty {
            PageDetailPanel(model: self, rect: layout.counters, index: page).draw(into: &screen)
        } else {
            CountersPanel(model: self, rect: layout.counters).draw(into: &screen)
        }
        EventLogPanel(model: self, rect: layout.log).draw(into: &screen)
        LegendPanel(model: self, rect: layout.legend).draw(into: &screen)
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
                self[x, y].character = Self.asciiStandIn[self[x, y].character] ?? "?"
            }
        }
    }

    static let asciiStandIn: [Character: Character] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "·": ".", "›": ">", "→": ">", "←": "<",
        "↓": "v", "↑": "^", "▶": ">", "●": "o", "…": "~", "≠": "#", "×": "x", "⚠": "!", "✓": "+", "✗": "x", "○": "o",
    ]
}
