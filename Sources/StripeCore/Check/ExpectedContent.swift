/// What each page should read back: the user's last write or the file's initial
/// content. Remembers which pages changed since the last audit, so rule 1 looks
/// again only at those (and at the stripes the devices wrote).
struct ExpectedContent {
    private var tokens = ChunkedArray<UInt64>(fill: 0)
    /// Pages set since `takeChanged`, in the order set (repeats possible).
    private var changed: [Int] = []
    /// One past the highest page that may hold a nonzero token.
    private var span = 0

    subscript(index: Int) -> UInt64 {
        get { tokens[index] }
        set {
            tokens[index] = newValue
            changed.append(index)
            if newValue != 0 { span = max(span, index + 1) }
        }
    }

    /// Sets pages `from..<below` to zero, visiting only those below the highest page
    /// ever set nonzero (the rest are zero already).
    /// Returns how many pages it set.
    @discardableResult
    mutating func zero(from start: Int, below end: Int) -> Int {
        let upper = min(end, span)
        for index in start..<max(start, upper) { self[index] = 0 }
        if upper == span { span = min(span, start) }
        return max(0, upper - start)
    }

    /// The pages set since the last call.
    mutating func takeChanged() -> [Int] {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed
    }
}
