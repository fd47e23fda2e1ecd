/// A key press or mouse click, decoded from the terminal.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace
    case function(Int)
    /// Ctrl with a letter (Ctrl-L is `.control("l")`).
    case control(Character)
    case click(x: Int, y: Int)
    /// The mouse wheel at a cell: scrolls the focused panel.
    case wheel(x: Int, y: Int, down: Bool)
}

/// Everything the debugger reacts to.
public enum DebuggerMsg: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A play-timer tick.
    case tick
    /// A word from the terminal for the status line (Ctrl-Z that cannot stop).
    case notice(String)
    /// What an effect `update` asked for came to (`Effect`).
    case done(EffectResult)
}
