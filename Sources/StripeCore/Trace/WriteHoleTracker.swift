/// Follows the timeline event by event and tells when a stripe's on-disk parity
/// starts or stops disagreeing with its on-disk data: the RAID5 write-hole window.
public struct WriteHoleTracker {
    public enum Change: Equatable, Sendable {
        case opens(stripe: UInt64)
        case closes(stripe: UInt64)
    }

    private let timeline: Timeline
    public private(set) var state = SimState()
    /// Stripes whose window is open now.
    public private(set) var open: Set<UInt64> = []

    public init(timeline: Timeline) { self.timeline = timeline }

    /// Applies event `seq` (the next one) and returns the windows it opened or closed.
    public mutating func advance(to seq: Int) -> [Change] {
        timeline.apply(seq, to: &state)
        let e = timeline.event(seq)
        let stripes: [UInt64]
        if e.kind == .ioDone, !timeline.request(Int(e.i)).isRead {
            stripes = touchedStripes(timeline.request(Int(e.i)))
        } else if e.hasAux, timeline.auxChanges(of: seq).contains(where: \.changesDisks) {
            stripes = Array(0..<state.stripeSpan)
        } else {
            return []
        }
        var changes: [Change] = []
        for stripe in stripes {
            let consistent = state.isParityConsistent(stripe: stripe)
            if !consistent, !open.contains(stripe) {
                open.insert(stripe)
                changes.append(.opens(stripe: stripe))
            } else if consistent, open.contains(stripe) {
                open.remove(stripe)
                changes.append(.closes(stripe: stripe))
            }
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
