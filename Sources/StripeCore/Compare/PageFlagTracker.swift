/// Follows one timeline's page flags forward, so a page event can say the flags it
/// leaves (events carry only what they set and clear).
struct PageFlagTracker {
    private var flags: [Int: PageFlags] = [:]

    /// The effect of event `seq`, if it is observable; call for every event in order.
    mutating func effect(of seq: Int, in timeline: Timeline) -> ObservableEffect? {
        let e = timeline.event(seq)
        switch e.kind {
        case .page:
            let index = Int(e.i)
            let set = PageFlags(rawValue: e.a & 0x7f), clear = PageFlags(rawValue: e.b)
            guard !set.isEmpty || !clear.isEmpty else { return nil }
            var now = flags[index] ?? []
            now.formUnion(set)
            now.subtract(clear)
            flags[index] = now
            return .page(index: index, flags: now)
        case .pageAdd:
            flags[Int(e.i)] = []
            return .page(index: Int(e.i), flags: [])
        case .pageRemove:
            flags[Int(e.i)] = nil
            return .page(index: Int(e.i), flags: nil)
        case .devRead, .devWrite:
            let request = timeline.request(Int(e.i))
            return .request(dev: request.dev, write: !request.isRead,
                            extents: timeline.extents(of: request).map { .init(offset: $0.offset, length: $0.length) })
        case .violation: return .violation(rule: Int(e.a))
        case .kernelBug: return .kernelBug(KernelFunction(rawValue: e.a)!)
        default: return nil
        }
    }
}
