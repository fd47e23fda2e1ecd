/// What each page should read back: the user's last write or the file's initial
/// content. Part of the state (`SimState.expected`), set through aux changes, so a
/// view at any event knows what the user last wrote to a page the cache no longer holds.
public struct ExpectedContent: Sendable, Equatable {
    private var tokens = ChunkedArray<UInt64>(fill: 0)
    /// The created file's size: its pages read their initial token until set.
    private var fileSize: UInt64 = 0
    private var filePages = 0
    /// Pages of the created file set since.
    private var set = IndexBitmap()
    /// One past the highest page that may hold a nonzero token.
    private var span = 0

    public subscript(index: Int) -> UInt64 {
        get { index < filePages && !set.contains(index) ? Token.initial(page: index, fileSize: fileSize) : tokens[index] }
        set {
            tokens[index] = newValue
            if index < filePages { set.insert(index) }
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

    /// Bytes of the tokens and the set pages not already in `seen`.
    func heldBytes(seen: inout Set<UnsafeRawPointer>) -> Int {
        tokens.heldBytes(seen: &seen) + set.heldBytes(seen: &seen)
    }

    /// The pages `zero(from:below:)` sets: those below the highest page ever set
    /// nonzero (the rest are zero already).
    func zeroing(from start: Int, below end: Int) -> Range<Int> {
        start..<max(start, min(end, span))
    }

    /// Sets pages `from..<below` to zero, visiting only `zeroing(from:below:)`.
    mutating func zero(from start: Int, below end: Int) {
        let pages = zeroing(from: start, below: end)
        for index in pages { self[index] = 0 }
        if pages.upperBound == span { span = min(span, start) }
    }
}
