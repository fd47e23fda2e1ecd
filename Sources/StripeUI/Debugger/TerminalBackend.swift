/// What a terminal delivers to the run loop between frames.
public enum TerminalInput: Sendable, Equatable {
    /// One byte of what was typed or pasted; the loop decodes UTF-8 itself, so a byte
    /// that cannot be UTF-8 is dropped there instead of holding back the keys after it.
    case byte(UInt8)
    /// A key the terminal decoded from an escape sequence (arrows, function keys, clicks).
    case key(Key)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// The process was continued after a stop (`fg`, SIGCONT from anywhere): the
    /// terminal was set up again and its contents are unknown.
    case resumed
    /// The terminal is gone (its input hung up); nothing more will arrive.
    case hangup
}

/// The terminal as the run loop sees it: ncurses in the program, a scripted one in
/// tests (as ratatui's `TestBackend`), so keys, resizes and redraws are tested without
/// a real terminal.
public protocol TerminalBackend {
    /// The width now, in cells.
    var width: Int { get }
    /// The height now, in cells.
    var height: Int { get }
    /// The next input, waiting at most `timeout` milliseconds (nil: until one arrives,
    /// 0: only what has already arrived). Nil when the time ran out.
    mutating func read(timeout: Int?) -> TerminalInput?
    /// Shows `screen`, sending only what changed unless `full` asks to repaint every
    /// cell (Ctrl-L, after a resume or a resize).
    mutating func draw(_ screen: Screen, full: Bool)
    /// Gives the terminal back and stops the process, as Ctrl-Z does in a shell; returns
    /// once the process is continued, with the terminal set up again. False when nothing
    /// could stop it (no job control): the terminal was left as it was.
    mutating func suspend() -> Bool
    /// Tells the user input was not understood.
    mutating func bell()
}
