import StripeCore

/// Per-device pages read and written, r4w hits against device reads, write
/// amplification and what md's read-modify-write would have read.
struct CountersPanel {
    let model: DebuggerModel
    let rect: Rect

    /// The one-line form used by the compact layout.
    static func summary(_ s: SimState) -> String {
        let c = s.counters
        let written = s.devices.reduce(0) { $0 + $1.pagesWritten }
        let amp = c.userPagesWritten > 0 ? TraceSummary.format(Double(written) / Double(c.userPagesWritten)) : "-"
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
        let written = s.devices.reduce(0) { $0 + $1.pagesWritten }
        let amp = c.userPagesWritten > 0 ? TraceSummary.format(Double(written) / Double(c.userPagesWritten)) : "-"
        lines.append(("write amp \(amp) = \(written) device pages / \(c.userPagesWritten) user pages", .bold))
        lines.append(("get_page \(c.r4wHits) hits (uptodate), \(c.r4wMisses) device reads", .plain))
        lines.append(("\(c.partialStripes) partial stripe\(c.partialStripes == 1 ? "" : "s"): r4w read \(c.r4wDevicePagesRead) pages, RMW \(c.rmwDevicePages)", .plain))
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
        lines.append(("in flight \(flight) request\(flight == 1 ? "" : "s")   violations \(c.violations)",
                      c.violations > 0 ? theme.error : .plain))
        for (row, entry) in lines.prefix(inner.height).enumerated() {
            screen.put(entry.0, x: inner.x, y: inner.y + row, style: entry.1, clip: inner)
        }
    }
}
