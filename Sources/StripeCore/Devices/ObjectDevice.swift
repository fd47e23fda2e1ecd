/// One object device (an OSD component): its object's pages and its counters.
public struct ObjectDevice: Sendable, Equatable {
    /// Token of every object page; never-written space reads as token 0.
    public var objects = ChunkedArray<UInt64>(fill: 0)
    /// Object size in bytes as the device knows it (grows with writes, set by truncate).
    public var objectSize: UInt64 = 0
    /// One past the highest object page ever stored since the last cut below it: a
    /// truncate zeroes only the pages below it (a grown object's new pages are holes).
    public var storedPages = 0
    public var pagesRead: UInt64 = 0
    public var pagesWritten: UInt64 = 0
    public var requests: UInt64 = 0
    /// A failed device completes every request with an I/O error.
    public var failed = false

    public init() {}
}
