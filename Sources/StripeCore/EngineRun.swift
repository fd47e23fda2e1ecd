#if canImport(Glibc)
import Glibc
#endif

/// A scenario run built in steps: `build(upTo:)` runs the engine until the timeline
/// holds that many events, then hands back, so a viewer can show the first events of
/// a huge scenario at once and build the rest between key presses.
///
/// The engine runs on a thread of its own only to keep its place in the middle of a
/// command (a `writepages` of a million pages is one call); the caller and that thread
/// strictly take turns through two semaphores, so only one of them ever touches the
/// timeline, and between steps it is a consistent prefix of the full one.
public final class EngineRun: @unchecked Sendable {
    private let engine: Engine
    private let engineTurn = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    private let callerTurn = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    private var started = false
    /// Every command ran (or a kernel BUG or the budget stopped the run).
    public private(set) var isFinished = false

    /// The timeline built so far.
    public var timeline: Timeline { engine.timeline }
    /// Set when the run stopped at the memory budget.
    public var failure: MemoryBudget.Exceeded? { engine.overBudget }
    /// Commands run so far, of all the scenario's.
    public var commandsRun: Int { engine.timeline.commandCount }
    /// All of the scenario's commands; nil while some of a scenario read as a stream is
    /// not parsed yet (then `percentParsed` says how far the build is).
    public var commandTotal: Int? {
        let scenario = engine.timeline.scenario
        return scenario.isWhole ? scenario.lines.count : nil
    }
    /// How much of a scenario read as a stream is parsed, in percent: the parser reads a
    /// line ahead of the engine, so this is how far through the file the build is.
    public var percentParsed: Int { engine.timeline.scenario.percentParsed }
    /// The bad line of a scenario read as a stream that stopped the run (`Scenario+Stream`).
    public var parseError: ScenarioError? { engine.timeline.scenario.parseError }

    /// A run of `scenario` that has built nothing yet. Throws when the scenario's
    /// estimate alone is over `budget`.
    public init(_ scenario: Scenario, budget: MemoryBudget?, keyframeInterval: Int = 4096) throws(MemoryBudget.Exceeded) {
        try budget?.checkEstimate(of: scenario)
        engine = Engine(scenario: scenario, keyframeInterval: keyframeInterval)
        engine.budget = budget
        sem_init(engineTurn, 0, 0)
        sem_init(callerTurn, 0, 0)
        engine.pause = { [engineTurn, callerTurn] in
            sem_post(callerTurn)
            while sem_wait(engineTurn) != 0 {}
        }
    }

    /// Builds until the timeline holds `events` events or the run ends.
    public func build(upTo events: Int) {
        guard !isFinished, timeline.count < events else { return }
        engine.pauseAt = events
        if started {
            sem_post(engineTurn)
        } else {
            started = true
            startThread()
        }
        while sem_wait(callerTurn) != 0 {}
    }

    /// Builds the rest.
    public func finish() { build(upTo: .max) }

    /// Stops the build where it is: the timeline stays the prefix built so far, and the
    /// engine's thread ends (it returns through the rest of its command emitting nothing).
    public func cancel() {
        guard !isFinished else { return }
        engine.pause = nil
        engine.pauseAt = 0
        guard started else {
            isFinished = true
            return
        }
        sem_post(engineTurn)
        while sem_wait(callerTurn) != 0 {}
    }

    private func startThread() {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, 64 << 20)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, &attributes, { context in
            // Asynchronous signals (resize, suspend, resume, quit) are the terminal thread's
            // to handle. Crash signals stay unblocked: a fault here must still reach the
            // handler that restores the terminal (a blocked fault kills with no handler).
            var asynchronous = sigset_t()
            sigemptyset(&asynchronous)
            for signal in [SIGWINCH, SIGTSTP, SIGCONT, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2] {
                sigaddset(&asynchronous, signal)
            }
            pthread_sigmask(SIG_BLOCK, &asynchronous, nil)
            let run = Unmanaged<EngineRun>.fromOpaque(context!).takeRetainedValue()
            run.engine.runAll()
            run.isFinished = true
            sem_post(run.callerTurn)
            return nil
        }, context)
        pthread_attr_destroy(&attributes)
        if created == 0 {
            pthread_detach(thread)
        } else {
            // No thread to spare: build all of it here, at once.
            Unmanaged<EngineRun>.fromOpaque(context).release()
            engine.pause = nil
            engine.pauseAt = .max
            engine.runAll()
            isFinished = true
            sem_post(callerTurn)
        }
    }
}
