/// `trace --format summary`: totals only.
public struct TraceSummary: Sendable {
    public var events: Int
    public var eventsByKind: [(kind: EventKind, count: Int)]
    public var devices: [(pagesRead: UInt64, pagesWritten: UInt64, requests: UInt64)]
    public var counters: Counters
    /// Device and user pages written, as every output counts them.
    public var writes: WriteTotals
    public var violations: [String]

    public init(_ timeline: Timeline) {
        events = timeline.count
        var byKind = [Int](repeating: 0, count: EventKind.allCases.count)
        var violations: [String] = []
        for seq in 0..<timeline.count {
            let kind = timeline.event(seq).kind
            byKind[Int(kind.rawValue)] += 1
            if kind == .violation { violations.append(timeline.summary(of: seq)) }
        }
        eventsByKind = EventKind.allCases.map { ($0, byKind[Int($0.rawValue)]) }.filter { $0.count > 0 }
        let final = timeline.state(at: timeline.count - 1)
        devices = final.devices.map { ($0.pagesRead, $0.pagesWritten, $0.requests) }
        counters = final.counters
        writes = WriteTotals(final)
        self.violations = violations
    }

    /// Device pages written per page the user wrote; nil before any user write.
    public var writeAmplification: Double? { writes.amplification }

    /// The summary as lines of text.
    public var lines: [String] {
        var out = ["events: \(events)"]
        for (kind, n) in eventsByKind { out.append("  \(kind.name): \(n)") }
        out.append("devices:")
        for (dev, d) in devices.enumerated() {
            out.append("  dev \(dev): \(d.pagesRead) pages read, \(d.pagesWritten) pages written, \(d.requests) requests")
        }
        let c = counters
        out.append("r4w get_page: \(c.r4wHits + c.r4wMisses) calls, \(c.r4wHits) uptodate (cache hits), \(c.r4wMisses) read from devices (\(c.r4wDevicePagesRead) device pages)")
        out.append("partial stripes: \(c.partialStripes); device pages read by r4w: \(c.r4wDevicePagesRead) (get_page misses and tails of partial last pages), md read-modify-write would read: \(c.rmwDevicePages)")
        if c.mdRmw + c.mdRcw + c.mdFull > 0 || eventsByKind.contains(where: { $0.kind == .mdDecision }) {
            out.append("md decisions: \(c.mdRmw) read-modify-write, \(c.mdRcw) reconstruct-write, \(c.mdFull) full stripe")
        }
        out.append("user pages written: \(c.userPagesWritten)")
        out.append("device pages written: \(writes.devicePagesWritten) issued, \(writes.devicePagesInFlight) of them in flight")
        out.append(writeAmplification == nil ? "write amplification: - (no user page written)"
            : "write amplification: \(writes.amplificationText) device pages written per user page")
        if violations.isEmpty {
            out.append("invariants: all hold")
        } else {
            out.append("invariants: \(violations.count) violation\(violations.count == 1 ? "" : "s")")
            out += violations.map { "  " + $0 }
        }
        return out
    }

    /// Two decimals, without Foundation: 2.0 → "2.00".
    public static func format(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
