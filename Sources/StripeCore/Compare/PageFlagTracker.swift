/// Follows one timeline's page flags forward, so a page event can say the flags it
/// leaves (events carry only what they set and clear).
struct PageFlagTracker {
    private var flags: [Int: PageFlags] = [:]

    /// The effect of event `seq`, if it is observable; call for every event in order.
    mutating func effect(of seq: Int, in timeline: Timeline) -> ObservableEffect? {
        // Only these kinds are observable: skip decoding the rest (calls carry arrays).
        switch timeline.event(seq).kind {
        case .page, .pageAdd, .pageRemove, .devRead, .devWrite, .violation, .kernelBug: break
        default: return nil
        }
        switch timeline.payload(of: seq) {
        case .page(let change):
            guard !change.set.isEmpty || !change.clear.isEmpty else { return nil }
            var now = flags[change.index] ?? []
            now.formUnion(change.set)
            now.subtract(change.clear)
            flags[change.index] = now
            return .page(index: change.index, flags: now)
        case .pageAdd(let index):
            flags[index] = []
            return .page(index: index, flags: [])
        case .pageRemove(let index):
            flags[index] = nil
            return .page(index: index, flags: nil)
        case .devRead(let submitted), .devWrite(let submitted):
            let request = submitted.request
            return .request(dev: request.dev, write: !request.isRead,
                            extents: timeline.extents(of: request).map { .init(offset: $0.offset, length: $0.length) })
        case .violation(let rule, _): return .violation(rule: rule)
        case .kernelBug(let fn, _): return .kernelBug(fn)
        default: return nil
        }
    }
}
