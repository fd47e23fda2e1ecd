import StripeCore

/// The run loop's side of `Effect`: runs file effects at once and keeps the builds
/// going a chunk per loop turn, turning each outcome into a message for `update`.
/// The loop owns one; tests drive one directly to finish what a model asked for.
public struct EffectRunner {
    /// Builds under way, oldest first: each goes one chunk a turn.
    private(set) var builds: [EngineRun] = []

    public init() {}

    /// Whether a build is still going on (the loop polls keys instead of waiting).
    public var isBusy: Bool { !builds.isEmpty }

    /// Runs `effect` with `files`; the message that says how it went, if it has one now.
    public mutating func run(_ effect: Effect, files: ScenarioFiles) -> DebuggerMsg? {
        switch effect {
        case .build(let run):
            if !run.isFinished, !builds.contains(where: { $0 === run }) { builds.append(run) }
            return nil
        case .cancelBuild(let run):
            run.cancel()
            builds.removeAll { $0 === run }
            return nil
        case .read(let path):
            do {
                return .done(.read(path: path, bytes: try files.read(path), error: nil))
            } catch {
                return .done(.read(path: path, bytes: nil, error: "\(error)"))
            }
        case .write(let path, let text):
            do {
                try files.write(path, text)
                return .done(.wrote(path: path, error: nil))
            } catch {
                return .done(.wrote(path: path, error: "\(error)"))
            }
        }
    }

    /// Builds one more chunk of `chunk` events of each build; the messages that report it.
    public mutating func step(chunk: Int) -> [DebuggerMsg] {
        let stepped = builds
        for run in stepped { run.build(upTo: run.timeline.count + chunk) }
        builds.removeAll { $0.isFinished || $0.failure != nil }
        return stepped.map { .done(.built(ObjectIdentifier($0))) }
    }

    /// Runs `effects` and every message they lead to on `program` until no build and no
    /// idle work (a search) is left, as the loop would with no key coming; false when the
    /// program quit.
    public mutating func finish<P: TerminalProgram>(_ program: inout P) -> Bool {
        guard runPending(&program) else { return false }
        while isBusy || program.hasIdleWork {
            guard idleTurn(&program) else { return false }
        }
        return true
    }

    /// One turn of the work done while no key comes: a slice of the program's search
    /// (what the user waits for) before a chunk of a build, then the effects each answer
    /// asks for; false when the program quit.
    public mutating func idleTurn<P: TerminalProgram>(_ program: inout P) -> Bool {
        if program.hasIdleWork { return program.idleStep() && runPending(&program) }
        for msg in step(chunk: program.buildChunk) {
            guard program.update(msg), runPending(&program) else { return false }
        }
        return true
    }

    /// Runs the effects `program` asked for, and those its answers ask for in turn;
    /// false when the program quit.
    public mutating func runPending<P: TerminalProgram>(_ program: inout P) -> Bool {
        while true {
            let effects = program.takeEffects()
            guard !effects.isEmpty else { return true }
            for effect in effects {
                if let msg = run(effect, files: program.files) {
                    guard program.update(msg) else { return false }
                }
            }
        }
    }
}
