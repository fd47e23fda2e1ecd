/// The run loop: feeds a program what its terminal delivers and draws the program's
/// screen once per batch of input, so a paste of any length costs one frame, not one
/// a character. Ctrl-Z and Ctrl-L are the terminal's keys, handled here for every program.
public enum TerminalLoop {
    /// Milliseconds between `.tick`s while the program plays.
    public static let tickMilliseconds = 80
    /// Milliseconds between redraws of the progress of idle work.
    public static let progressMilliseconds = 100

    /// What the status line says when Ctrl-Z cannot stop the program.
    public static let cannotStop = "Ctrl-Z: nothing here can stop the program (no job control: its process group is orphaned); q quits"

    /// Runs `program` on `backend` until it quits or the terminal hangs up.
    public static func run<P: TerminalProgram, B: TerminalBackend>(_ program: inout P, on backend: inout B) {
        var decoder = UTF8KeyDecoder()
        var runner = EffectRunner()
        let clock = ContinuousClock()
        var lastTick = clock.now
        var lastProgress = clock.now
        // What the program asked for before its first message (its initial build).
        guard runner.runPending(&program) else { return }
        backend.draw(program.view(), full: true)
        while true {
            // Builds and the program's own idle work (a search) go on between keys: keys
            // are polled, not waited for, until they are done; each turn does one chunk.
            let idle = runner.isBusy || program.hasIdleWork
            guard let first = backend.read(timeout: idle ? 0 : program.wantsTicks ? tickMilliseconds : nil) else {
                var redraw = false
                if idle {
                    guard runner.idleTurn(&program) else { return }
                    // Progress a few times a second (a frame can cost more than a step),
                    // and the moment the work is done.
                    if clock.now - lastProgress >= .milliseconds(progressMilliseconds) || !(runner.isBusy || program.hasIdleWork) {
                        lastProgress = clock.now
                        redraw = true
                    }
                }
                if program.wantsTicks, !idle || clock.now - lastTick >= .milliseconds(tickMilliseconds) {
                    lastTick = clock.now
                    guard program.update(.tick), runner.runPending(&program) else { return }
                    redraw = true
                }
                if redraw { backend.draw(program.view(), full: false) }
                continue
            }
            let droppedBefore = decoder.dropped
            var full = false
            var next: TerminalInput? = first
            // Keys queued together are handed over after the whole batch is read, so
            // the program can answer a quit at once or drop repeats a new key supersedes.
            var keys: [Key] = []
            while let input = next {
                var key: Key?
                switch input {
                case .byte(let byte):
                    key = decoder.feed(byte)
                case .key(let decoded):
                    decoder.flush()
                    key = decoded
                case .resize(let width, let height):
                    guard run(keys, on: &program, with: &runner) else { return }
                    keys = []
                    guard program.update(.resize(width: width, height: height)), runner.runPending(&program) else { return }
                    full = true
                case .resumed:
                    full = true
                case .hangup:
                    return
                }
                switch key {
                case nil: break
                case .control("z"):
                    if !backend.suspend() {
                        guard program.update(.notice(TerminalLoop.cannotStop)), runner.runPending(&program) else { return }
                    }
                    full = true
                case .control("l"):
                    full = true
                case let key?:
                    keys.append(key)
                }
                next = backend.read(timeout: 0)
            }
            guard run(keys, on: &program, with: &runner) else { return }
            // Work a key of this batch started (a search) does its first slice before the
            // frame, so a near match shows at once; a key queued behind that key stopped
            // it unread, so thirty queued searches cost nothing before a `q`.
            if program.hasFreshIdleWork {
                guard program.idleStep(), runner.runPending(&program) else { return }
            }
            if decoder.dropped > droppedBefore { backend.bell() }
            backend.draw(program.view(), full: full)
        }
    }

    /// Hands `program` the keys of a batch it keeps, running the effects each asks for
    /// before the next; false when one quits.
    private static func run<P: TerminalProgram>(_ keys: [Key], on program: inout P, with runner: inout EffectRunner) -> Bool {
        for key in program.superseding(keys) {
            guard program.update(.key(key)), runner.runPending(&program) else { return false }
        }
        return true
    }
}
