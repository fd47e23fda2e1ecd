import StripeCore

/// Per-device pages read and written, r4w hits against device reads, write
/// amplification and what md's read-modify-write would have read.
struct CountersPanel {
    let model: DebuggerModel
    let rect: Rect

    /// Device pages written, and their ratio to user pages ("-" until both exist: in
    /// the middle of a write nothing has reached a device yet, which is not 0.00).
    static func amplification(_ s: SimState) -> (written: UInt64, ratio: String) {
        let written = s.devices.reduce(0) { $0 + $1.pagesWritten }
        let users = s.counters.userPagesWritten
        return (written, users > 0 && written > 0 ? TraceSummary.format(Double(written) / Double(users)) : "-")
    }

    /// "1 page", "2 pages".
    static func count<N: BinaryInteger>(_ n: N, _ noun: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// The one-line form used by the compact layout.
    static func summary(_ s: SimState) -> String {
        let c = s.counters
        let amp = amplification(s).ratio
        return "amp \(amp)  r4w hit \(c.r4wHits) miss \(c.r4wMisses)  in flight \(s.inflight.count)  violations \(c.violations)"
    }

    /// What has happened up to this event, in words; the shorter wording of a line where
    /// the longer does not fit `width`.
    static func lines(_ s: SimState, width: Int = .max) -> [String] {
        let c = s.counters
        let (written, amp) = amplification(s)
        func fit(_ long: String, _ short: String) -> String { long.count <= width ? long : short }
        var lines = [written == 0
            ? fit("write amp -: no device page write issued yet (\(count(c.userPagesWritten, "user page")))",
                  "write amp -: no device write yet")
            // Counted when issued: "in flight" below says how many have not landed.
            : fit("write amp \(amp) = \(count(written, "device page")) issued / \(count(c.userPagesWritten, "user page"))",
                  "write amp \(amp) = \(written) device / \(c.userPagesWritten) user pages")]
        lines.append(fit("r4w get_page: \(count(c.r4wHits, "cache hit")), \(count(c.r4wMisses, "miss", "misses")); \(count(c.r4wDevicePagesRead, "device page")) read",
                         "r4w get_page: \(c.r4wHits) hit, \(c.r4wMisses) miss; \(c.r4wDevicePagesRead) pages read"))
        if case .md = s.writePath {
            lines.append("md decisions: rmw \(c.mdRmw)  rcw \(c.mdRcw)  full \(c.mdFull)")
        } else {
            lines.append(fit("\(count(c.partialStripes, "partial stripe")): md read-modify-write would read \(count(c.rmwDevicePages, "page"))",
                             "md read-modify-write would read \(count(c.rmwDevicePages, "page"))"))
        }
        lines.append(s.devices.enumerated().map { "dev\($0.offset) r\($0.element.pagesRead) w\($0.element.pagesWritten)\($0.element.failed ? " FAILED" : "")" }
            .joined(separator: "  "))
        lines.append("in flight \(count(s.inflight.count, "request"))   violations \(c.violations)")
        return lines
    }

    func draw(into screen: inout Screen) {
        guard !rect.isEmpty else { return }
        let theme = model.theme
        screen.box(rect, title: "counters (so far)", glyphs: theme.box)
        let inner = rect.inset(1)
        let lines = Self.lines(model.state, width: inner.width)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let style: Style = row == 0 ? .bold : row == lines.count - 1 && model.state.counters.violations > 0 ? theme.error : .plain
            screen.put(line, x: inner.x, y: inner.y + row, style: style, clip: inner)
        }
    }
}
