import CNCursesW
import Glibc
import StripeUI

/// The way into the terminal: checks it can be used, then runs a `TerminalProgram` on
/// ncurses through the run loop, and always restores the terminal.
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

    /// Runs `program` until it quits, with mouse reporting unless `mouse` is false.
    /// `configure` receives the terminal size and
    /// whether colours are available before the first frame. A `TERM` terminfo does not
    /// know ends the process with status 2 and a hint, as every bad input does.
    public static func run<P: TerminalProgram>(_ program: inout P, mouse: Bool = true, configure: (inout P, _ width: Int, _ height: Int, _ colour: Bool) -> Void) {
        guard var backend = NCursesBackend(mouse: mouse) else {
            // Quoted short and with control characters shown as '?', never sent raw.
            let term = (getenv("TERM").map { String(cString: $0) } ?? "").unicodeScalars.prefix(40)
                .map { $0.properties.generalCategory == .control ? "?" : String($0) }.joined()
            let line = "stripescope: unknown terminal type '\(term)'; try TERM=xterm-256color\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
            exit(2)
        }
        defer { backend.close() }
        configure(&program, backend.width, backend.height, backend.colour)
        TerminalLoop.run(&program, on: &backend)
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
