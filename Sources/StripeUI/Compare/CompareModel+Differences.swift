import StripeCore

extension CompareModel {
    /// Where the worlds stand apart now: the totals as A, B and B − A, then the pages
    /// whose presence or flags differ.
    public var differenceLine: String { differenceLine(pages: differingPages) }

    /// The difference line, given `differingPages` (the split frame finds them once).
    func differenceLine(pages: [Int]) -> String {
        let sa = a.state, sb = b.state
        func figure(_ name: String, _ x: UInt64, _ y: UInt64) -> String {
            let d = Int64(y) - Int64(x)
            return "\(name) \(x)/\(y)\(d == 0 ? "" : d > 0 ? " (+\(d))" : " (\(d))")"
        }
        let read = { (s: SimState) in s.devices.reduce(0) { $0 + $1.pagesRead } }
        let written = { (s: SimState) in s.devices.reduce(0) { $0 + $1.pagesWritten } }
        let totals = [figure("dev pages read", read(sa), read(sb)), figure("written", written(sa), written(sb)),
                      figure("r4w reads", sa.counters.r4wDevicePagesRead, sb.counters.r4wDevicePagesRead),
                      figure("violations", sa.counters.violations, sb.counters.violations)]
        let pageText = pages.isEmpty ? "page flags agree" : "flags differ on page\(pages.count == 1 ? "" : "s") "
            + pages.prefix(12).map(String.init).joined(separator: ", ") + (pages.count > 12 ? ", …" : "")
        return "A/B now: " + totals.joined(separator: "  ") + "  │ " + pageText
    }

    /// Pages present in one world only, or with other flags, at the worlds' events (the
    /// first 10 000 page indices: a teaching scenario's whole file).
    public var differingPages: [Int] {
        let span = min(max(a.state.pageSpan, b.state.pageSpan), 10_000)
        return (0..<span).filter {
            let (p, q) = (a.state.pages[$0], b.state.pages[$0])
            return p.present != q.present || p.flags != q.flags
        }
    }

    /// Object pages among `objPages` (the ones a stripe map shows) that one world's
    /// requests read or wrote, and the other's did not (or did the other way), in the
    /// command each stands in, up to its cursor: marked on both stripe maps. Found
    /// through the timelines' index of submissions by object page, so a frame costs what
    /// the map shows, not what the command did.
    func differingUnits(among objPages: Range<UInt64>) -> Set<UnitPage> {
        // What each world's requests did to each shown object page of each device, a
        // bit each for read and written, in a flat grid (no hashing per page moved).
        func touched(_ m: DebuggerModel) -> [(dev: Int, objPage: UInt64, bit: UInt8)] {
            guard let command = m.state.currentCommand, command <= m.cursor else { return [] }
            var result: [(dev: Int, objPage: UInt64, bit: UInt8)] = []
            for seq in m.timeline.submissions(touching: objPages, in: command...m.cursor) {
                let request = m.timeline.request(Int(m.timeline.event(seq).i))
                for entry in m.timeline.entries(of: request) where objPages.contains(entry.objPage) {
                    result.append((request.dev, entry.objPage, request.isRead ? 1 : 2))
                }
            }
            return result
        }
        let (ta, tb) = (touched(a), touched(b))
        let devices = (ta + tb).map(\.dev).max().map { $0 + 1 } ?? 0
        func grid(_ touches: [(dev: Int, objPage: UInt64, bit: UInt8)]) -> [UInt8] {
            var cells = [UInt8](repeating: 0, count: devices * objPages.count)
            for t in touches { cells[t.dev * objPages.count + Int(t.objPage - objPages.lowerBound)] |= t.bit }
            return cells
        }
        let (ga, gb) = (grid(ta), grid(tb))
        var result = Set<UnitPage>()
        for n in ga.indices where ga[n] != gb[n] {
            result.insert(UnitPage(dev: n / objPages.count, objPage: objPages.lowerBound + UInt64(n % objPages.count)))
        }
        return result
    }
}
