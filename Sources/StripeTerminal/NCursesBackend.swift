import CNCursesW
import Glibc
import StripeUI

/// The terminal through ncurses: typed bytes, decoded keys, and the job-control and
/// resize signals (through `JobSignals`) come out of `read`; screens go in through `draw`.
struct NCursesBackend: TerminalBackend {
    /// Whether the terminal shows colours.
    let colour: Bool
    /// Whether mouse reporting is on (`--no-mouse` and the config turn it off).
    let mouse: Bool
    /// What the signal pipe delivered, handed out before any key.
    private var queued: [TerminalInput] = []

    /// Sets the terminal up; nil when terminfo does not know `TERM` (nothing was
    /// changed then).
    init?(mouse: Bool) {
        self.mouse = mouse
        Signals.install()
        JobSignals.install()
        setlocale(LC_ALL, "")
        guard ss_newterm() != nil else {
            JobSignals.uninstall()
            Signals.uninstall()
            return nil
        }
        raw()
        noecho()
        nodelay(ss_stdscr(), true)
        meta(ss_stdscr(), true)
        keypad(ss_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        if mouse {
            // Clicks and the wheel, reported at once (no click-interval wait), in xterm's
            // SGR encoding (mode 1006), which has no 223-column limit; ncurses turns
            // reporting (1000) on and off, and its terminfo may not know 1006 (tmux's).
            mousemask(ss_mouse_events(), nil)
            mouseinterval(0)
            Self.send("\u{1b}[?1006h")
        }
        colour = has_colors()
        if colour {
            start_color()
            use_default_colors()
            ColourPairs.initialize()
        }
        // The modes `resume` puts back after a stop, whatever a shell did meanwhile.
        def_prog_mode()
    }

    /// Gives the terminal back as it was.
    func close() {
        if mouse { Self.send("\u{1b}[?1006l") }
        endwin()
        JobSignals.uninstall()
        Signals.uninstall()
    }

    var width: Int { Int(ss_cols()) }
    var height: Int { Int(ss_lines()) }

    mutating func read(timeout: Int?) -> TerminalInput? {
        let deadline = timeout.map { Self.milliseconds() + $0 }
        var hungUp = false
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            let code = wgetch(ss_stdscr())
            if code == 27 {
                switch Self.sgrMouse() {
                case .report(let key): return .key(key)
                case .ignored: continue
                case .none: break
                }
            }
            if code != ERR {
                if let input = Self.input(code) { return input }
                continue
            }
            if hungUp { return .hangup }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: JobSignals.readEnd, events: Int16(POLLIN), revents: 0)]
            let wait = deadline.map { Int32(max(0, $0 - Self.milliseconds())) } ?? -1
            let ready = poll(&fds, 2, wait)
            if ready == 0 { return nil }
            // A signal interrupted the wait: its byte is in the pipe.
            if ready < 0 { continue }
            if fds[1].revents != 0 { takeSignals() }
            hungUp = fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        }
    }

    /// What followed an ESC, read as an xterm SGR mouse report.
    private enum MouseReport {
        case report(Key)
        /// A report of no use here (a release, another button): read and dropped.
        case ignored
    }

    /// An SGR mouse report (`ESC [ < button ; x ; y M`, `m` on release) that ncurses did
    /// not decode itself: its terminfo may know only the X10 form (tmux's `kmous=\E[M`)
    /// while the terminal sends SGR (mode 1006). Anything else is put back, unread.
    private static func sgrMouse() -> MouseReport? {
        var taken: [Int32] = []
        func putBack() -> MouseReport? {
            for code in taken.reversed() { ungetch(code) }
            return nil
        }
        for expected in ["[", "<"].map({ Int32(Character($0).asciiValue!) }) {
            let code = wgetch(ss_stdscr())
            guard code != ERR else { return putBack() }
            taken.append(code)
            guard code == expected else { return putBack() }
        }
        var numbers = [0]
        while taken.count < 20 {
            let code = wgetch(ss_stdscr())
            guard code != ERR else { return putBack() }
            taken.append(code)
            switch code {
            case 48...57: numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(code - 48)
            case 59: numbers.append(0)
            case 77, 109:  // M press, m release
                guard numbers.count == 3, code == 77 else { return .ignored }
                let (button, x, y) = (numbers[0], numbers[1] - 1, numbers[2] - 1)
                if button & 64 != 0 { return .report(.wheel(x: x, y: y, down: button & 1 != 0)) }
                return button & 35 == 0 ? .report(.click(x: x, y: y)) : .ignored
            default: return putBack()
            }
        }
        return putBack()
    }

    /// What `wgetch` returned, as input: a byte of a character, or a decoded key.
    private static func input(_ code: Int32) -> TerminalInput? {
        code < 256 ? .byte(UInt8(code)) : KeyDecoder.key(code: code).map(TerminalInput.key)
    }

    /// Acts on the signals posted since the last look and queues what the loop must know.
    private mutating func takeSignals() {
        let posted = JobSignals.take()
        if posted.contains(SIGTSTP) {
            _ = suspend()
            queued.append(.resumed)
        } else if posted.contains(SIGCONT) {
            resume()
            queued.append(.resumed)
        }
        if posted.contains(SIGWINCH) {
            var rows: Int32 = 0
            var cols: Int32 = 0
            if ss_window_size(&rows, &cols) != 0 { resize_term(rows, cols) }
            queued.append(.resize(width: width, height: height))
        }
    }

    /// Gives the terminal back and stops; where no stop can happen (an orphaned process
    /// group) the terminal stays raw and the program goes on.
    mutating func suspend() -> Bool {
        guard JobSignals.canStop() else { return false }
        endwin()
        JobSignals.stopProcess()
        resume()
        return true
    }

    /// Sets the terminal up again after a stop: the process's own modes (a shell may
    /// have changed them) and keypad mode, without which arrows arrive as letters.
    private func resume() {
        reset_prog_mode()
        keypad(ss_stdscr(), true)
    }

    func draw(_ screen: Screen, full: Bool) {
        if full { clearok(ss_curscr(), true) }
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                // The wide character to the left covers this column.
                guard cell.character != Cell.wideTail else { continue }
                let scalar = cell.character.unicodeScalars.first!.value
                _ = ss_put_wch(Int32(y), Int32(x), wchar_t(bitPattern: scalar), Self.attributes(cell.style), ColourPairs.pair(cell.style))
            }
        }
        wnoutrefresh(ss_stdscr())
        doupdate()
    }

    func bell() { beep() }

    /// Writes a terminal mode sequence straight to the terminal.
    private static func send(_ sequence: String) {
        _ = sequence.withCString { write(1, $0, strlen($0)) }
    }

    private static func attributes(_ style: Style) -> attr_t {
        var attrs: attr_t = 0
        if style.attributes.contains(.bold) { attrs |= ss_a_bold() }
        if style.attributes.contains(.dim) { attrs |= ss_a_dim() }
        if style.attributes.contains(.reverse) { attrs |= ss_a_reverse() }
        if style.attributes.contains(.underline) { attrs |= ss_a_underline() }
        return attrs
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
