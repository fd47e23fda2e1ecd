import StripeCore

extension CompareModel: TerminalProgram {
    public var wantsTicks: Bool { false }

    /// Keys of the split screen. Stepping keys act on the focused world through the
    /// debugger's own handling; Tab switches world; `}` / `{` and `]` / `[` move both
    /// worlds in lockstep; `d` / `D` jump to the next / previous divergence.
    public mutating func update(_ msg: DebuggerMsg) -> Bool {
        switch msg {
        case .resize(let w, let h):
            width = w
            height = h
        case .tick:
            break
        case .done(let result):
            return built(result)
        case .notice(let text):
            message = .init(text: text, isError: true)
        case .key(let key):
            message = nil
            if overlay != nil {
                overlay = nil
                return true
            }
            switch keys.action(for: key, in: .split) {
            case .quit: return false
            case .enter: overlay = .detail
            case .help: overlay = .help
            case let action? where comparison == nil && Self.aligningActions.contains(action):
                // World B has no screen, the others no alignment yet: A's keys work meanwhile.
                message = .init(text: "\(stillBuilding ?? ""): the stepping keys move world A meanwhile", isError: false)
            case .switchWorld: focus = focus == .a ? .b : .a
            case .nextCommand: moveBothToCommand(.forward)
            case .previousCommand: moveBothToCommand(.backward)
            case .nextNote: moveBothToNote(.forward)
            case .previousNote: moveBothToNote(.backward)
            case .nextDivergence: jumpToDivergence(.forward)
            case .previousDivergence: jumpToDivergence(.backward)
            case let action? where Self.steppingActions.contains(action):
                // The focused world steps itself, in place.
                message = perform(action, in: focus)
            default:
                if !key.isMouse { message = .init(text: keys.unboundReason(key, in: .split), isError: false) }
            }
        }
        return true
    }

    /// The debugger actions that move the focused world's cursor (and do nothing else).
    static let steppingActions: Set<KeyAction> = [
        .step, .stepBack, .next, .nextBack, .finish, .finishBack, .continueForward, .continueBack, .first, .last,
        // Breakpoints are the focused world's: b (or Space) sets one on what its event is about, c goes to it.
        .toggleBreakpoint,
    ]

    /// The keys that need both worlds aligned (or world B on screen).
    static let aligningActions: Set<KeyAction> = [
        .switchWorld, .nextCommand, .previousCommand, .nextNote, .previousNote, .nextDivergence, .previousDivergence,
    ]

    /// The aligned command the worlds stand in: the later of the two (a world waits at
    /// its last event while the other runs a command only it has).
    private var currentCommand: Int? {
        guard let comparison else { return nil }
        return [comparison.command(containing: a.cursor, inA: true), comparison.command(containing: b.cursor, inA: false)]
            .compactMap { $0 }.max()
    }

    /// Both worlds to the start of the next (previous) scenario command; backward from
    /// inside a command goes to its start first, as a debugger's `{` would.
    private mutating func moveBothToCommand(_ direction: Direction) {
        guard let comparison else { return }
        let commands = comparison.commands
        let here = currentCommand ?? -1
        let atStart = here >= 0 && (commands[here].a.map { a.cursor == $0.lowerBound } ?? true)
            && (commands[here].b.map { b.cursor == $0.lowerBound } ?? true)
        let target = direction == .forward ? here + 1 : atStart ? here - 1 : here
        guard target >= 0, target < commands.count else {
            message = .init(text: direction == .forward ? "no later scenario command" : "no earlier scenario command", isError: false)
            return
        }
        standBoth(at: commands[target])
        message = .init(text: "both worlds at \(commandText(target))", isError: false)
    }

    /// Each world at the start of `command`; a world that does not run it stands at its
    /// last event before it.
    private mutating func standBoth(at command: AlignedCommand) {
        guard let comparison else { return }
        if let range = command.a {
            move(.a, to: range.lowerBound)
            if command.b == nil { move(.b, to: comparison.event(alignedWith: range.lowerBound, inA: true)) }
        }
        if let range = command.b {
            move(.b, to: range.lowerBound)
            if command.a == nil { move(.a, to: comparison.event(alignedWith: range.lowerBound, inA: false)) }
        }
    }

    /// The scenario line of aligned command `index`, as the header shows it.
    private func commandText(_ index: Int) -> String {
        guard let comparison else { return "" }
        let command = comparison.commands[index]
        if let range = command.a { return comparison.a.summary(of: range.lowerBound) }
        return "B's " + comparison.b.summary(of: command.b!.lowerBound)
    }

    /// The focused world to its next (previous) `note` event, the other world alongside.
    private mutating func moveBothToNote(_ direction: Direction) {
        let world = model(focus)
        let t = world.timeline
        guard let seq = t.find(from: world.cursor, direction, where: { t.event($0).kind == .note }) else {
            message = .init(text: direction == .forward ? "no later note" : "no earlier note", isError: false)
            return
        }
        moveBoth(focus, to: seq)
    }

    /// Both worlds to the next (previous) divergence after (before) where the focused
    /// world stands, saying what differs there.
    private mutating func jumpToDivergence(_ direction: Direction) {
        guard let comparison else { return }
        let here = model(focus).cursor
        let inA = focus == .a
        let at = { (d: Divergence) in inA ? d.aEvent : d.bEvent }
        let found = direction == .forward ? comparison.divergences.first { at($0) > here }
                                          : comparison.divergences.last { at($0) < here }
        guard let d = found else {
            let none = comparison.divergences.isEmpty ? "the worlds never diverge"
                : direction == .forward ? "no divergence after this point (D goes back)" : "no divergence before this point"
            message = .init(text: none, isError: false)
            return
        }
        move(.a, to: d.aEvent)
        move(.b, to: d.bEvent)
        let number = comparison.divergences.firstIndex(of: d)! + 1
        message = .init(text: "divergence \(number)/\(comparison.divergences.count), line \(d.line): \(d.what)", isError: true)
    }
}
