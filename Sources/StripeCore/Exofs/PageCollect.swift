/// exofs's `struct page_collect` (pcol): a run of contiguous pages gathered for one I/O.
/// Its pages are always contiguous, so they are `pgFirst ..< pgFirst + nrPages`.
public struct PageCollect: Sendable, Equatable {
    public var pgFirst = -1
    public var nrPages = 0
    public var expectedPages = 0
    public var allocPages = 0
    /// `pcol->pages != NULL`: the page array was allocated by `pcol_try_alloc`.
    public var allocated = false
    public var thatLockedPage = -1
    /// Bytes collected (`pcol->length`); the last page may be partial.
    public var length: UInt64 = 0

    /// `_pcol_init`.
    public init(expectedPages: Int = 0) { self.expectedPages = expectedPages }

    public var pages: Range<Int> { pgFirst < 0 ? 0..<0 : pgFirst..<(pgFirst + nrPages) }

    /// `_pcol_reset`: what was collected has been handed to an I/O; an exhausted budget is
    /// refilled with `refill` (3.2: `MAX_PAGES_KMALLOC`; 4.18: `exofs_max_io_pages(layout, ~0)`).
    mutating func reset(refill: Int) {
        expectedPages -= min(nrPages, expectedPages)
        allocated = false
        allocPages = 0
        nrPages = 0
        length = 0
        pgFirst = -1
        thatLockedPage = -1
        if expectedPages == 0 { expectedPages = refill }
    }

    /// `pcol_try_alloc`: room for `min(expected_pages, max I/O pages)` pages; no room at
    /// all is -ENOMEM (the page array stays unallocated).
    mutating func tryAlloc(maxIOPages: Int) {
        allocPages = min(expectedPages, maxIOPages)
        allocated = allocPages > 0
    }

    /// `_maybe_not_all_in_one_io`: the I/O took only the first `taken` pages (`takenLength`
    /// bytes) of `collected`, up to a group boundary; the rest become this (reset) pcol and
    /// go in the next I/O.
    mutating func keepRemainder(of collected: PageCollect, taken: Int, takenLength: UInt64, maxIOPages: Int) {
        let pagesLess = collected.nrPages - taken
        guard pagesLess > 0 else { return }
        expectedPages += pagesLess
        nrPages = pagesLess
        length = collected.length - takenLength
        pgFirst = collected.pgFirst + taken
        tryAlloc(maxIOPages: maxIOPages)
    }
}
