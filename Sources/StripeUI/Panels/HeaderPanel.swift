import StripeCore

/// The top three rows: title bar with `event N/M`, the scenario line being executed,
/// and the latest teaching note.
struct HeaderPanel {
    let model: DebuggerModel
    let layout: DebuggerLayout

    /// The note to show: from the start of a `note` line's command on, until the next one.
    var shownNote: Int? { Self.shownNote(model) }

    static func shownNote(_ model: DebuggerModel) -> Int? {
        let t = model.timeline, s = model.state
        if let command = s.currentCommand, command + 1 < t.count, t.event(command + 1).kind == .note, command + 1 > model.cursor {
            return command + 1
        }
        return s.lastNote.flatMap { $0 <= model.cursor ? $0 : nil }
    }

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let t = model.timeline
        let s = model.state
        screen.fill(layout.header, style: theme.header)
        let position = "event \(model.cursor)/\(t.count - 1)\(t.isComplete ? "" : "+")"
        let setup = [s.layout?.summary ?? "no layout", "profile \(s.profile.rawValue)"].joined(separator: " │ ")
        // Once an invariant broke, the header says so at every later event.
        let violations = s.counters.violations
        let badge = violations == 0 ? "" : " ⚠ \(CountersPanel.count(violations, "violation")) "
        let right = " │ \(setup) │ \(model.questions.score.map { $0 + " │ " } ?? "")\(position) "
        let room = max(0, layout.header.width - right.count - badge.count - " StripeScope │ ".count)
        let edited = model.isEdited ? "[edited] " : ""
        let bar = " StripeScope │ " + edited + t.scenario.title.truncated(to: room - edited.count)
        screen.put(bar, x: 0, y: layout.header.y, style: theme.header, clip: layout.header)
        let rightX = max(0, layout.header.maxX - right.count)
        screen.put(right, x: rightX, y: layout.header.y, style: theme.header)
        if !badge.isEmpty { screen.put(badge, x: max(0, rightX - badge.count), y: layout.header.y, style: theme.badge) }
        var commandRect = layout.command
        if layout.compact {
            let counters = " " + CountersPanel.summary(s)
            let x = max(layout.command.width / 3, layout.command.maxX - counters.count)
            screen.put(counters, x: x, y: layout.command.y, style: theme.label, clip: layout.command)
            commandRect = Rect(x: layout.command.x, y: layout.command.y, width: x - layout.command.x, height: 1)
        }
        if let command = s.currentCommand {
            screen.put("▶ " + t.summary(of: command), x: 0, y: layout.command.y, style: .bold, clip: commandRect)
        }
        if let bug = s.kernelBug, (shownNote ?? 0) < bug {
            // The run ended in a kernel bug: say so over the note, in full, at that event.
            let text = "KERNEL BUG in \(t.bugFunction(of: bug)!.kernelSymbol): \(t.message(of: bug)!) — nothing after it runs."
            for (row, line) in text.wrapped(to: layout.note.width - 2).prefix(layout.note.height).enumerated() {
                screen.put(" " + line + String(repeating: " ", count: max(0, layout.note.width - 1 - line.count)), x: 0,
                           y: layout.note.y + row, style: theme.badge, clip: layout.note)
            }
        } else if let (text, style) = NoteText.question(in: model) ?? shownNote.map({ NoteText.shown($0, in: model) }) {
            let lines = text.wrapped(to: layout.note.width - 2)
            for (row, line) in lines.prefix(layout.note.height).enumerated() {
                let cut = row == layout.note.height - 1 && lines.count > layout.note.height
                screen.put("  " + (cut ? String(line.prefix(layout.note.width - 4)) + " …" : line), x: 0,
                           y: layout.note.y + row, style: style, clip: layout.note)
            }
        }
    }
}

/// The legend: what every letter, marker and glyph on screen means, flowed over its
/// rows (a cut row ends in "…"; `?` shows the whole legend).
struct LegendPanel {
    let model: DebuggerModel
    let rect: Rect

    /// Every glyph with its meaning, in reading order: page cells, the stripe map, sp2d.
    func items() -> [(glyph: String, meaning: String, style: Style)] {
        let theme = model.theme
        let flags: [(String, String, Style)] = [
            ("L", "locked", theme.pageStyle(Self.page(.locked))), ("U", "uptodate", theme.pageStyle(Self.page(.uptodate))),
            ("D", "dirty", theme.pageStyle(Self.page(.dirty))), ("W", "writeback", theme.pageStyle(Self.page(.writeback))),
            ("E", "error", theme.pageStyle(Self.page(.error))), ("-", "no flag", theme.pageStyle(Self.page([]))),
            ("·", "absent", Style(.default, [.dim])),
            ("+", "in pcol", theme.label), ("!", "stranded", theme.error), ("*", "got by r4w", theme.read), (String(theme.readGlyph), "read from device", theme.label),
        ]
        let map: [(String, String, Style)] = [
            ("map: w r p", "planned", theme.planned), ("W R P", "issued", theme.written), (String(theme.doneGlyph), "done", theme.done),
            ("!", "parity≠data on disk", theme.error), ("X", "misplaced unit", theme.error),
            ("sp2d: W", "written", theme.written), ("C", "cache hit", theme.read), ("R", "device read", theme.read),
            ("Z", "zero page", theme.read), ("L", "that_locked_page", theme.read), ("P", "parity", theme.parity),
        ]
        return flags + map
    }

    func draw(into screen: inout Screen) {
        var x = rect.x, y = rect.y
        for item in items() {
            let width = item.glyph.count + 1 + item.meaning.count
            if x > rect.x, x + width > rect.maxX, y + 1 < rect.maxY {
                x = rect.x
                y += 1
            }
            x = screen.put(item.glyph, x: x, y: y, style: item.style, clip: rect)
            x = screen.put(" \(item.meaning)  ", x: x, y: y, style: model.theme.label, clip: rect)
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

/// The bottom row: a prompt, a message, or the main keys.
struct StatusPanel {
    let model: DebuggerModel
    let rect: Rect

    func draw(into screen: inout Screen) {
        let theme = model.theme
        switch model.mode {
        case .question:
            let form = model.questions.session?.question.kind.answerForm ?? .number
            let x = screen.put("QUESTION: ", x: rect.x, y: rect.y, style: theme.badge, clip: rect)
            let text = model.message?.text ?? QuestionKeys.bar(form)
            screen.put(text, x: x, y: rect.y, style: model.message?.isError == true ? theme.error : .bold, clip: rect)
        case .prompt(let kind, let text):
            let label = switch kind {
            case .goTo: "go to event: "
            case .search: "/"
            case .command: ":"
            case .breakpoint: "break: "
            case .open: "open: "
            }
            // What went wrong (or what Tab found) stays beside the text being typed.
            let x = screen.put(label + text + "_", x: rect.x, y: rect.y, style: .bold, clip: rect)
            if let message = model.message {
                screen.put("  " + message.text, x: x, y: rect.y, style: message.isError ? theme.error : theme.label, clip: rect)
            }
        default:
            var x = rect.x
            if model.playing {
                let state = model.heldAtNote ? "AT A NOTE: a key plays on, P stops, p runs past notes"
                    : "PLAYING \(model.speed.label)" + (model.stopAtNotes ? ", stops at notes" : ", past notes")
                x = screen.put(state, x: x, y: rect.y, style: theme.badge, clip: rect) + 2
            }
            if let message = model.message ?? model.buildProgress {
                screen.put(message.text, x: x, y: rect.y, style: message.isError ? theme.error : .bold, clip: rect)
            } else {
                screen.put(Self.keyBar(width: rect.maxX - x), x: x, y: rect.y, style: theme.label, clip: rect)
            }
        }
    }
}

extension StatusPanel {
    /// The key table's main keys, in table order; `? help` and `q quit` always stay, the
    /// others go from the end as the row narrows.
    static func keyBar(width: Int) -> String {
        var keys = KeyTable.bindings.compactMap(\.bar)
        let kept = ["? help", "q quit"]
        while !keys.isEmpty, (keys + kept).joined(separator: "  ").count > width { keys.removeLast() }
        return (keys + kept).joined(separator: "  ")
    }
}

extension String {
    /// At most `width` characters, with "…" when cut.
    func truncated(to width: Int) -> String {
        guard count > width else { return self }
        return width <= 1 ? String(prefix(max(0, width))) : String(prefix(width - 1)) + "…"
    }

    /// Words wrapped into lines of at most `width` characters.
    func wrapped(to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
