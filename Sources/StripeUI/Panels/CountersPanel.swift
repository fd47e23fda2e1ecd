import StripeCore

/// Per-device pages read and written, r4w hits against device reads, write
/// amplification and what md's read-modify-write would have read.
struct CountersPanel: Panel {
    let theme: Theme

    /// "1 page", "2 pages".
    static func count<N: BinaryInteger>(_ n: N, _ noun: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// The one-line form used by the compact layout.
    static func summary(_ view: ViewState) -> String {
        let s = view.state, c = s.counters
        return "amp \(view.writes.amplificationText)  r4w hit \(c.r4wHits) miss \(c.r4wMisses)  in flight \(s.inflight.count)  violations \(c.violations)"
    }

    /// What has happened up to this event, in words; the shorter wording of a line where
    /// the longer does not fit `width`.
    static func lines(_ view: ViewState, width: Int = .max) -> [String] {
        let s = view.state, c = s.counters, w = view.writes
        func fit(_ long: String, _ short: String) -> String { long.count <= width ? long : short }
        // Counted when issued (`WriteTotals`): "in flight" below says how many have not landed.
        var lines = [w.userPagesWritten == 0
            ? fit("write amp -: no user page written (\(count(w.devicePagesWritten, "device page")) issued)",
                  "write amp -: no user page written")
            : fit("write amp \(w.amplificationText) = \(count(w.devicePagesWritten, "device page")) issued / \(count(w.userPagesWritten, "user page"))",
                  "write amp \(w.amplificationText) = \(w.devicePagesWritten) device / \(w.userPagesWritten) user pages")]
        lines.append(fit("r4w get_page: \(count(c.r4wHits, "cache hit")), \(count(c.r4wMisses, "miss", "misses")); \(count(c.r4wDevicePagesRead, "device page")) read",
                         "r4w get_page: \(c.r4wHits) hit, \(c.r4wMisses) miss; \(c.r4wDevicePagesRead) pages read"))
        if case .md = s.writePath {
            lines.append("md decisions: rmw \(c.mdRmw)  rcw \(c.mdRcw)  full \(c.mdFull)")
        } else {
            lines.append(fit("\(count(c.partialStripes, "partial stripe")): md read-modify-write would read \(count(c.rmwDevicePages, "page"))",
                             "md read-modify-write would read \(count(c.rmwDevicePages, "page"))"))
        }
        // Per device, wrapped rather than cut: at 6 devices and more one line is too short
        // for the proof a lesson rests on (mirrors: every page written twice).
        let devices = s.devices.enumerated().map { "\(s.layout?.deviceName($0.offset) ?? "dev\($0.offset)") r\($0.element.pagesRead) w\($0.element.pagesWritten)\($0.element.failed ? " FAILED" : "")" }
        lines += devices.joined(separator: "  ").wrapped(to: width == .max ? .max : width, separator: "  ")
        lines.append("in flight \(count(s.inflight.count, "request")) (\(count(w.devicePagesInFlight, "page")) written)   violations \(c.violations)")
        return lines
    }

    func draw(_ view: ViewState, in rect: Rect, on screen: inout Screen) {
        guard !rect.isEmpty else { return }
        screen.box(rect, title: "counters (so far)", glyphs: theme.box)
        let inner = rect.inset(1)
        var lines = Self.lines(view, width: inner.width)
        // Short of rows, the md comparison goes first, then the r4w line: amplification,
        // every device and the violations stay.
        for dropped in [2, 1] where lines.count > inner.height { lines.remove(at: dropped) }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let style: Style = row == 0 ? .bold : row == lines.count - 1 && view.state.counters.violations > 0 ? theme.error : .plain
            screen.put(line, x: inner.x, y: inner.y + row, style: style, clip: inner)
        }
    }
}
