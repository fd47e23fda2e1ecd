/// The one writer of a timeline: events, their aux changes, keyframes, and the one live
/// state (always the state after the last emitted event). Write paths (`ExofsORE`,
/// `MdRaid5`) and the shared layers change what the user sees only through it, so the
/// live state and any replay agree by construction.
final class Recorder {
    let timeline: Timeline
    /// The live state.
    private(set) var state = SimState()
    private var pendingAux: [AuxChange] = []
    /// Arguments of the open calls, so `return` events repeat them.
    private var callArgs: [UInt64] = []

    /// The modelled kernel hit a BUG (or a task waits forever), or the build stopped:
    /// nothing is recorded after it.
    var halted = false
    /// Running the notes and claims right after the command that hit a `kernel_bug` (SPEC 12).
    var explainingBug = false
    /// The build pauses when the timeline reaches this many events: `pause` runs, or,
    /// without one, the build stops there (the timeline is then a prefix of the full one).
    var pauseAt = Int.max
    var pause: (() -> Void)?
    /// The memory the build may take, checked at every keyframe; nil: unchecked.
    var budget: MemoryBudget?
    /// Set when the build stopped at the budget.
    var overBudget: MemoryBudget.Exceeded?
    /// The build stopped before the scenario's end (at `pauseAt` or at the budget).
    private(set) var stopped = false
    /// How many events the whole run is projected to have (the budget's projection).
    var projectedEvents: () -> Int = { 0 }

    init(scenario: Scenario, keyframeInterval: Int) {
        timeline = Timeline(scenario: scenario, keyframeInterval: keyframeInterval)
    }

    /// Stops building: nothing more is emitted, and what runs on returns quickly.
    func stopBuilding() {
        stopped = true
        halted = true
    }

    /// Queues an aux change; it rides on the next emitted event.
    func stage(_ change: AuxChange) { pendingAux.append(change) }

    /// Queues an aux change and applies it to the live state at once, for changes the
    /// engine reads back before its next event (setting the same value twice is harmless).
    func stageApplied(_ change: AuxChange) {
        // Once nothing more is emitted, the live state stays the last event's.
        guard !halted || (explainingBug && !stopped) else { return }
        pendingAux.append(change)
        state.apply(change)
    }

    /// Appends an event, applies it to the live state, and keeps a keyframe when due.
    @discardableResult
    func emit(_ kind: EventKind, a: UInt8 = 0, b: UInt8 = 0, i: UInt32 = 0, x: UInt64 = 0) -> Int {
        guard !halted || (explainingBug && !stopped) else { return timeline.events.count - 1 }
        let depth = kind == .return ? state.stack.count - 1 : state.stack.count
        var event = Event(kind, depth: UInt8(clamping: depth), a: a, b: b, i: i, x: x)
        let seq = timeline.events.count
        if !pendingAux.isEmpty {
            event.kindRaw |= 0x80
            timeline.auxOwners.append(seq)
            timeline.auxStarts.append(timeline.aux.count)
            timeline.aux.append(contentsOf: pendingAux)
            pendingAux.removeAll(keepingCapacity: true)
        }
        timeline.events.append(event)
        timeline.indexEvent(seq)
        timeline.apply(seq, to: &state)
        if (seq + 1) % timeline.keyframeInterval == 0 {
            timeline.keyframes.append(state)
            if let budget, let exceeded = budget.check(scenario: timeline.scenario, built: seq + 1, projectedEvents: projectedEvents) {
                overBudget = exceeded
                stopBuilding()
            }
        }
        if seq + 1 >= pauseAt {
            pause?()
            // No pause to wait in, or cancelled while paused.
            if seq + 1 >= pauseAt { stopBuilding() }
        }
        return seq
    }

    /// Records `fn`'s call with `args`, runs `body`, records its return.
    func traced<T>(_ fn: KernelFunction, _ args: [UInt64], body: () -> T) -> T {
        let offset = UInt64(timeline.args.count)
        timeline.args.append(contentsOf: args)
        callArgs.append(offset)
        emit(.call, a: fn.rawValue, x: offset)
        let result = body()
        emit(.return, a: fn.rawValue, x: callArgs.removeLast())
        return result
    }
}
