/// What each page should read back: the user's last write or the file's initial
/// content. Remembers which pages changed since the last audit, so rule 1 looks
/// again only at those (and at the stripes the devices wrote).
struct ExpectedContent {
    private var tokens = ChunkedArray<UInt64>(fill: 0)
    /// The created file's size: its pages read their initial token until set.
    private var fileSize: UInt64 = 0
    private var filePages = 0
    /// Pages of the created file set since.
    private var set = IndexBitmap()
    /// Pages set since `takeChanged`, in the order set (repeats possible).
    private var changed: [Int] = []
    /// One past the highest page that may hold a nonzero token.
    private var span = 0

    subscript(index: Int) -> UInt64 {
        get { index < filePages && !set.contains(index) ? Token.initial(page: index, fileSize: fileSize) : tokens[index] }
        set {
            tokens[index] = newValue
            if index < filePages { set.insert(index) }
            changed.append(index)
            if newValue != 0 { span = max(span, index + 1) }
        }
    }

    /// `file size=`: every page of the file reads its initial token (not a change: the
    /// devices hold the same).
    mutating func create(fileSize size: UInt64) {
        fileSize = size
        filePages = Int((size + pageSize - 1) / pageSize)
        span = max(span, filePages)
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
