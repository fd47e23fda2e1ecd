import CNCursesW
import Glibc
import StripeUI

/// The only code that talks to the terminal: sets ncurses up, feeds keys, resizes and
/// ticks to a `TerminalProgram`, blits its screens, and always restores the terminal.
public enum Terminal {
    /// Why the terminal cannot be used, or nil when it can.
    public static func unavailableReason() -> String? {
        guard isatty(0) != 0, isatty(1) != 0 else {
            return "standard input and output must be a terminal; use 'stripescope render' for a frame as text or 'stripescope trace' for the timeline"
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            return "TERM is \(term.isEmpty ? "not set" : "'dumb'"): the TUI needs a real terminal; use 'stripescope render' or 'stripescope trace' instead"
        }
        return nil
    }

    /// Whether the locale speaks UTF-8 (otherwise the screens use ASCII).
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty {
                let lower = value.lowercased()
                return lower.contains("utf-8") || lower.contains("utf8")
            }
        }
        return false
    }

    /// Whether the terminal shows colours; call only while running.
    private static var hasColours: Bool { has_colors() }

    /// Runs `program` until it quits. `configure` receives the terminal size and
    /// whether colours are available before the first frame.
    public static func run<P: TerminalProgram>(_ program: inout P, configure: (inout P, _ width: Int, _ height: Int, _ colour: Bool) -> Void) {
        Signals.install()
        setlocale(LC_ALL, "")
        initscr()
        defer {
            endwin()
            Signals.uninstall()
        }
        raw()
        noecho()
        keypad(ss_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        mousemask(ss_button1_click(), nil)
        let colour = has_colors()
        if colour {
            start_color()
            use_default_colors()
            ColourPairs.initialize()
        }
        configure(&program, Int(ss_cols()), Int(ss_lines()), colour)
        draw(program.view())
        while true {
            timeout(program.wantsTicks ? 80 : -1)
            var value: wint_t = 0
            let result = get_wch(&value)
            let msg: DebuggerMsg?
            if result == ERR {
                msg = program.wantsTicks ? .tick : nil
            } else if result == KEY_CODE_YES {
                if Int32(value) == KEY_RESIZE {
                    msg = .resize(width: Int(ss_cols()), height: Int(ss_lines()))
                } else {
                    msg = KeyDecoder.key(code: Int32(value)).map(DebuggerMsg.key)
                }
            } else {
                let key = KeyDecoder.key(character: UInt32(value))
                if key == .control("l") {
                    clearok(ss_stdscr(), true)
                    draw(program.view())
                    continue
                }
                msg = key.map(DebuggerMsg.key)
            }
            guard let msg else { continue }
            guard program.update(msg) else { return }
            draw(program.view())
        }
    }

    /// Blits a screen; ncurses sends only what changed.
    private static func draw(_ screen: Screen) {
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                let scalar = cell.character.unicodeScalars.first!.value
                _ = ss_put_wch(Int32(y), Int32(x), wchar_t(bitPattern: scalar), attributes(cell.style), ColourPairs.pair(cell.style))
            }
        }
        wnoutrefresh(ss_stdscr())
        doupdate()
    }

    private static func attributes(_ style: Style) -> attr_t {
        var attrs: attr_t = 0
        if style.attributes.contains(.bold) { attrs |= ss_a_bold() }
        if style.attributes.contains(.dim) { attrs |= ss_a_dim() }
        if style.attributes.contains(.reverse) { attrs |= ss_a_reverse() }
        if style.attributes.contains(.underline) { attrs |= ss_a_underline() }
        return attrs
    }
}

/// One colour pair for every foreground × background of the eight colours.
enum ColourPairs {
    static func curses(_ colour: Color) -> Int16 {
        switch colour {
        case .default: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }

    static func initialize() {
        for fg in Color.allCases {
            for bg in Color.allCases {
                init_pair(pair(fg, bg), curses(fg), curses(bg))
            }
        }
    }

    static func pair(_ fg: Color, _ bg: Color) -> Int16 {
        Int16(fg.rawValue) * Int16(Color.allCases.count) + Int16(bg.rawValue) + 1
    }

    static func pair(_ style: Style) -> Int16 {
        style.foreground == .default && style.background == .default ? 0 : pair(style.foreground, style.background)
    }
}
