/// Walks the aligned commands in order, following each world's page flags, and finds
/// where their observable effects first differ in each command.
struct DivergenceFinder {
    let a: Timeline
    let b: Timeline
    private var flagsA = PageFlagTracker()
    private var flagsB = PageFlagTracker()
    /// Where each world stands: its last event so far; and the line A executes.
    private var lastA = 0
    private var lastB = 0
    private var lineA = 0

    init(a: Timeline, b: Timeline) {
        self.a = a
        self.b = b
    }

    mutating func divergence(in aligned: AlignedCommand, number: Int) -> Divergence? {
        let effectsA = aligned.a.map { range in range.compactMap { seq in flagsA.effect(of: seq, in: a).map { (seq: seq, effect: $0) } } } ?? []
        let effectsB = aligned.b.map { range in range.compactMap { seq in flagsB.effect(of: seq, in: b).map { (seq: seq, effect: $0) } } } ?? []
        if let range = aligned.a, case .command(let line, _, _) = a.payload(of: range.lowerBound) { lineA = line }
        defer {
            lastA = aligned.a.map { $0.upperBound - 1 } ?? lastA
            lastB = aligned.b.map { $0.upperBound - 1 } ?? lastB
        }
        let common = min(effectsA.count, effectsB.count)
        guard let k = (0..<common).first(where: { effectsA[$0].effect != effectsB[$0].effect })
                ?? (effectsA.count == effectsB.count ? nil : common) else { return nil }
        let effectA = k < effectsA.count ? effectsA[k] : nil
        let effectB = k < effectsB.count ? effectsB[k] : nil
        let (aEvent, bEvent) = parting(aligned, effectA: effectA?.seq, effectB: effectB?.seq)
        let what = ObservableEffect.difference(effectA?.effect, effectB?.effect,
                                               restA: effectsA.dropFirst(k + 1).map(\.effect)[...],
                                               restB: effectsB.dropFirst(k + 1).map(\.effect)[...])
        return Divergence(aEvent: aEvent, bEvent: bEvent, line: lineA, what: what, command: number)
    }

    /// The events where the two worlds' paths through this command split (see
    /// `Divergence.aEvent`), at or before their first differing effects.
    private func parting(_ aligned: AlignedCommand, effectA: Int?, effectB: Int?) -> (Int, Int) {
        // A world without this command stands at its last event before it.
        let ra = aligned.a ?? (lastA + 1)..<(lastA + 1), rb = aligned.b ?? (lastB + 1)..<(lastB + 1)
        var p = 0
        var open: [Int] = []  // offsets of the calls open in the common prefix
        while p < ra.count, p < rb.count, sameEvent(ra.lowerBound + p, rb.lowerBound + p) {
            switch a.event(ra.lowerBound + p).kind {
            case .call: open.append(p)
            case .return: open.removeLast()
            default: break
            }
            p += 1
        }
        let ea = p < ra.count ? ra.lowerBound + p : nil, eb = p < rb.count ? rb.lowerBound + p : nil
        if let effectA, ea.map({ $0 > effectA }) ?? true, let effectB, eb.map({ $0 > effectB }) ?? true {
            return (effectA, effectB)  // the paths agree past the effects (flags differed before this command)
        }
        if let ea, let eb, !sameShape(ea, eb), let call = open.last, call == p - 1 {
            return (ra.lowerBound + call, rb.lowerBound + call)  // the call took another branch at once
        }
        return (ea ?? ra.upperBound - 1, eb ?? rb.upperBound - 1)
    }

    /// The two worlds do the same thing here: same kind, depth and fields (request ids,
    /// command numbers, note lines and page tokens aside).
    private func sameEvent(_ i: Int, _ j: Int) -> Bool {
        let x = a.event(i), y = b.event(j)
        guard x.kind == y.kind, x.depth == y.depth else { return false }
        switch x.kind {
        case .command, .note: return a.message(of: i) == b.message(of: j)
        case .page: return x.i == y.i && x.a & 0x7f == y.a & 0x7f && x.b == y.b
        case .devRead, .devWrite, .ioDone:
            let r = a.request(Int(x.i)), s = b.request(Int(y.i))
            return r.dev == s.dev && r.purpose == s.purpose && x.a == y.a
                && a.extents(of: r).elementsEqual(b.extents(of: s)) { $0.offset == $1.offset && $0.length == $1.length }
        default: return a.payload(of: i) == b.payload(of: j)
        }
    }

    /// Same kind of event (and, for calls, the same function), whatever its fields.
    private func sameShape(_ i: Int, _ j: Int) -> Bool {
        a.event(i).kind == b.event(j).kind && a.function(of: i) == b.function(of: j)
    }
}
