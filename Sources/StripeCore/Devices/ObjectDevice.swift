/// One object device (an OSD component): its object's pages and its counters.
public struct ObjectDevice: Sendable, Equatable {
    /// Tokens stored by writes; never-written space reads as token 0, or as the created
    /// file's content below `initial`'s pages.
    private var objects = ChunkedArray<UInt64>(fill: 0)
    /// Object pages below `initial.pages` stored since the file was created.
    private var written = IndexBitmap()
    /// What `file size=` put on this device, implied by the file and the page instead
    /// of stored: creating a 16 GiB file costs what creating a tiny one costs.
    var initial: InitialContents?
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

    /// The token object page `objPage` holds.
    public func token(at objPage: Int) -> UInt64 {
        if let initial, objPage < initial.pages, !written.contains(objPage) { return initial.token(at: UInt64(objPage)) }
        return objects[objPage]
    }

    /// Stores `token` at object page `objPage`.
    mutating func setToken(_ token: UInt64, at objPage: Int) {
        objects[objPage] = token
        if let initial, objPage < initial.pages { written.insert(objPage) }
        storedPages = max(storedPages, objPage + 1)
    }

    /// Cuts the object at object page `page`: the created file's content and the pages
    /// stored from there on read as zeros (only the stored ones are visited).
    mutating func cut(atPage page: Int) {
        if let pages = initial?.pages { initial?.pages = min(pages, page) }
        for index in page..<max(page, storedPages) { objects[index] = 0 }
        storedPages = min(storedPages, page)
    }

    func heldBytes(seen: inout Set<UnsafeRawPointer>) -> Int {
        objects.heldBytes(seen: &seen) + written.heldBytes(seen: &seen)
    }
}

/// The content `file size=` put on one device: the file's initial tokens at the data
/// pages and their parity at the parity pages, found from the page by the geometry of
/// the write path in use (the ORE's or md's).
struct InitialContents: Sendable, Equatable {
    var layout: any StripeGeometry
    var fileSize: UInt64
    var dev: Int
    /// Object pages below this hold the created content (unless written since).
    var pages: Int

    /// The token `SimState.createFile` implies at `objPage`: the data page the layout
    /// puts there, or the parity of its row; 0 where the file put nothing.
    func token(at objPage: UInt64) -> UInt64 {
        let filePages = Int((fileSize + pageSize - 1) / pageSize)
        func data(_ page: Int) -> UInt64 { page < filePages ? Token.initial(page: page, fileSize: fileSize) : 0 }
        let stripe = layout.stripe(onDevice: dev, objPage: objPage)
        let row = Int(objPage % UInt64(layout.pagesInUnit))
        let first = Int(stripe) * layout.pagesInStripe + row
        for column in 0..<layout.dataDevices {
            let page = first + column * layout.pagesInUnit
            let location = layout.location(ofPage: page)
            if location.objPage == objPage, layout.devicesHolding(page: page).contains(dev) { return data(page) }
        }
        guard layout.parity > 0, stripe < UInt64((filePages + layout.pagesInStripe - 1) / layout.pagesInStripe) else { return 0 }
        for (unit, slot) in layout.paritySlots(stripe: stripe, row: row).enumerated() where slot.objPage == objPage && slot.devs.contains(dev) {
            return ParityScheme.parity(stripe: stripe, row: row, layout: layout, token: data)[unit]
        }
        return 0
    }

    static func == (a: InitialContents, b: InitialContents) -> Bool {
        a.fileSize == b.fileSize && a.dev == b.dev && a.pages == b.pages
            && (a.layout as? OreLayout) == (b.layout as? OreLayout) && (a.layout as? MdGeometry) == (b.layout as? MdGeometry)
    }
}
