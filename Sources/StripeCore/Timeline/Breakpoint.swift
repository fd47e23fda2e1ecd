/// Something to stop at while stepping: an event kind, a kernel function, a page,
/// a device, or any violation; or one of them under a condition (gdb's `break … if`).
public indirect enum Breakpoint: Sendable, Hashable, CustomStringConvertible {
    case kind(EventKind)
    case function(KernelFunction)
    case page(Int)
    case device(Int)
    case violation
    /// Stops where the first matches and the condition does too (`fn __r4w_get_page page 9`).
    case when(Breakpoint, Breakpoint)

    public var description: String {
        switch self {
        case .kind(let kind): "kind \(kind.name)"
        case .function(let fn): "function \(fn.name)"
        case .page(let index): "page \(index)"
        case .device(let dev): "device \(dev)"
        case .violation: "any violation"
        case .when(let bp, let condition): "\(bp) if \(condition)"
        }
    }

    /// Whether event `seq` of `timeline` stops here. A function stops at its call.
    public func matches(_ seq: Int, in timeline: Timeline) -> Bool {
        let e = timeline.event(seq)
        switch self {
        case .kind(let kind): return e.kind == kind
        case .function(let fn): return e.kind == .call && timeline.function(of: seq) == fn
        case .page(let index): return timeline.pageIndex(of: seq) == index
        case .device(let dev): return timeline.device(of: seq) == dev
        case .violation: return e.kind == .violation
        case .when(let bp, let condition): return bp.matches(seq, in: timeline) && condition.matches(seq, in: timeline)
        }
    }
}

/// A direction of travel through the timeline.
public enum Direction: Sendable {
    case forward, backward
}

extension Timeline {
    /// The first event after (or before) `seq` satisfying `predicate`, nil if none; going
    /// forward, no further than `last` (play looks only as far as one tick moves).
    public func find(from seq: Int, _ direction: Direction, upTo last: Int = .max, where predicate: (Int) -> Bool) -> Int? {
        switch direction {
        case .forward:
            var n = seq + 1
            while n < count, n <= last {
                if predicate(n) { return n }
                n += 1
            }
        case .backward:
            var n = min(seq, count) - 1
            while n >= 0 {
                if predicate(n) { return n }
                n -= 1
            }
        }
        return nil
    }

    /// gdb's `next`: the next event at the same call depth or shallower, stepping over
    /// calls (from a `call`, its `return`). Backwards, the mirror image.
    public func stepOver(from seq: Int, _ direction: Direction) -> Int? {
        guard seq >= 0, seq < count else { return nil }
        let depth = events[seq].depth
        return find(from: seq, direction) { self.events[$0].depth <= depth }
    }

    /// gdb's `finish`: forward, the `return` of the function the cursor is in (at a
    /// `call`, the function just entered); backward, that function's `call` (from a
    /// `call`, its caller's).
    public func finish(from seq: Int, _ direction: Direction) -> Int? {
        guard seq >= 0, seq < count else { return nil }
        let e = events[seq]
        switch direction {
        case .forward:
            let frame = Int(e.depth) + (e.kind == .call ? 1 : 0)
            guard frame > 0 else { return nil }
            return find(from: seq, .forward) { self.events[$0].kind == .return && Int(self.events[$0].depth) == frame - 1 }
        case .backward:
            let stack = state(at: seq).stack
            return e.kind == .call ? stack.dropLast().last : stack.last
        }
    }

    /// The next event matching any of `breakpoints`.
    public func nextBreakpoint(from seq: Int, _ direction: Direction, upTo last: Int = .max, _ breakpoints: Set<Breakpoint>) -> Int? {
        guard !breakpoints.isEmpty else { return nil }
        return find(from: seq, direction, upTo: last) { n in breakpoints.contains { $0.matches(n, in: self) } }
    }
}
