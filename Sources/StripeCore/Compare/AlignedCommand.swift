/// One scenario command of the two aligned timelines: the events each world ran for it.
/// A side is nil when that world has no such command: a command only B has (spliced in
/// by `--compare`), or one a world never ran because a kernel bug ended it first.
public struct AlignedCommand: Sendable, Equatable {
    public var a: Range<Int>?
    public var b: Range<Int>?
}

extension AlignedCommand {
    /// Pairs the commands of `a` and `b`: the k-th command of A that is not in `onlyInA`
    /// (indexes into A's scenario lines) with the k-th of B not in `onlyInB`; the others
    /// stand alone, in order. Events before the first command (if any) pair up too.
    static func align(_ a: Timeline, _ b: Timeline, onlyInA: Set<Int>, onlyInB: Set<Int>) -> [AlignedCommand] {
        let sa = commandRanges(a), sb = commandRanges(b)
        /// The command's place among the aligned commands of its world; nil if it stands alone.
        func ordinal(_ index: Int, _ alone: Set<Int>) -> Int? {
            if index < 0 { return index }
            if alone.contains(index) { return nil }
            return index - alone.count { $0 < index }
        }
        var result: [AlignedCommand] = []
        var i = 0, j = 0
        while i < sa.count || j < sb.count {
            let oa = i < sa.count ? ordinal(sa[i].index, onlyInA) : nil
            let ob = j < sb.count ? ordinal(sb[j].index, onlyInB) : nil
            if i < sa.count, oa == nil {
                result.append(.init(a: sa[i].events, b: nil))
                i += 1
            } else if j < sb.count, ob == nil {
                result.append(.init(a: nil, b: sb[j].events))
                j += 1
            } else if let oa, let ob, oa == ob {
                result.append(.init(a: sa[i].events, b: sb[j].events))
                i += 1
                j += 1
            } else if let oa, ob.map({ oa < $0 }) ?? true {
                result.append(.init(a: sa[i].events, b: nil))
                i += 1
            } else {
                result.append(.init(a: nil, b: sb[j].events))
                j += 1
            }
        }
        return result
    }

    /// Each command's index in the scenario's lines and its events (the `command` event
    /// and everything up to the next one); index -1 for events before the first command.
    static func commandRanges(_ timeline: Timeline) -> [(index: Int, events: Range<Int>)] {
        var result: [(index: Int, events: Range<Int>)] = []
        var start = 0, index = -1
        for seq in 0..<timeline.count where timeline.event(seq).kind == .command {
            if seq > start { result.append((index, start..<seq)) }
            start = seq
            index = Int(timeline.event(seq).x)
        }
        if timeline.count > start { result.append((index, start..<timeline.count)) }
        return result
    }
}
