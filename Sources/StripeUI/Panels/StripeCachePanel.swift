import StripeCore

/// md's stripe cache, in the place of exofs's pcol & sp2d when the file is written out
/// through `write-path md`: the stripe_heads of the chunk row md handled last, each
/// block's state (E empty, W want: read for the decision, D dirty: a bio writes it,
/// C clean: UPTODATE) and flags (o R5_OVERWRITE, u R5_UPTODATE, l R5_LOCKED) as its
/// latest `md_decision` saw them, and the decision. A stripe_head that read is handled
/// again once its reads complete (`handle_stripe` calls `handle_stripe_dirtying` anew,
/// now with nothing to read): its row keeps the decision that read, the one a lesson
/// explains, with the recount after it.
struct StripeCachePanel {
    let model: DebuggerModel
    let rect: Rect
    /// How far back the panel looks for decisions (a frame must stay cheap).
    static let lookBack = 200_000

    func draw(into screen: inout Screen) {
        let theme = model.theme
        screen.box(rect, title: "md stripe cache", glyphs: theme.box, style: model.focus == .sp2d ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        guard let geometry = model.state.geometry else { return }
        let decisions = Self.latestDecisions(model.timeline, upTo: model.cursor, pagesInUnit: geometry.pagesInUnit)
        guard let first = decisions.first?.latest else {
            screen.put("no stripe_head handled yet", x: inner.x, y: inner.y, style: theme.label, clip: inner)
            return
        }
        let chunkRow = first.1.row / UInt64(geometry.pagesInUnit)
        let parity = geometry.parityDevices(stripe: chunkRow).enumerated().map { "\(ParityScheme.name(ofUnit: $0)) dev \($1)" }
        var lines: [(String, Style)] = [("chunk row \(chunkRow): \(parity.joined(separator: ", "))", .bold)]
        for row in decisions {
            let (seq, d) = row.read ?? row.latest
            let reads = d.reads.isEmpty ? "" : " reads \(d.reads.map(String.init).joined(separator: ","))"
            let active = d.reads.isEmpty ? "" : " preread-active"
            let members = model.timeline.mdBatch(decidedAt: seq)
            let batched = members.isEmpty ? "" : " batched: " + members.map { "r\($0)" }.joined(separator: " ")
            let then = row.read == nil ? "" : " · then rmw \(row.latest.1.rmw) rcw \(row.latest.1.rcw) → \(row.latest.1.choice.rawValue) @\(row.latest.0)"
            lines.append(("r\(d.row) rmw \(d.rmw) rcw \(d.rcw) → \(d.choice.rawValue)\(reads)\(active)\(batched) @\(seq)\(then)", .plain))
            lines.append(("  " + row.latest.1.disks.map(Self.block).joined(separator: " "), theme.label))
        }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            screen.put(line.0.truncated(to: inner.width), x: inner.x, y: inner.y + row, style: line.1, clip: inner)
        }
    }

    /// `d0:Cou`: role and disk, state letter, flags.
    static func block(_ disk: MdDecision.Disk) -> String {
        let role = disk.role == .data ? "d" : disk.role.rawValue
        let state = ["empty": "E", "want": "W", "dirty": "D", "clean": "C"][disk.state.rawValue]!
        let flags = (disk.overwrite ? "o" : "") + (disk.uptodate ? "u" : "") + (disk.locked ? "l" : "")
        return "\(role)\(disk.dev):\(state)\(flags)"
    }

    /// One row's latest decision and, when that one read nothing and the decision just
    /// before it on the row did read, that reading decision (the same write, recounted).
    struct RowDecisions {
        var latest: (Int, MdDecision)
        var read: (Int, MdDecision)?
        /// Whether the look back for this row is over.
        var settled = false
    }

    /// The decisions of each row of the chunk row of the latest decision at or before
    /// `cursor`, rows in order, with their event numbers.
    static func latestDecisions(_ timeline: Timeline, upTo cursor: Int, pagesInUnit: Int) -> [RowDecisions] {
        var found: [UInt64: RowDecisions] = [:]
        var chunkRow: UInt64?
        var seq = min(cursor, timeline.count - 1)
        let stop = max(0, seq - lookBack)
        while seq >= stop {
            if timeline.event(seq).kind == .mdDecision, case .mdDecision(let d) = timeline.payload(of: seq) {
                let here = d.row / UInt64(pagesInUnit)
                if chunkRow == nil { chunkRow = here }
                if here == chunkRow {
                    if var row = found[d.row] {
                        if !row.settled, !d.reads.isEmpty { row.read = (seq, d) }
                        row.settled = true
                        found[d.row] = row
                    } else {
                        // Only a block read before (clean) makes a recount: none, nothing to look for.
                        found[d.row] = RowDecisions(latest: (seq, d), settled: !d.reads.isEmpty || !d.disks.contains { $0.state == .clean })
                    }
                }
                if found.count == pagesInUnit, found.values.allSatisfy(\.settled) { break }
            }
            seq -= 1
        }
        return found.keys.sorted().map { found[$0]! }
    }
}
