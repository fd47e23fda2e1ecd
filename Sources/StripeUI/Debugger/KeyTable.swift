/// A set of keys with meanings of its own, as cgdb keeps map sets: the key bar names the
/// one in force. A new mode is a case here and its rows in `KeyTable.rows`.
public enum KeyMode: String, CaseIterable, Sendable {
    case normal
    /// Tab to the page cache: the arrows move the page cursor instead of stepping.
    case pageCursor = "page_cursor"
    case prompt
    case breakpointList = "breakpoint_list"
    /// Play waits at a note for a key.
    case notePause = "note_pause"
    case split
    case explorer
    /// `x`: the crash states at the cursor.
    case crashBrowser = "crash_browser"
    /// `q` or `o` would drop edits not written with `:w`: a yes goes on.
    case confirm
    /// An `ask` line waits for the student's answer (typed digits and letters are the answer).
    case question

    /// The key bar's name for the mode.
    public var title: String { rawValue.replacingOccurrences("_", " ").uppercased() }

    /// Where a key this mode leaves unbound is looked up: the page cursor is normal mode
    /// with arrows of its own.
    public var parent: KeyMode? { self == .pageCursor ? .normal : nil }
}

/// What a key does. The raw value is the action's name in the config file.
public enum KeyAction: String, CaseIterable, Sendable {
    case step, stepBack = "step_back", next, nextBack = "next_back", finish, finishBack = "finish_back"
    case continueForward = "continue", continueBack = "continue_back"
    case first, last, goTo = "go_to", nextNote = "next_note", previousNote = "previous_note"
    case nextCommand = "next_command", previousCommand = "previous_command"
    case toggleBreakpoint = "toggle_breakpoint", listBreakpoints = "list_breakpoints"
    case search, nextMatch = "next_match", previousMatch = "previous_match"
    case command, undo, open, nextLesson = "next_lesson", play, runThroughNotes = "run_through_notes", faster, slower
    case focusNext = "focus_next", focusPrevious = "focus_previous", up, down, pageUp = "page_up", pageDown = "page_down"
    case enter, escape, help, quit
    /// `x`: pull the plug here (the crash browser).
    case crash
    /// A question's mark / unmark of the unit or page under its cursor.
    case mark
    /// The page cursor's moves.
    case cursorLeft = "cursor_left", cursorRight = "cursor_right", cursorUp = "cursor_up", cursorDown = "cursor_down"
    /// A prompt's keys (typed characters are text, not actions).
    case accept, cancel, complete, deleteBackward = "delete_backward"
    /// The breakpoint list's keys.
    case addBreakpoint = "add_breakpoint", deleteBreakpoint = "delete_breakpoint"
    /// The split screen's keys.
    case switchWorld = "switch_world", nextDivergence = "next_divergence", previousDivergence = "previous_divergence"
    /// The layout explorer's keys.
    case nextRaid = "next_raid", fewerDevices = "fewer_devices", moreDevices = "more_devices"
    case smallerUnit = "smaller_unit", largerUnit = "larger_unit", fewerMirrors = "fewer_mirrors", moreMirrors = "more_mirrors"
    case narrowerGroups = "narrower_groups", widerGroups = "wider_groups", shallowerGroups = "shallower_groups", deeperGroups = "deeper_groups"
    /// The terminal's own keys: the run loop handles them (Ctrl-L, Ctrl-Z) before any mode.
    case redraw, suspend

    /// Actions whose keys the run loop owns: a config cannot move them.
    public var isTerminalKey: Bool { self == .redraw || self == .suspend }
}

/// One row of the key table: a mode, what its keys do, the help text, and the key
/// bar's word (only the most used rows are on the bar: the bar shows the row's first key
/// and this word).
public struct KeyBinding: Sendable {
    public let mode: KeyMode
    public let help: String
    public let bar: String?
    /// In order: the keys, each with its action.
    public var keys: [(key: Key, action: KeyAction)]

    init(_ mode: KeyMode, _ help: String, bar: String? = nil, _ keys: [(Key, KeyAction)]) {
        self.mode = mode
        self.help = help
        self.bar = bar
        self.keys = keys.map { (key: $0.0, action: $0.1) }
    }

    /// The keys as the help shows them.
    public var label: String { keys.map(\.key.shown).joined(separator: " ") }
    /// The actions of the row, in order, each once.
    public var actions: [KeyAction] { keys.map(\.action).reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
}

/// The one key table, as lazygit keeps its bindings: key handling in every mode, the `?`
/// help, the key bar, the README's key section and the user's config file all read it,
/// so no key is listed in one place and missing in another.
public enum KeyTable {
    static let c = Key.character

    public static let rows: [KeyBinding] = [
        KeyBinding(.normal, "one event on, into calls", bar: "step", [(.right, .step), (c("l"), .step), (c("s"), .step)]),
        KeyBinding(.normal, "one event back", [(.left, .stepBack), (c("h"), .stepBack), (c("S"), .stepBack)]),
        KeyBinding(.normal, "next at this depth / back", bar: "next", [(c("n"), .next), (c("N"), .nextBack)]),
        KeyBinding(.normal, "out of the call / back", bar: "finish", [(c("f"), .finish), (c("F"), .finishBack)]),
        KeyBinding(.normal, "continue to a breakpoint", bar: "continue", [(c("c"), .continueForward), (c("C"), .continueBack)]),
        KeyBinding(.normal, "first, last, go to event", [(.home, .first), (.end, .last), (c("g"), .goTo)]),
        KeyBinding(.normal, "next/prev note, command", bar: "note",
                   [(c("]"), .nextNote), (c("["), .previousNote), (c("}"), .nextCommand), (c("{"), .previousCommand)]),
        KeyBinding(.normal, "breakpoint on this event", bar: "break", [(c("b"), .toggleBreakpoint), (c(" "), .toggleBreakpoint)]),
        KeyBinding(.normal, "breakpoints (a add)", [(c("B"), .listBreakpoints)]),
        KeyBinding(.normal, "search log; next, prev", bar: "search", [(c("/"), .search), (c("."), .nextMatch), (c(","), .previousMatch)]),
        KeyBinding(.normal, "insert a command; :w FILE", bar: "edit", [(c(":"), .command)]),
        KeyBinding(.normal, "undo the last edit", [(c("u"), .undo)]),
        KeyBinding(.normal, "lessons or a file; > next", [(c("o"), .open), (c(">"), .nextLesson)]),
        KeyBinding(.normal, "play; p: run past notes", bar: "play", [(c("P"), .play), (c("p"), .runThroughNotes)]),
        KeyBinding(.normal, "play faster / slower", [(c("+"), .faster), (c("="), .faster), (c("-"), .slower)]),
        KeyBinding(.normal, "focus next / previous", [(.tab, .focusNext), (.backTab, .focusPrevious)]),
        KeyBinding(.normal, "scroll the focused panel", [(.up, .up), (c("k"), .up), (.down, .down), (c("j"), .down)]),
        KeyBinding(.normal, "scroll it by ten rows", [(.pageUp, .pageUp), (.pageDown, .pageDown)]),
        KeyBinding(.normal, "open event, page, log row", bar: "event", [(.enter, .enter)]),
        KeyBinding(.normal, "pull the plug here (crash)", [(c("x"), .crash)]),
        KeyBinding(.normal, "close a page or a window", [(.escape, .escape)]),
        KeyBinding(.normal, "this help", bar: "help", [(c("?"), .help), (.function(1), .help)]),
        KeyBinding(.normal, "quit", bar: "quit", [(c("q"), .quit), (.function(10), .quit), (.control("c"), .quit)]),
        KeyBinding(.normal, "redraw / suspend", [(.control("l"), .redraw), (.control("z"), .suspend)]),

        KeyBinding(.pageCursor, "cursor left / right", bar: "page",
                   [(.left, .cursorLeft), (c("h"), .cursorLeft), (.right, .cursorRight), (c("l"), .cursorRight)]),
        KeyBinding(.pageCursor, "cursor a stripe up / down",
                   [(.up, .cursorUp), (c("k"), .cursorUp), (.down, .cursorDown), (c("j"), .cursorDown)]),

        KeyBinding(.prompt, "run it", bar: "run", [(.enter, .accept)]),
        KeyBinding(.prompt, "close the prompt", bar: "cancel", [(.escape, .cancel), (.control("c"), .cancel)]),
        KeyBinding(.prompt, "complete (o, breakpoints)", bar: "complete", [(.tab, .complete)]),
        KeyBinding(.prompt, "delete a character", [(.backspace, .deleteBackward)]),
        KeyBinding(.prompt, "choose a lesson (o)", [(.up, .up), (.down, .down)]),

        KeyBinding(.breakpointList, "select up / down", bar: "select", [(.up, .up), (c("k"), .up), (.down, .down), (c("j"), .down)]),
        KeyBinding(.breakpointList, "delete the selected one", bar: "delete", [(c("d"), .deleteBreakpoint), (.backspace, .deleteBreakpoint)]),
        KeyBinding(.breakpointList, "add a breakpoint", bar: "add", [(c("a"), .addBreakpoint)]),
        KeyBinding(.breakpointList, "close the list", bar: "close", [(.escape, .escape)]),

        KeyBinding(.notePause, "stop (other keys play on)", bar: "stop", [(c("P"), .play)]),
        KeyBinding(.notePause, "play on past notes", bar: "past notes", [(c("p"), .runThroughNotes)]),
        KeyBinding(.notePause, "quit", bar: "quit", [(c("q"), .quit), (.function(10), .quit), (.control("c"), .quit)]),

        KeyBinding(.split, "switch the focused world", bar: "world", [(.tab, .switchWorld), (.backTab, .switchWorld)]),
        KeyBinding(.split, "step the focused world", bar: "step",
                   [(.right, .step), (c("l"), .step), (c("s"), .step), (.left, .stepBack), (c("h"), .stepBack), (c("S"), .stepBack)]),
        KeyBinding(.split, "next / finish / continue", [(c("n"), .next), (c("N"), .nextBack), (c("f"), .finish), (c("F"), .finishBack),
                                                         (c("c"), .continueForward), (c("C"), .continueBack)]),
        KeyBinding(.split, "first, last event", [(.home, .first), (.end, .last)]),
        KeyBinding(.split, "both: next/prev command", bar: "command", [(c("}"), .nextCommand), (c("{"), .previousCommand)]),
        KeyBinding(.split, "next / prev divergence", bar: "divergence", [(c("d"), .nextDivergence), (c("D"), .previousDivergence)]),
        KeyBinding(.split, "next / prev note", bar: "note", [(c("]"), .nextNote), (c("["), .previousNote)]),
        KeyBinding(.split, "event and note, whole", bar: "event", [(.enter, .enter)]),
        KeyBinding(.split, "breakpoint in this world", bar: "break", [(c("b"), .toggleBreakpoint), (c(" "), .toggleBreakpoint)]),
        KeyBinding(.split, "this mode's keys", bar: "help", [(c("?"), .help), (.function(1), .help)]),
        KeyBinding(.split, "quit", bar: "quit", [(c("q"), .quit), (.function(10), .quit), (.control("c"), .quit)]),

        KeyBinding(.question, "move the cursor", bar: "move",
                   [(.left, .cursorLeft), (c("h"), .cursorLeft), (.right, .cursorRight), (c("l"), .cursorRight),
                    (.up, .cursorUp), (c("k"), .cursorUp), (.down, .cursorDown), (c("j"), .cursorDown)]),
        KeyBinding(.question, "mark / unmark", bar: "mark", [(c(" "), .mark)]),
        KeyBinding(.question, "erase a typed character", [(.backspace, .deleteBackward)]),
        KeyBinding(.question, "submit the answer", bar: "submit", [(.enter, .accept)]),
        KeyBinding(.question, "skip the question", bar: "skip", [(.escape, .cancel)]),
        KeyBinding(.question, "these keys", bar: "help", [(c("?"), .help), (.function(1), .help)]),
        KeyBinding(.question, "quit", bar: "quit", [(.control("c"), .quit), (.function(10), .quit)]),

        KeyBinding(.confirm, "drop the edits (any other key keeps them)", bar: "drop the edits", [(c("y"), .accept), (c("Y"), .accept)]),

        KeyBinding(.crashBrowser, "back to the timeline", bar: "back", [(.escape, .escape), (c("x"), .escape), (c("q"), .escape)]),
        KeyBinding(.crashBrowser, "crash state up / down", bar: "state", [(.up, .up), (c("k"), .up), (.down, .down), (c("j"), .down)]),
        KeyBinding(.crashBrowser, "failed device (0-9: that one)", bar: "failed dev",
                   [(.left, .cursorLeft), (c("h"), .cursorLeft), (.backTab, .cursorLeft), (.right, .cursorRight), (c("l"), .cursorRight), (.tab, .cursorRight)]),
        KeyBinding(.crashBrowser, "jump in the states", [(.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .first), (.end, .last)]),

        KeyBinding(.explorer, "next RAID level", bar: "raid", [(c("r"), .nextRaid)]),
        KeyBinding(.explorer, "fewer / more devices", bar: "devices", [(c("d"), .fewerDevices), (c("D"), .moreDevices)]),
        KeyBinding(.explorer, "smaller / larger stripe unit", bar: "unit", [(c("u"), .smallerUnit), (c("U"), .largerUnit)]),
        KeyBinding(.explorer, "fewer / more mirrors", bar: "mirrors", [(c("m"), .fewerMirrors), (c("M"), .moreMirrors)]),
        KeyBinding(.explorer, "narrower / wider groups", bar: "width", [(c("w"), .narrowerGroups), (c("W"), .widerGroups)]),
        KeyBinding(.explorer, "shallower / deeper groups", bar: "depth", [(c("g"), .shallowerGroups), (c("G"), .deeperGroups)]),
        KeyBinding(.explorer, "this help", bar: "help", [(c("?"), .help), (.function(1), .help)]),
        KeyBinding(.explorer, "quit", bar: "quit", [(c("q"), .quit), (.function(10), .quit), (.control("c"), .quit)]),
    ]

    /// The README's key section: a Markdown table per mode.
    public static var markdown: String { KeyMap.defaults.markdown }
}

/// The bindings in force: the table's rows with the user's keys in place of the
/// defaults of every action the config file binds.
public struct KeyMap: Sendable {
    public private(set) var rows: [KeyBinding]

    public static let defaults = KeyMap(rows: KeyTable.rows)

    /// The run loop's own keys (redraw, suspend), which no mode may take.
    public static let terminalKeys: [Key] = [.control("l"), .control("z")]

    /// The rows of `mode` alone.
    public func rows(_ mode: KeyMode) -> [KeyBinding] { rows.filter { $0.mode == mode } }

    /// The keys of `action` in `mode` (its parent's included), in table order.
    public func keys(_ action: KeyAction, in mode: KeyMode) -> [Key] {
        shownRows(mode).flatMap { $0.keys.filter { $0.action == action }.map(\.key) }
    }

    /// Replaces the keys of `action` in `mode` by `keys` (a config binding): the first
    /// row that has the action takes them all. A key another action of the mode had moves
    /// to this one.
    public mutating func bind(_ action: KeyAction, in mode: KeyMode, to keys: [Key]) {
        // The table's row, not the map's: an action bound to no key still has its row.
        guard let home = KeyTable.rows.firstIndex(where: { $0.mode == mode && $0.keys.contains { $0.action == action } }) else { return }
        let order = KeyTable.rows[home].actions
        let rank = order.firstIndex(of: action)!
        for n in rows.indices where rows[n].mode == mode {
            rows[n].keys.removeAll { $0.action == action || keys.contains($0.key) }
            guard n == home else { continue }
            // The new keys stand where the action stood in the row, so the row reads the same.
            let place = rows[n].keys.firstIndex { (order.firstIndex(of: $0.action) ?? .max) > rank } ?? rows[n].keys.endIndex
            rows[n].keys.insert(contentsOf: keys.map { (key: $0, action: action) }, at: place)
        }
    }

    /// The actions that can be bound in `mode`.
    public func actions(in mode: KeyMode) -> [KeyAction] {
        KeyTable.rows.filter { $0.mode == mode }.flatMap(\.actions).filter { !$0.isTerminalKey }
    }

    /// What `key` does in `mode`, looking in the mode's parent for a key it leaves unbound.
    public func action(for key: Key, in mode: KeyMode) -> KeyAction? {
        if let entry = rows(mode).lazy.flatMap(\.keys).first(where: { $0.key == key }) { return entry.action }
        return mode.parent.flatMap { action(for: key, in: $0) }
    }

    /// The rows shown for `mode`: its own, then its parent's without the keys it shadows.
    public func shownRows(_ mode: KeyMode) -> [KeyBinding] {
        let own = rows(mode)
        guard let parent = mode.parent else { return own }
        let taken = Set(own.flatMap(\.keys).map(\.key.configName))
        return own + rows(parent).compactMap { row in
            var row = row
            row.keys.removeAll { taken.contains($0.key.configName) }
            return row.keys.isEmpty ? nil : row
        }
    }

    /// Why `key` does nothing in `mode`: where it does something, or that it is bound nowhere;
    /// then where to see the mode's keys: its help key in force, or (a mode without help,
    /// such as the crash browser) its key bar.
    public func unboundReason(_ key: Key, in mode: KeyMode) -> String {
        let elsewhere = KeyMode.allCases.filter { $0 != mode }.compactMap { other in
            action(for: key, in: other).map { "in \(other.title.lowercased()) mode it is \($0.rawValue)" }
        }
        let what = elsewhere.isEmpty ? "no mode binds it" : elsewhere.prefix(2).joined(separator: "; ")
        let help = keys(.help, in: mode).first.map { "\($0.shown) lists this mode's keys" } ?? "the key bar shows this mode's keys"
        return "\(key.shown) does nothing in \(mode.title.lowercased()) mode (\(what)); \(help)"
    }

    /// The key bar of `mode`: its name, then the first key and word of each row with a bar
    /// word, cut from the end (never the help and quit words) to fit `width`.
    public func keyBar(_ mode: KeyMode, width: Int) -> String {
        let words = shownRows(mode).compactMap { row in row.bar.flatMap { word in row.keys.first.map { "\($0.key.shown) \(word)" } } }
        let kept = words.filter { $0.hasSuffix(" help") || $0.hasSuffix(" quit") }
        var others = words.filter { !kept.contains($0) }
        let line = { ([mode.title] + others + kept).joined(separator: "  ") }
        while !others.isEmpty, line().count > width { others.removeLast() }
        return line()
    }

    /// The README's key section: a Markdown table per mode.
    public var markdown: String {
        KeyMode.allCases.map { mode in
            var lines = ["**\(mode.title.lowercased())**\(mode.parent.map { " (keys of \($0.rawValue) mode where not rebound here)" } ?? "")",
                         "", "| Keys | What they do |", "| --- | --- |"]
            for row in rows(mode) {
                lines.append("| \(row.keys.map { "`\($0.key.shown)`" }.joined(separator: " ")) | \(row.help) |")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
