/// Follows the timeline event by event and tells when a stripe's on-disk parity
/// starts or stops disagreeing with its on-disk data: the RAID5 write-hole window.
/// Only a completed write and a change of the disks outside an I/O (a created or
/// truncated file) change what is on disk, so only those events are looked at.
public struct WriteHoleTracker {
    public enum Change: Equatable, Sendable, CustomStringConvertible {
        case opens(stripe: UInt64)
        case closes(stripe: UInt64)

        /// The line the text trace and the TUI's event log print under the event.
        public var description: String {
            switch self {
            case .opens(let stripe): "⚠ write-hole window opens on stripe \(stripe): its parity on disk disagrees with its data on disk"
            case .closes(let stripe): "✓ write-hole window closes on stripe \(stripe): parity and data agree on disk again"
            }
        }
    }

    private let timeline: Timeline
    /// The state after the last event followed.
    public private(set) var state: SimState

    /// A tracker at the start of the timeline.
    public init(timeline: Timeline) {
        self.timeline = timeline
        state = SimState()
    }

    /// A tracker standing after event `seq`, to follow a stretch of the timeline.
    public init(timeline: Timeline, after seq: Int) {
        self.timeline = timeline
        state = seq < 0 ? SimState() : timeline.state(at: seq)
    }

    /// Whether event `seq` can open or close a window: only then is following the
    /// state through it worth its cost.
    public static func mayChange(_ seq: Int, in timeline: Timeline) -> Bool {
        if timeline.event(seq).kind == .ioDone, case .ioDone(let done) = timeline.payload(of: seq) {
            return !done.request.isRead && !done.error
        }
        return timeline.event(seq).hasAux && timeline.auxChanges(of: seq).contains(where: \.changesDisks)
    }

    /// Applies event `seq` (the next one) and returns the windows it opened or closed:
    /// stripes it touched whose on-disk consistency changed.
    public mutating func advance(to seq: Int) -> [Change] {
        guard Self.mayChange(seq, in: timeline) else {
            timeline.apply(seq, to: &state)
            return []
        }
        let before = state
        let stripes: [UInt64]
        if case .ioDone(let done) = timeline.payload(of: seq) {
            timeline.apply(seq, to: &state)
            stripes = touchedStripes(done.request)
        } else {
            // A created file's stripes hold consistent parity: on empty devices nothing
            // changes. A truncate changes the stripes from the first it cut on.
            timeline.apply(seq, to: &state)
            let changes = timeline.auxChanges(of: seq)
            let created = changes.contains { if case .createFile = $0 { true } else { false } }
            let cuts = changes.compactMap { change -> UInt64? in
                guard case .deviceTruncate(let dev, let size) = change, let layout = before.layout else { return nil }
                return layout.stripe(onDevice: dev, objPage: size / pageSize)
            }
            let first = created || cuts.isEmpty ? 0 : cuts.min()!
            let end = created && cuts.isEmpty && before.stripeSpan == 0 ? 0 : max(before.stripeSpan, state.stripeSpan)
            stripes = Array(first..<max(first, end))
        }
        var changes: [Change] = []
        for stripe in stripes {
            let was = before.isParityConsistent(stripe: stripe), now = state.isParityConsistent(stripe: stripe)
            if was, !now { changes.append(.opens(stripe: stripe)) }
            if !was, now { changes.append(.closes(stripe: stripe)) }
        }
        return changes
    }

    /// File-order stripes a write request touches.
    private func touchedStripes(_ request: IORequest) -> [UInt64] {
        guard let layout = state.layout, layout.parity > 0 else { return [] }
        var result: [UInt64] = []
        for entry in timeline.entries[request.entries] {
            let stripe = layout.stripe(onDevice: request.dev, objPage: entry.objPage)
            if result.last != stripe { result.append(stripe) }
        }
        return result
    }
}

extension AuxChange {
    /// Whether the change rewrites device contents outside an I/O.
    var changesDisks: Bool {
        switch self {
        case .createFile, .deviceTruncate: true
        default: false
        }
    }
}
