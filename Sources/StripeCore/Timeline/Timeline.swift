/// The history of one scenario run: every event in order, the side tables their
/// fields point into, and keyframes of the full state so that any point can be
/// rebuilt by copying the nearest keyframe and rolling forward at most
/// `keyframeInterval` events, whatever the timeline's length.
public final class Timeline: @unchecked Sendable {
    /// Events between two keyframes: bounds the cost of reaching any event.
    public let keyframeInterval: Int

    /// The scenario run; read as a stream (`Scenario+Stream`), its lines are those parsed
    /// so far, always through the command being run: nothing reads past what ran.
    public internal(set) var scenario: Scenario
    @usableFromInline var events: [Event] = []
    /// Call arguments and xor fields, pointed to by `Event.x`.
    var args: [UInt64] = []
    /// Note texts and violation details, pointed to by `Event.x`.
    var strings: [String] = []
    /// Commands run so far (a `command` event's `x`).
    var commandCount = 0
    var requests: [IORequest] = []
    var entries: [RequestEntry] = []
    var aux: [AuxChange] = []
    /// For each event with aux changes: its seq and where its changes start in `aux`.
    var auxOwners: [Int] = []
    var auxStarts: [Int] = []
    /// Events by page and by the object pages their requests move.
    var eventIndex = EventIndex()
    /// keyframes[k] is the state before event k × keyframeInterval.
    var keyframes: [SimState] = []
    /// Whether every command ran (or a kernel BUG ended the run): false while a build
    /// is under way, or when it stopped at an event or at the memory budget.
    public internal(set) var isComplete = false
    /// Pages and stripes the commands looked at beyond the events they emitted (the
    /// truncate and fsync walks, the disk audit): what the scaling tests count, so a
    /// command's cost can be asserted without a clock.
    public internal(set) var pagesVisited = 0

    init(scenario: Scenario, keyframeInterval: Int) {
        self.scenario = scenario
        self.keyframeInterval = keyframeInterval
        keyframes.append(SimState())
    }

    /// Scenario command `n` (counted from 0), parsing it first if the scenario is read as
    /// a stream; nil past the end or at a bad line (`scenario.parseError`).
    func scenarioLine(_ n: Int) -> ScenarioLine? {
        while n >= scenario.lines.count {
            guard scenario.parseLine() else { return nil }
        }
        return scenario.lines[n]
    }

    /// Parses the rest of a scenario read as a stream, for what needs all of it (`:`
    /// edits, `:w`); only on the caller's turn of a build (`EngineRun`). Throws its first
    /// bad line's error, which also stops the build when it gets there.
    public func parseWholeScenario() throws(ScenarioError) {
        try scenario.parseRest()
    }

    /// Number of events.
    public var count: Int { events.count }

    public func event(_ seq: Int) -> Event { events[seq] }

    public func request(_ id: Int) -> IORequest { requests[id] }

    /// The state after event `seq` (the initial state for seq < 0).
    public func state(at seq: Int) -> SimState {
        let target = min(seq, count - 1)
        let k = (target + 1) / keyframeInterval
        var state = keyframes[min(k, keyframes.count - 1)]
        var next = min(k, keyframes.count - 1) * keyframeInterval
        while next <= target {
            apply(next, to: &state)
            next += 1
        }
        return state
    }

    /// Moves `state`, known to be the state after event `from`, to after event `to`:
    /// forward by applying events, backward through the nearest keyframe.
    public func advance(_ state: inout SimState, from: Int, to: Int) {
        if to >= from, to - from <= keyframeInterval {
            var next = from + 1
            while next <= to {
                apply(next, to: &state)
                next += 1
            }
        } else {
            state = self.state(at: to)
        }
    }

    /// Aux changes carried by event `seq`.
    func auxChanges(of seq: Int) -> ArraySlice<AuxChange> {
        let lo = auxOwners.partitionPoint { $0 < seq }
        guard lo < auxOwners.count, auxOwners[lo] == seq else { return [] }
        let end = lo + 1 < auxStarts.count ? auxStarts[lo + 1] : aux.count
        return aux[auxStarts[lo]..<end]
    }
}
