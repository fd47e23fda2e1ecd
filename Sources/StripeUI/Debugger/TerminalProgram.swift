/// A screen program the terminal adapter can run: it reacts to messages and draws
/// itself. Both the debugger and the layout explorer are one.
public protocol TerminalProgram {
    /// Reacts to one message; returns false to quit.
    mutating func update(_ msg: DebuggerMsg) -> Bool
    /// The screen to show now.
    func view() -> Screen
    /// Whether the program wants `.tick` messages (it is playing).
    var wantsTicks: Bool { get }
}

extension DebuggerModel: TerminalProgram {
    /// Held at a note, play waits for a key, not for the timer.
    public var wantsTicks: Bool { playing && !heldAtNote }
}
