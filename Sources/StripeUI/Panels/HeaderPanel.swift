import StripeCore

/// The top three rows: title bar with `event N/M`, the scenario line being executed,
/// and the latest teaching note.
struct HeaderPanel {
    let model: DebuggerModel
    let layout: DebuggerLayout

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let t = model.timeline
        let s = model.state
        // The note in effect, as every panel and Enter show it.
        let note = model.viewState.note
        screen.fill(layout.header, style: theme.header)
        let position = "event \(model.cursor)/\(t.count - 1)\(t.isComplete ? "" : "+")" + (model.pinned == nil ? "" : " pinned")
        let setup = [s.layout?.summary ?? "no layout", "profile \(s.profile.rawValue)"].joined(separator: " │ ")
        // Once an invariant broke, the header says so at every later event.
        let violations = s.counters.violations
        let badge = violations == 0 ? "" : " ⚠ \(CountersPanel.count(violations, "violation")) "
        let right = " │ \(setup) │ \(model.questions.score.map { $0 + " │ " } ?? "")\(position) "
        let room = max(0, layout.header.width - right.count - badge.count - " StripeScope │ ".count)
        // Counted in terminal columns: a CJK title takes two a character.
        let edited = model.isEdited ? "[edited] " : ""
        let bar = " StripeScope │ " + edited + t.scenario.title.truncated(to: room - edited.count)
        screen.put(bar, x: 0, y: layout.header.y, style: theme.header, clip: layout.header)
        let rightX = max(0, layout.header.maxX - right.count)
        screen.put(right, x: rightX, y: layout.header.y, style: theme.header)
        if !badge.isEmpty { screen.put(badge, x: max(0, rightX - badge.count), y: layout.header.y, style: theme.badge) }
        var commandRect = layout.command
        if layout.compact {
            let counters = " " + CountersPanel.summary(model.viewState)
            let x = max(layout.command.width / 3, layout.command.maxX - counters.count)
            screen.put(counters, x: x, y: layout.command.y, style: theme.label, clip: layout.command)
            commandRect = Rect(x: layout.command.x, y: layout.command.y, width: x - layout.command.x, height: 1)
        }
        if let command = s.currentCommand {
            screen.put("▶ " + t.summary(of: command), x: 0, y: layout.command.y, style: .bold, clip: commandRect)
        }
        if let bug = s.kernelBug, (note ?? 0) < bug {
            // The run ended in a kernel bug: say so over the note, in full, at that event.
            let text = "KERNEL BUG in \(t.bugFunction(of: bug)!.kernelSymbol): \(t.message(of: bug)!) — nothing after it runs."
            for (row, line) in text.wrapped(to: layout.note.width - 2).prefix(layout.note.height).enumerated() {
                screen.put(" " + line + String(repeating: " ", count: max(0, layout.note.width - 1 - line.count)), x: 0,
                           y: layout.note.y + row, style: theme.badge, clip: layout.note)
            }
        } else if let (text, style) = NoteText.inEffect(in: model) {
            let lines = text.wrapped(to: layout.note.width - 2)
            for (row, line) in lines.prefix(layout.note.height).enumerated() {
                let cut = row == layout.note.height - 1 && lines.count > layout.note.height
                screen.put("  " + (cut ? String(line.prefix(layout.note.width - 4)) + " …" : line), x: 0,
                           y: layout.note.y + row, style: style, clip: layout.note)
            }
        }
    }
}

/// The bottom row: a prompt, a message, or the main keys.
struct StatusPanel {
    let model: DebuggerModel
    let rect: Rect

    func draw(into screen: inout Screen) {
        let theme = model.theme
        switch model.mode {
        case .confirmDiscard(let discarding):
            let what = switch discarding {
            case .quit: "Quit"
            case .open(let name): "Open \(name)"
            }
            screen.put("\(what) and drop the edits not written? y drops them, any other key keeps them (:w FILE writes)",
                       x: rect.x, y: rect.y, style: theme.badge, clip: rect)
        case .question:
            let form = model.questions.session?.question.kind.answerForm ?? .number
            let x = screen.put("QUESTION: ", x: rect.x, y: rect.y, style: theme.badge, clip: rect)
            let text = model.message?.text ?? QuestionKeys.bar(form, keys: model.keys)
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
                // The mode stays named while a message stands in for the key bar (SPEC 9.1); an
                // error keeps the whole line, so its file:line:col is never cut.
                if !model.playing, !message.isError { x = screen.put(model.keyMode.title + "  ", x: x, y: rect.y, style: theme.label, clip: rect) }
                screen.put(message.text, x: x, y: rect.y, style: message.isError ? theme.error : .bold, clip: rect)
            } else {
                screen.put(model.keys.keyBar(model.keyMode, width: rect.maxX - x), x: x, y: rect.y, style: theme.label, clip: rect)
            }
        }
    }
}

extension String {
    /// At most `width` terminal columns, with "…" when cut.
    func truncated(to width: Int) -> String {
        guard columns > width else { return self }
        var kept = "", used = 0
        for character in self {
            guard used + character.columns <= max(0, width - 1) else { break }
            kept.append(character)
            used += character.columns
        }
        return width <= 1 ? kept : kept + "…"
    }

    /// Words wrapped into lines of at most `width` characters; `separator` splits the
    /// words and joins them again on a line.
    func wrapped(to width: Int, separator: String = " ") -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in split(separator: separator) {
            if !line.isEmpty, line.columns + separator.count + String(word).columns > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : separator) + word
            // A word wider than a line (a CJK sentence has no spaces) breaks where it must.
            while line.columns > width {
                var head = "", used = 0
                for character in line {
                    guard used + character.columns <= width else { break }
                    head.append(character)
                    used += character.columns
                }
                lines.append(head)
                line = String(line.dropFirst(head.count))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
