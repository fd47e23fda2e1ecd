import StripeCore

/// The split screen opens on world A and builds the rest behind its first frame, as the
/// single debugger does: each world's debugger model holds its own `EngineRun`, which the
/// run loop builds a chunk per turn (`Effect.build`); the worlds are aligned once both
/// are whole, and until then what needs the alignment says it waits.
extension CompareModel {
    /// World A's first events now (at least up to `seq`), the rest of A and then all of
    /// B built by the loop, each within half of `budget` (two timelines live together).
    /// Throws when a world's estimate alone is over its half; a world that passes it
    /// while building quits the program with `buildFailure` set.
    public init(opening pair: WorldPair, budget: MemoryBudget?, width: Int, height: Int, ascii: Bool = false,
                monochrome: Bool = false, at seq: Int = 0) throws(MemoryBudget.Exceeded) {
        let half = Comparison.worldBudget(budget)
        let runA = try EngineRun(pair.a, budget: half)
        let runB = try EngineRun(pair.b, budget: half)
        runA.build(upTo: DebuggerModel.firstFrameEvents(at: seq))
        if let failure = runA.failure { throw failure }
        self.pair = pair
        self.width = width
        self.height = height
        theme = Theme(ascii: ascii, monochrome: monochrome)
        a = DebuggerModel(timeline: runA.timeline, width: width, height: height, ascii: ascii, monochrome: monochrome, at: seq)
        b = DebuggerModel(timeline: runB.timeline, width: width, height: height, ascii: ascii, monochrome: monochrome, at: 0)
        a.asksQuestions = false
        b.asksQuestions = false
        a.building = runA.isFinished ? nil : runA
        bWaiting = runB
        startWorldBIfDue()
    }

    /// The build that stopped at the memory budget, if one did (the program quit on it).
    public var buildFailure: MemoryBudget.Exceeded? { a.building?.failure ?? b.building?.failure }

    /// The world still building, B first (A's first events are on screen already).
    var worldBuilding: World? { b.building != nil || bWaiting != nil ? .b : a.building != nil ? .a : nil }

    /// What the alignment's keys and lines say while it waits for a world.
    var stillBuilding: String? { worldBuilding.map { "world \($0.name) is still building" } }

    /// World B's progress line, drawn in its pane until it is built.
    var worldBProgress: String? {
        let waiting = bWaiting.map { _ in " (after world A: \(a.timeline.count) events so far)" }
        return b.building == nil && waiting == nil ? nil : "world B: building, \(b.timeline.count) events" + (waiting ?? "")
    }

    /// A chunk of a world's build is done: hands it to both worlds (each looks at its own
    /// run), and aligns them once both are whole; false when a build passed the budget.
    mutating func built(_ result: EffectResult) -> Bool {
        guard a.update(.done(result)), b.update(.done(result)) else { return false }
        startWorldBIfDue()
        return true
    }

    /// Once world A is built, world B's build starts (the loop takes its effect); once
    /// both are, they are aligned.
    private mutating func startWorldBIfDue() {
        if a.building == nil, let run = bWaiting {
            bWaiting = nil
            b.building = run
        }
        alignIfBuilt()
    }

    /// Aligns the worlds once both are built, and stands B at the event aligned with A's:
    /// a fresh model over B's whole timeline (the one it had was made over none, and
    /// keeps what it worked out then, such as the layout), as one built up front.
    private mutating func alignIfBuilt() {
        guard comparison == nil, worldBuilding == nil else { return }
        let comparison = Comparison(pair, a: a.timeline, b: b.timeline)
        self.comparison = comparison
        var world = DebuggerModel(timeline: b.timeline, width: width, height: height, ascii: theme.ascii,
                                  monochrome: theme.monochrome, at: comparison.event(alignedWith: a.cursor, inA: true))
        world.theme = theme
        world.keys = keys
        world.asksQuestions = false
        b = world
    }

    public mutating func takeEffects() -> [Effect] { a.takeEffects() + b.takeEffects() }
    public var buildChunk: Int { a.buildChunk }
}
