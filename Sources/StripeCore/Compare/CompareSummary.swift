/// `trace --compare … --format summary` / `summary-json`: both worlds' totals and the
/// first divergence.
public struct CompareSummary: Sendable {
    public var a: TraceSummary
    public var b: TraceSummary
    public var firstDivergence: Divergence?
    /// The worlds for people.
    public var aName: String
    public var bName: String
    /// What each world writes through.
    public var writePaths: (a: WritePathChoice, b: WritePathChoice)

    public init(_ comparison: Comparison) {
        a = TraceSummary(comparison.a)
        b = TraceSummary(comparison.b)
        firstDivergence = comparison.firstDivergence
        aName = comparison.pair.a.name
        bName = comparison.pair.bDescription
        func path(_ t: Timeline) -> WritePathChoice { t.count > 0 ? t.state(at: t.count - 1).writePath : .ore }
        writePaths = (path(comparison.a), path(comparison.b))
    }

    /// Said whenever the worlds write through different write paths: their device
    /// requests are not expected to match.
    public var byDesign: String? { writePaths.a.byDesign(comparedWith: writePaths.b) }

    /// The SPEC 8 object: `a`, `b` (each `events`, `dev_pages_read`, `dev_pages_written`,
    /// `r4w_reads`, `violations`) and `first_divergence` (null or `{a_event, b_event, line, what}`).
    public var json: JSONValue {
        .object([("a", Self.totals(a)), ("b", Self.totals(b)), ("first_divergence", firstDivergence?.json ?? .null)]
                + (byDesign.map { [("write_paths", JSONValue.object([("a", .string(writePaths.a.name)), ("b", .string(writePaths.b.name))])),
                                   ("note", .string($0))] } ?? []))
    }

    private static func totals(_ s: TraceSummary) -> JSONValue {
        .object(s.comparedFigures.map { ($0.key, .int(Int64($0.value))) })
    }

    /// Both worlds' totals side by side with B − A, then the first divergence.
    public var lines: [String] {
        var out = ["world A: \(aName)", "world B: \(bName)", ""]
        if let byDesign { out.insert("note: " + byDesign, at: 2) }
        let labels = ["events", "device pages read", "device pages written", "r4w device pages read", "violations"]
        let width = labels.map(\.count).max()!
        func row(_ title: String, _ x: String, _ y: String, _ d: String) -> String {
            title + String(repeating: " ", count: width - title.count) + [x, y, d].map { String(repeating: " ", count: max(0, 10 - $0.count)) + $0 }.joined()
        }
        out.append(row("", "A", "B", "B-A"))
        for (n, (fa, fb)) in zip(a.comparedFigures, b.comparedFigures).enumerated() {
            let d = Int64(fb.value) - Int64(fa.value)
            out.append(row(labels[n], "\(fa.value)", "\(fb.value)", d > 0 ? "+\(d)" : "\(d)"))
        }
        out.append(row("write amplification", a.writes.amplificationText, b.writes.amplificationText, ""))
        out.append("")
        if let d = firstDivergence {
            out.append("first divergence: A event \(d.aEvent), B event \(d.bEvent), line \(d.line): \(d.what)")
        } else {
            out.append("first divergence: none (the worlds make the same device requests, page flags and invariant results)")
        }
        return out
    }
}

extension TraceSummary {
    /// The totals a comparison shows, with their JSON names.
    var comparedFigures: [(key: String, value: UInt64)] {
        [("events", UInt64(events)),
         ("dev_pages_read", devices.reduce(0) { $0 + $1.pagesRead }),
         ("dev_pages_written", writes.devicePagesWritten),
         ("r4w_reads", counters.r4wDevicePagesRead),
         ("violations", UInt64(violations.count))]
    }
}
