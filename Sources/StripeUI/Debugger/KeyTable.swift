/// What a key does in the debugger's normal mode.
enum KeyAction: CaseIterable, Sendable {
    /// `→` `l` / `←` `h`: a step, or in the page cache the page cursor; `s` / `S` always step.
    case right, left, step, stepBack, next, nextBack, finish, finishBack, continueForward, continueBack
    case first, last, goTo, nextNote, previousNote, nextCommand, previousCommand
    case toggleBreakpoint, listBreakpoints, search, nextMatch, previousMatch
    case command, undo, open, nextLesson, play, runThroughNotes, faster, slower
    case focusNext, focusPrevious, up, down, pageUp, pageDown, enter, escape, help, quit
    /// The terminal's own keys: the run loop handles them before the model sees a key.
    case redraw, suspend
}

/// One row of the key table: the keys as shown, what each does, the help text, and
/// the key bar's words for it (only the most used keys are on the bar).
struct KeyBinding: Sendable {
    let label: String
    let help: String
    let keys: [(key: Key, action: KeyAction)]
    let bar: String?

    init(_ label: String, _ help: String, bar: String? = nil, _ keys: [(Key, KeyAction)]) {
        self.label = label
        self.help = help
        self.bar = bar
        self.keys = keys.map { (key: $0.0, action: $0.1) }
    }
}

/// The one key table, as cgdb keeps its keymaps in one place: the normal-mode key
/// handling, the `?` help, the key bar and the README's key section all read it, so
/// no key is listed in one place and missing in another.
enum KeyTable {
    static let bindings: [KeyBinding] = [
        KeyBinding("→ l s", "one event on, into calls", bar: "→ step",
                   [(.right, .right), (.character("l"), .right), (.character("s"), .step)]),
        KeyBinding("← h S", "one event back",
                   [(.left, .left), (.character("h"), .left), (.character("S"), .stepBack)]),
        KeyBinding("n N", "next at this depth / back", bar: "n next", [(.character("n"), .next), (.character("N"), .nextBack)]),
        KeyBinding("f F", "out of the call / back", bar: "f finish", [(.character("f"), .finish), (.character("F"), .finishBack)]),
        KeyBinding("c C", "continue to a breakpoint", bar: "c continue",
                   [(.character("c"), .continueForward), (.character("C"), .continueBack)]),
        KeyBinding("Home End g", "first, last, go to event",
                   [(.home, .first), (.end, .last), (.character("g"), .goTo)]),
        KeyBinding("] [ } {", "next/prev note, command", bar: "] note",
                   [(.character("]"), .nextNote), (.character("["), .previousNote),
                    (.character("}"), .nextCommand), (.character("{"), .previousCommand)]),
        KeyBinding("b Space", "breakpoint on this event", bar: "b break",
                   [(.character("b"), .toggleBreakpoint), (.character(" "), .toggleBreakpoint)]),
        KeyBinding("B", "breakpoints (a add)", [(.character("B"), .listBreakpoints)]),
        KeyBinding("/ . ,", "search log; next, prev", bar: "/ search",
                   [(.character("/"), .search), (.character("."), .nextMatch), (.character(","), .previousMatch)]),
        KeyBinding(":", "insert a command; :w FILE", bar: ": edit", [(.character(":"), .command)]),
        KeyBinding("u", "undo the last edit", [(.character("u"), .undo)]),
        KeyBinding("o >", "lessons or a file; > next", [(.character("o"), .open), (.character(">"), .nextLesson)]),
        KeyBinding("P p", "play; p: run past notes", bar: "P play",
                   [(.character("P"), .play), (.character("p"), .runThroughNotes)]),
        KeyBinding("+ -", "play faster / slower",
                   [(.character("+"), .faster), (.character("="), .faster), (.character("-"), .slower)]),
        KeyBinding("Tab S-Tab", "focus next / previous", [(.tab, .focusNext), (.backTab, .focusPrevious)]),
        KeyBinding("↑ ↓ j k", "scroll; cursor in pages",
                   [(.up, .up), (.character("k"), .up), (.down, .down), (.character("j"), .down),
                    (.pageUp, .pageUp), (.pageDown, .pageDown)]),
        KeyBinding("Enter", "open event, page, log row", bar: "Enter event", [(.enter, .enter)]),
        KeyBinding("Esc", "close a page or a window", [(.escape, .escape)]),
        KeyBinding("? F1", "this help", [(.character("?"), .help), (.function(1), .help)]),
        KeyBinding("q F10 ^C", "quit", [(.character("q"), .quit), (.function(10), .quit), (.control("c"), .quit)]),
        KeyBinding("^L ^Z", "redraw / suspend", [(.control("l"), .redraw), (.control("z"), .suspend)]),
    ]

    /// What `key` does in normal mode, if anything.
    static func action(for key: Key) -> KeyAction? {
        for binding in bindings {
            if let entry = binding.keys.first(where: { $0.key == key }) { return entry.action }
        }
        return nil
    }

    /// The README's key section: a Markdown table of every row.
    static var markdown: String {
        var lines = ["| Keys | What they do |", "| --- | --- |"]
        for binding in bindings {
            let keys = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.help) |")
        }
        return lines.joined(separator: "\n")
    }
}
