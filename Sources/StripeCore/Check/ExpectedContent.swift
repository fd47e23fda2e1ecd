/// What each page should read back: the user's last write or the file's initial
/// content. Remembers which pages changed since the last audit, so rule 1 looks
/// again only at those (and at the stripes the devices wrote).
struct ExpectedContent {
    private var tokens = ChunkedArray<UInt64>(fill: 0)
    /// Pages set since `takeChanged`, in the order set (repeats possible).
    private var changed: [Int] = []

    subscript(index: Int) -> UInt64 {
        get { tokens[index] }
        set {
            tokens[index] = newValue
            changed.append(index)
        }
    }

    /// The pages set since the last call.
    mutating func takeChanged() -> [Int] {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed
    }
}
