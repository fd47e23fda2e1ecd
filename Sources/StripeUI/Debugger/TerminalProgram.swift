/// A screen program the terminal adapter can run: it reacts to messages and draws
/// itself. Both the debugger and the layout explorer are one.
public protocol TerminalProgram {
    /// Reacts to one message; returns false to quit. It does no I/O and starts no
    /// build: it asks for them as effects, which the loop takes (`takeEffects`) and runs.
    mutating func update(_ msg: DebuggerMsg) -> Bool
    /// The effects the last messages asked for, handed to the loop (and forgotten here).
    mutating func takeEffects() -> [Effect]
    /// The files the loop's `.read` and `.write` effects use.
    var files: ScenarioFiles { get }
    /// Events a build effect goes on by per loop turn.
    var buildChunk: Int { get }
    /// The screen to show now.
    func view() -> Screen
    /// Whether the program wants `.tick` messages (it is playing).
    var wantsTicks: Bool { get }
    /// Whether the program has work of its own to do while no key comes (a search).
    var hasIdleWork: Bool { get }
    /// Whether that work is new, not a step of it done yet (a search a key just started).
    var hasFreshIdleWork: Bool { get }
    /// Does a short step of that work; returns false to quit.
    mutating func idleStep() -> Bool
    /// The keys of `queued` (keys that arrived together, while the program was busy)
    /// worth running: a program may answer a quit at once and let a new key supersede
    /// the repeats queued before it, so keys never wait behind work.
    func superseding(_ queued: [Key]) -> [Key]
}

extension TerminalProgram {
    public mutating func takeEffects() -> [Effect] { [] }
    public var files: ScenarioFiles { .none }
    public var buildChunk: Int { 50_000 }
    public var hasIdleWork: Bool { false }
    public var hasFreshIdleWork: Bool { false }
    public mutating func idleStep() -> Bool { true }
    public func superseding(_ queued: [Key]) -> [Key] { queued }
}

extension DebuggerModel: TerminalProgram {
    /// Held at a note, play waits for a key, not for the timer.
    public var wantsTicks: Bool { playing && !heldAtNote }
    public mutating func takeEffects() -> [Effect] {
        defer { effects = [] }
        return effects
    }
    public var hasIdleWork: Bool { running != nil }
    public var hasFreshIdleWork: Bool { running?.scan.looked == 0 }
    public mutating func idleStep() -> Bool {
        searchSlice()
        return true
    }

    /// In normal mode, keys that only move or search (each may cost a search's chunk)
    /// queued before a quit are dropped, so `q` is answered at once; a run of one such
    /// key followed by another key is dropped for it (a held arrow let go, then another).
    public func superseding(_ queued: [Key]) -> [Key] {
        guard mode == .normal else { return queued }
        var kept: [Key] = []
        // The key every kept key is, while they are one run of it.
        var run: Key?
        for (n, key) in queued.enumerated() {
            guard let action = keys.action(for: key, in: keyMode), action == .quit || Self.repeatable.contains(action) else {
                // A key that may change the mode: it and the rest run as they came.
                return kept + queued[n...]
            }
            if action == .quit { return [key] }
            if let repeated = run, repeated != key, kept.count > 1 { kept = [] }
            run = kept.isEmpty || run == key ? key : nil
            kept.append(key)
        }
        return kept
    }

    /// Actions that stay in normal mode and only move the cursor, scroll or search.
    private static let repeatable: Set<KeyAction> = [.cursorRight, .cursorLeft, .cursorUp, .cursorDown, .step, .stepBack, .next, .nextBack, .finish, .finishBack,
        .continueForward, .continueBack, .nextNote, .previousNote, .nextCommand, .previousCommand, .nextMatch,
        .previousMatch, .up, .down, .pageUp, .pageDown]
}
