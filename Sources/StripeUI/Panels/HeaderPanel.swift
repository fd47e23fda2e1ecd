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
        screen.fill(layout.header, style: theme.header)
        let position = "event \(model.cursor)/\(t.count - 1)"
        let setup = [s.layout?.summary ?? "no layout", "profile \(s.profile.rawValue)"].joined(separator: " │ ")
        let right = " │ \(setup) │ \(position) "
        let room = max(0, layout.header.width - right.count - " StripeScope │ ".count)
        let bar = " StripeScope │ " + t.scenario.title.truncated(to: room)
        screen.put(bar, x: 0, y: layout.header.y, style: theme.header, clip: layout.header)
        screen.put(right, x: max(0, layout.header.maxX - right.count), y: layout.header.y, style: theme.header)
        if let command = s.currentCommand {
            screen.put("▶ " + t.summary(of: command), x: 0, y: layout.command.y, style: .bold, clip: layout.command)
        }
        if layout.compact {
            let counters = " " + CountersPanel.summary(s)
            screen.put(counters, x: max(0, layout.command.maxX - counters.count), y: layout.command.y, style: theme.label)
        }
        if let note = s.lastNote, note <= model.cursor {
            let lines = t.message(of: note)!.wrapped(to: layout.note.width - 2)
            for (row, line) in lines.prefix(layout.note.height).enumerated() {
                let cut = row == layout.note.height - 1 && lines.count > layout.note.height
                screen.put("  " + (cut ? String(line.prefix(layout.note.width - 4)) + " …" : line), x: 0,
                           y: layout.note.y + row, style: theme.note, clip: layout.note)
            }
        }
    }
}

/// The legend: what every letter, marker and glyph means.
struct LegendPanel {
    let model: DebuggerModel
    let rect: Rect

    func draw(into screen: inout Screen) {
        let theme = model.theme
        var x = rect.x
        let y = rect.y
        let flags: [(String, Style)] = [("L", theme.pageStyle(Self.page(.locked))), ("U", theme.pageStyle(Self.page(.uptodate))),
                                        ("D", theme.pageStyle(Self.page(.dirty))), ("W", theme.pageStyle(Self.page(.writeback))),
                                        ("E", theme.pageStyle(Self.page(.error))), ("·", Style(.default, [.dim]))]
        let names = ["locked", "uptodate", "dirty", "writeback", "error", "absent"]
        for (flag, name) in zip(flags, names) {
            x = screen.put(flag.0, x: x, y: y, style: flag.1, clip: rect)
            x = screen.put(" \(name)  ", x: x, y: y, clip: rect)
        }
        let markers = "+ in pcol  * got by r4w  \(theme.readGlyph) read from device"
        let map = "map: W written  R r4w read  P parity  ! parity≠data on disk"
        if rect.height > 1 {
            screen.put(markers, x: x, y: y, style: theme.label, clip: rect)
            screen.put(map, x: rect.x, y: y + 1, style: theme.label, clip: rect)
        } else {
            screen.put(markers, x: x, y: y, style: theme.label, clip: rect)
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
        case .prompt(let kind, let text):
            let label = switch kind {
            case .goTo: "go to event: "
            case .search: "/"
            case .command: ":"
            case .breakpoint: "breakpoint (kind NAME | fn NAME | page N | dev N | violation): "
            }
            screen.put(label + text + "_", x: rect.x, y: rect.y, style: .bold, clip: rect)
        default:
            if let message = model.message {
                screen.put(message.text, x: rect.x, y: rect.y, style: message.isError ? theme.error : .bold, clip: rect)
            } else {
                let play = model.playing ? "PLAYING ×\(model.speed)  " : ""
                screen.put(play + "→ step  n next  f finish  c continue  S N F C back  b break  / search  : command  P play  ? help  q quit",
                           x: rect.x, y: rect.y, style: theme.label, clip: rect)
            }
        }
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
