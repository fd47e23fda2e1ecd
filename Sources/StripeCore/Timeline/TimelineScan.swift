/// A search through the timeline done a slice at a time, so a viewer can read keys
/// between slices: from an event in a direction, either going round the far end and on
/// to the event it began at (the event log's `/`, as vim's `wrapscan`) or stopping at
/// the end (`c`, gdb's `continue`). The timeline may grow between slices (a background
/// build): each slice looks at what exists then.
public struct TimelineScan: Sendable, Equatable {
    public let direction: Direction
    public let wraps: Bool
    /// The event looked at last (the one it began at, before any).
    public private(set) var position: Int
    /// Events looked at so far.
    public private(set) var looked = 0
    /// Whether it went round an end of the timeline.
    public private(set) var wrapped = false

    public enum Outcome: Sendable, Equatable {
        case found(Int)
        /// Every event it could look at was looked at: none matched.
        case notFound
        /// Events are left: run it again.
        case searching
    }

    public init(from seq: Int, _ direction: Direction, wraps: Bool) {
        self.direction = direction
        self.wraps = wraps
        position = seq
    }

    /// Whether no event is left to look at in a timeline of `count` events.
    private func isExhausted(_ count: Int) -> Bool {
        if wraps { return looked >= count }
        return direction == .forward ? position >= count - 1 : position <= 0
    }

    /// Looks at up to `slice` more events of `timeline`, in order, for one `predicate` holds for.
    public mutating func run(in timeline: Timeline, slice: Int, where predicate: (Int) -> Bool) -> Outcome {
        let count = timeline.count
        let step = direction == .forward ? 1 : -1
        var left = slice
        while left > 0, !isExhausted(count) {
            var seq = position + step
            if seq >= count || seq < 0 {
                seq = seq >= count ? 0 : count - 1
                wrapped = true
            }
            position = seq
            looked += 1
            left -= 1
            if predicate(seq) { return .found(seq) }
        }
        return isExhausted(count) ? .notFound : .searching
    }
}
