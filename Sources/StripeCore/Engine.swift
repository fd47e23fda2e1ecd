/// Runs a scenario through the model and records the timeline.
///
/// The engine changes the observable state only through its `Recorder` (events and
/// the aux changes that ride on them), so the live state and any replay agree by
/// construction. It runs the commands and holds what every write path shares (page
/// cache, devices, completions, invariants); writing the file out is the `WritePath`'s
/// (`ExofsORE`, `MdRaid5`). Kernel-modelling methods live in the folders named after
/// the kernel files they model.
public final class Engine {
    /// Events, keyframes and the live state.
    let recorder: Recorder
    var timeline: Timeline { recorder.timeline }
    /// The live state: always the state after the last emitted event.
    var state: SimState { _read { yield recorder.state } }
    /// Which kernel writes the file out (`write-path`); the exofs/ORE path by default.
    var writePath: any WritePath = ExofsORE()

    // Working state of the modelled kernel, mirrored into `state` through aux changes.
    var layout: OreLayout?
    var profile = Profile.final
    var switches = Switches()
    var manualCompletions = false
    var pcol = PageCollect()
    /// The pcol copy handed to the ORE with the I/O (`ios->private`), seen by the r4w ops.
    var r4wPrivate = PageCollect()
    var sp2d: Sp2dView?
    /// Outstanding I/Os by id, and the I/O each request belongs to.
    var ios: [Int: PendingIO] = [:]
    var requestOwner: [Int: Int] = [:]
    var failingRequests: Set<Int> = []
    private var nextIOID = 0
    /// Tokens handed out to user writes so far.
    var tokensIssued: UInt64 = 0
    /// What each page should read back: the user's last write or the file's initial content.
    var expected: ExpectedContent { _read { yield recorder.state.expected } }
    /// Pages whose expected content changed since the last audit (rule 1 looks again
    /// only at those), in the order set, repeats possible.
    var expectedChanged: [Int] = []
    /// Rules 1 and 2 as of the last quiescent check.
    var audit = DiskAudit()
    /// Violations already reported after a command, so a broken rule is said once.
    var reported: Set<String> = []
    /// Scenario line of the command being executed.
    var currentLine = 0
    /// The modelled kernel hit a BUG (or a task waits forever): nothing runs after it.
    var halted: Bool {
        get { recorder.halted }
        set { recorder.halted = newValue }
    }
    /// Running the notes and claims right after the command that hit a `kernel_bug`.
    var explainingBug: Bool {
        get { recorder.explainingBug }
        set { recorder.explainingBug = newValue }
    }
    /// The file's object id, `EXOFS_OBJ_OFF` + ino (`_ore_read_mirror` picks mirrors by it).
    var objectID = ExofsObject.id(ino: ExofsObject.defaultIno)

    /// The build pauses when the timeline reaches this many events (see `Recorder`).
    var pauseAt: Int {
        get { recorder.pauseAt }
        set { recorder.pauseAt = newValue }
    }
    var pause: (() -> Void)? {
        get { recorder.pause }
        set { recorder.pause = newValue }
    }
    /// The memory the build may take, checked at every keyframe; nil: unchecked.
    var budget: MemoryBudget? {
        get { recorder.budget }
        set { recorder.budget = newValue }
    }
    /// Set when the build stopped at the budget.
    var overBudget: MemoryBudget.Exceeded? { recorder.overBudget }
    /// The command being executed, and the events, pages written and dirty pages when
    /// it began: how far it is, for the budget's projection.
    var currentCommandLine: ScenarioLine?
    var commandStart = (event: 0, written: UInt64(0), dirty: 0)

    init(scenario: Scenario, keyframeInterval: Int) {
        recorder = Recorder(scenario: scenario, keyframeInterval: keyframeInterval)
        recorder.projectedEvents = { [unowned self] in projectedEvents() }
    }

    /// Runs every command of `scenario` and returns its timeline, with a keyframe
    /// every `keyframeInterval` events.
    public static func run(_ scenario: Scenario, keyframeInterval: Int = 4096) -> Timeline {
        let engine = Engine(scenario: scenario, keyframeInterval: keyframeInterval)
        engine.runAll()
        return engine.timeline
    }

    /// Runs `scenario` until its timeline holds `events` events (all of it by default),
    /// within `budget`: a build that would pass it stops early and throws.
    public static func build(_ scenario: Scenario, upTo events: Int = .max, budget: MemoryBudget?,
                             keyframeInterval: Int = 4096) throws(MemoryBudget.Exceeded) -> Timeline {
        let engine = Engine(scenario: scenario, keyframeInterval: keyframeInterval)
        engine.pauseAt = events
        engine.budget = budget
        try budget?.checkEstimate(of: scenario, upTo: events)
        engine.runAll()
        if let exceeded = engine.overBudget { throw exceeded }
        return engine.timeline
    }

    /// Executes the scenario's commands in order until the end, a kernel BUG or a stop.
    func runAll() {
        budget?.start()
        var next = 0
        while !halted, let line = timeline.scenarioLine(next) {
            execute(line)
            next += 1
        }
        // SPEC 12: the note and `expect` lines right after the command that hit a kernel
        // bug still run, against the state at the bug, so a lesson can explain it.
        explainingBug = true
        while state.kernelBug != nil, !recorder.stopped, let line = timeline.scenarioLine(next), line.command.isCommentary {
            execute(line)
            next += 1
        }
        explainingBug = false
        // A scenario read as a stream is read to its end whatever ran: a bad line stops it
        // as it stops `check`.
        if !recorder.stopped { try? timeline.parseWholeScenario() }
        timeline.isComplete = !recorder.stopped && timeline.scenario.parseError == nil
    }

    // MARK: Recording (the recorder's, named here so the kernel layers read as before)

    /// Queues an aux change; it rides on the next emitted event.
    @inline(__always) func stage(_ change: AuxChange) { recorder.stage(change) }

    /// The user wrote page `index`: the `page` event that makes it dirty with the new
    /// token sets what it should read back (`Timeline.apply`); the audit looks at it again.
    func userWrote(_ index: Int) { expectedChanged.append(index) }

    /// Page `index` should read back `token` from now on (not by a user write).
    func setExpected(_ index: Int, _ token: UInt64) {
        recorder.stageApplied(.expected(page: index, token: token))
        expectedChanged.append(index)
    }

    /// Pages from `start` on read back zeros; returns how many pages that set.
    @discardableResult
    func zeroExpected(from start: Int, below end: Int) -> Int {
        let pages = expected.zeroing(from: start, below: end)
        recorder.stageApplied(.expectedZero(from: start, below: end))
        expectedChanged += pages
        return pages.count
    }

    /// Appends an event, applies it to the live state, and keeps a keyframe when due.
    @inline(__always) @discardableResult
    func emit(_ kind: EventKind, a: UInt8 = 0, b: UInt8 = 0, i: UInt32 = 0, x: UInt64 = 0) -> Int {
        recorder.emit(kind, a: a, b: b, i: i, x: x)
    }

    /// Records `fn`'s call, runs `body`, records its return.
    @inline(__always)
    func traced<T>(_ fn: KernelFunction, _ args: UInt64..., body: () -> T) -> T {
        recorder.traced(fn, args, body: body)
    }

    /// A `note` event; engine notes carry the line of the command that caused them.
    func note(_ text: String) {
        timeline.strings.append(text)
        emit(.note, i: UInt32(currentLine), x: UInt64(timeline.strings.count - 1))
    }

    func violation(rule: Int, _ detail: String) {
        timeline.strings.append(detail)
        emit(.violation, a: UInt8(rule), x: UInt64(timeline.strings.count - 1))
    }

    /// The kernel BUGs or oopses in `fn` (or a task waits forever there): a `kernel_bug`
    /// event, the last of the run; what ran before it stays done.
    func kernelBug(_ fn: KernelFunction, _ detail: String) {
        guard !halted else { return }
        timeline.strings.append(detail)
        emit(.kernelBug, a: fn.rawValue, x: UInt64(timeline.strings.count - 1))
        halted = true
    }

    /// Sets and clears page flags with one `page` event, recording only real changes.
    /// `read`: the token is what a read returned, not a write (`Event.tokenRead`).
    func setFlags(_ index: Int, set: PageFlags = [], clear: PageFlags = [], token: UInt64? = nil, read: Bool = false) {
        let flags = state.pages[index].flags
        let setting = set.subtracting(flags)
        let clearing = clear.intersection(flags).subtracting(set)
        guard !setting.isEmpty || !clearing.isEmpty || token != nil else { return }
        emit(.page, a: setting.rawValue | (token != nil ? Event.tokenChanged : 0),
             b: clearing.rawValue | (token != nil && read ? Event.tokenRead : 0),
             i: UInt32(index), x: token ?? 0)
    }

    /// Adds a request to the timeline and emits its submission event.
    func submit(dev: Int, purpose: IOPurpose, entries: [RequestEntry]) -> Int {
        let start = timeline.entries.count
        timeline.entries.append(contentsOf: entries)
        timeline.requests.append(IORequest(dev: dev, purpose: purpose, entries: start..<timeline.entries.count))
        let id = timeline.requests.count - 1
        if state.devices[dev].failed { failingRequests.insert(id) }
        emit(purpose == .write ? .devWrite : .devRead, i: UInt32(id))
        return id
    }

    /// Completes request `id` at once (the synchronous reads of r4w and read-modify-write).
    /// Returns false on an I/O error.
    func completeNow(_ id: Int) -> Bool {
        let error = failingRequests.contains(id)
        emit(.ioDone, a: error ? 1 : 0, i: UInt32(id))
        return !error
    }

    /// Registers an asynchronous I/O made of `requests`; `done` runs when all complete.
    func track(_ io: PendingIO) {
        let id = nextIOID
        nextIOID += 1
        ios[id] = io
        for request in io.requests { requestOwner[request] = id }
        if io.requests.isEmpty { finish(id) }
    }

    /// Delivers the oldest pending completion; false when nothing is in flight.
    @discardableResult
    func deliverNextCompletion() -> Bool {
        guard !halted, let id = state.inflight.first else { return false }
        let error = failingRequests.contains(id)
        emit(.ioDone, a: error ? 1 : 0, i: UInt32(id))
        if let owner = requestOwner.removeValue(forKey: id) {
            ios[owner]!.remaining -= 1
            if error { ios[owner]!.error = true }
            if ios[owner]!.remaining == 0 { finish(owner) }
        }
        return true
    }

    private func finish(_ id: Int) {
        guard let io = ios.removeValue(forKey: id) else { return }
        switch io.kind {
        case .write: writepagesDone(io)
        case .read: readpagesDone(io)
        case .writePath: writePath.completed(self, io)
        }
    }

    /// Waits in `fn` (`lock_page`, `wait_on_page_writeback`, `truncate_inode_pages`) until
    /// page `index` loses `flag`, delivering pending completions. A page no I/O will ever
    /// release (stranded) is a task that waits forever: `kernel_bug`, and false.
    @discardableResult
    func waitOnPage(_ index: Int, in fn: KernelFunction = .lock_page, for flag: PageFlags = .locked) -> Bool {
        while state.pages[index].flags.contains(flag), deliverNextCompletion() {}
        guard state.pages[index].flags.contains(flag) else { return !halted }
        kernelBug(fn, "\(fn.name) waits forever for page \(index): it is \(flag == .locked ? "locked" : "under writeback") and no I/O in flight will ever \(flag == .locked ? "unlock it" : "end its writeback") — it was left in a pcol that exofs never submitted (stranded)")
        return false
    }
}

/// An I/O submitted to the devices whose completion the engine waits for.
struct PendingIO {
    /// `write` and `read` are exofs's (`writepages_done`, `readpages_done`); `writePath`
    /// goes back to the write path that submitted it.
    enum Kind { case write, read, writePath }
    var kind: Kind
    var pages: Range<Int>
    var requests: [Int]
    var remaining: Int
    var error = false

    init(kind: Kind, pages: Range<Int>, requests: [Int], error: Bool = false) {
        self.kind = kind
        self.pages = pages
        self.requests = requests
        self.remaining = requests.count
        self.error = error
    }
}
