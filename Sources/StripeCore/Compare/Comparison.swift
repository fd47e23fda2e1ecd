/// Two worlds run side by side: both timelines, built once, aligned on scenario
/// commands, and every point where their observable effects part.
public final class Comparison: Sendable {
    public let pair: WorldPair
    public let a: Timeline
    public let b: Timeline
    /// The aligned commands, in order.
    public let commands: [AlignedCommand]
    /// The first divergence within each aligned command that has one, in order.
    public let divergences: [Divergence]

    public convenience init(_ pair: WorldPair, keyframeInterval: Int = 4096) {
        self.init(pair, a: Engine.run(pair.a, keyframeInterval: keyframeInterval), b: Engine.run(pair.b, keyframeInterval: keyframeInterval))
    }

    /// Both worlds built within `budget`, half of it each (two timelines live together):
    /// over it, the error says which world and what it would need, before either is kept.
    public convenience init(_ pair: WorldPair, budget: MemoryBudget?, keyframeInterval: Int = 4096) throws(MemoryBudget.Exceeded) {
        let half = Self.worldBudget(budget)
        let a = try Engine.build(pair.a, budget: half, keyframeInterval: keyframeInterval)
        let b = try Engine.build(pair.b, budget: half, keyframeInterval: keyframeInterval)
        self.init(pair, a: a, b: b)
    }

    /// What each world may take of `budget`: half (two timelines live together).
    public static func worldBudget(_ budget: MemoryBudget?) -> MemoryBudget? {
        var half = budget
        half?.bytes /= 2
        half?.source = "half of \(budget?.source ?? ""), for each world"
        return half
    }

    /// The comparison of two complete timelines of `pair`'s worlds (built elsewhere, as
    /// the split screen builds world B behind its first frame).
    public init(_ pair: WorldPair, a: Timeline, b: Timeline) {
        self.pair = pair
        self.a = a
        self.b = b
        let commands = AlignedCommand.align(a, b, onlyInA: pair.onlyInA, onlyInB: pair.onlyInB)
        var finder = DivergenceFinder(a: a, b: b)
        divergences = commands.indices.compactMap { finder.divergence(in: commands[$0], number: $0) }
        self.commands = commands
    }

    /// The first event where the worlds' device requests, page flags or invariant
    /// results differ; nil when they never do.
    public var firstDivergence: Divergence? { divergences.first }

    /// The aligned command holding event `seq` of world A (`inA`) or B.
    public func command(containing seq: Int, inA: Bool) -> Int? {
        commands.firstIndex { ((inA ? $0.a : $0.b)?.contains(seq)) ?? false }
    }

    /// The event of the other world at the same place: the same offset into the aligned
    /// command (clamped to its events), or, for a command the other world does not run,
    /// the last event it ran before it.
    public func event(alignedWith seq: Int, inA: Bool) -> Int {
        let other = inA ? b : a
        guard let index = command(containing: seq, inA: inA) else { return min(seq, other.count - 1) }
        let here = (inA ? commands[index].a : commands[index].b)!
        if let there = inA ? commands[index].b : commands[index].a {
            return there.lowerBound + min(seq - here.lowerBound, there.count - 1)
        }
        let before = commands[..<index].last { (inA ? $0.b : $0.a) != nil }
        return before.map { (inA ? $0.b : $0.a)!.upperBound - 1 } ?? 0
    }
}
