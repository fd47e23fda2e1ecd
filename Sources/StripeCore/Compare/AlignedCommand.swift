/// One scenario command of the two aligned timelines: the events each world ran for it.
/// A side is nil when that world has no such command: a command only B has (spliced in
/// by `--compare`), or one a world never ran because a kernel bug ended it first.
public struct AlignedCommand: Sendable, Equatable {
    public var a: Range<Int>?
    public var b: Range<Int>?
}

extension AlignedCommand {
    /// Pairs the commands of `a` and `b`: the k-th command of A with the k-th command of
    /// B that is not in `inserted` (indexes into B's scenario lines); B's inserted
    /// commands stand alone. Events before the first command (if any) pair up too.
    static func align(_ a: Timeline, _ b: Timeline, inserted: Set<Int>) -> [AlignedCommand] {
        let sa = commandRanges(a), sb = commandRanges(b)
        let sortedInserted = inserted.sorted()
        /// B's command index as the index of A's command it stands for; nil if inserted.
        func ordinal(_ index: Int) -> Int? {
            if index < 0 { return index }
            if inserted.contains(index) { return nil }
            return index - sortedInserted.prefix { $0 < index }.count
        }
        var result: [AlignedCommand] = []
        var i = 0, j = 0
        while i < sa.count || j < sb.count {
            let ob = j < sb.count ? ordinal(sb[j].index) : nil
            if j < sb.count, ob == nil {
                result.append(.init(a: nil, b: sb[j].events))
                j += 1
            } else if i < sa.count, j < sb.count, sa[i].index == ob {
                result.append(.init(a: sa[i].events, b: sb[j].events))
                i += 1
                j += 1
            } else if i < sa.count, j >= sb.count || sa[i].index < ob! {
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
