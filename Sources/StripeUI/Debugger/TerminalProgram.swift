/// A screen program the terminal adapter can run: it reacts to messages and draws
/// itself. Both the debugger and the layout explorer are one.
public protocol TerminalProgram {
    /// Reacts to one message; returns false to quit.
    mutating func update(_ msg: DebuggerMsg) -> Bool
    /// The screen to show now.
    func view() -> Screen
    /// Whether the program wants `.tick` messages (it is playing).
    var wantsTicks: Bool { get }
    /// Whether the program has work to do while no key comes (a timeline to build).
    var hasIdleWork: Bool { get }
    /// Does a short step of that work; returns false to quit.
    mutating func idleStep() -> Bool
}

extension TerminalProgram {
    public var hasIdleWork: Bool { false }
    public mutating func idleStep() -> Bool { true }
}

extension DebuggerModel: TerminalProgram {
    /// Held at a note, play waits for a key, not for the timer.
    public var wantsTicks: Bool { playing && !heldAtNote }
    public var hasIdleWork: Bool { building != nil || pendingBuild != nil }
    public mutating func idleStep() -> Bool { buildStep() }
}
