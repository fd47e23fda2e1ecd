import StripeCore

/// Per-device pages read and written, r4w hits against device reads, write
/// amplification and what md's read-modify-write would have read.
struct CountersPanel {
    let model: DebuggerModel
    let rect: Rect

    /// Device pages written, and their ratio to user pages ("-" before any user write).
    static func amplification(_ s: SimState) -> (written: UInt64, ratio: String) {
        let written = s.devices.reduce(0) { $0 + $1.pagesWritten }
        let users = s.counters.userPagesWritten
        return (written, users > 0 ? TraceSummary.format(Double(written) / Double(users)) : "-")
    }

    /// "1 page", "2 pages".
    static func count<N: BinaryInteger>(_ n: N, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The one-line form used by the compact layout.
    static func summary(_ s: SimState) -> String {
        let c = s.counters
        let amp = amplification(s).ratio
        return "amp \(amp)  get_page \(c.r4wHits)/\(c.r4wMisses) hit/read  flight \(s.inflight.count)  viol \(c.violations)"
    }

    func draw(into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let theme = model.theme
        screen.box(rect, title: "counters", glyphs: theme.box)
        let inner = rect.inset(1)
        let s = model.state
        let c = s.counters
        var lines: [(String, Style)] = []
        let (written, amp) = Self.amplification(s)
        lines.append(("write amp \(amp) = \(Self.count(written, "device page")) / \(Self.count(c.userPagesWritten, "user page"))", .bold))
        lines.append(("get_page \(Self.count(c.r4wHits, "hit")) (uptodate), \(Self.count(c.r4wMisses, "device read"))", .plain))
        lines.append(("\(Self.count(c.partialStripes, "partial stripe")): r4w read \(Self.count(c.r4wDevicePagesRead, "page")), RMW \(c.rmwDevicePages)", .plain))
        let devs = s.devices.enumerated().map { "d\($0.offset) r\($0.element.pagesRead) w\($0.element.pagesWritten)\($0.element.failed ? " FAILED" : "")" }
        var line = ""
        for d in devs {
            if line.count + d.count + 2 > inner.width, !line.isEmpty {
                lines.append((line, .plain))
                line = ""
            }
            line += (line.isEmpty ? "" : "  ") + d
        }
        if !line.isEmpty { lines.append((line, .plain)) }
        let flight = s.inflight.count
        lines.append(("in flight \(Self.count(flight, "request"))   violations \(c.violations)",
                      c.violations > 0 ? theme.error : .plain))
        for (row, entry) in lines.prefix(inner.height).enumerated() {
            screen.put(entry.0, x: inner.x, y: inner.y + row, style: entry.1, clip: inner)
        }
    }
}
