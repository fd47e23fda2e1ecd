/// Everything the model shows at one point of the timeline. Values only: copying a
/// state is cheap (the big arrays share chunks), which is what makes keyframes cheap.
public struct SimState: Sendable, Equatable {
    public var layout: OreLayout?
    /// The write path in use (`write-path`).
    public var writePath = WritePathChoice.ore
    /// md's array is dirty (`recovery_cp` < MaxSector): md reconstruct-writes until
    /// `resync`. A `powercut` sets it; false by default.
    public var arrayDirty = false
    public var profile = Profile.final
    public var switches = Switches()
    public var manualCompletions = false
    public var pages = ChunkedArray<Page>(fill: Page())
    /// Pages present in the cache (`mapping->nrpages`).
    public var cachedPages = 0
    /// Highest page index ever present, plus one (bounds scans of the cache).
    public var pageSpan = 0
    public var iSize: UInt64 = 0
    /// The largest `i_size` the file ever had: no stripe past it ever held data, so
    /// checks of what is on disk stop there (a truncate may leave data behind it).
    public var iSizeHighWater: UInt64 = 0
    public var devices: [ObjectDevice] = []
    /// What each page should read back (rule 1's reference), cached or not.
    public var expected = ExpectedContent()
    /// Requests submitted and not completed; ids grow with submission, so ascending
    /// order is submission order.
    public var inflight = IndexBitmap()
    /// Device pages of the write requests in `inflight`, kept as they are submitted and
    /// complete: the counters show it at every step, with millions of requests in flight.
    public var writePagesInFlight: UInt64 = 0
    /// Pages by what the invariants and `write_cache_pages` ask of them, kept in step
    /// with `pages` as events apply, so neither scans the whole cache.
    public var dirtyPages = IndexBitmap()
    /// Pages present in the cache: what a truncate walks past its cut.
    public var presentPages = IndexBitmap()
    /// Pages holding an r4w `get_page` reference.
    public var referencedPages = IndexBitmap()
    /// Pages under writeback and not locked.
    public var unlockedWritebackPages = IndexBitmap()
    /// Pages locked or under writeback.
    public var busyPages = IndexBitmap()
    /// Sequence numbers of the `call` events not yet returned, outermost first.
    public var stack: [Int] = []
    public var pcol = PageCollect()
    public var sp2d: Sp2dView?
    /// Mapping error (`AS_EIO`), set when a write fails.
    public var mappingError = false
    /// The latest `command` event.
    public var currentCommand: Int?
    /// The latest `note` event.
    public var lastNote: Int?
    /// The `kernel_bug` event that ended the run, once reached.
    public var kernelBug: Int?
    public var counters = Counters()

    public init() {}

    /// Where pages and parity live under the write path in use: the ORE's
    /// `ore_calc_stripe_info`, or md's `raid5_compute_sector`.
    public var geometry: (any StripeGeometry)? {
        guard let layout else { return nil }
        if case .md = writePath { return MdGeometry(layout: layout) }
        return layout
    }

    /// Changes page `index` and keeps the page sets in step with it.
    @inline(__always)
    mutating func updatePage(_ index: Int, _ change: (inout Page) -> Void) {
        let old = pages[index]
        var page = old
        change(&page)
        pages[index] = page
        guard old.flags != page.flags || (old.refs > 0) != (page.refs > 0) else { return }
        let flags = page.flags
        dirtyPages.update(index, member: flags.contains(.dirty))
        referencedPages.update(index, member: page.refs > 0)
        unlockedWritebackPages.update(index, member: flags.contains(.writeback) && !flags.contains(.locked))
        busyPages.update(index, member: !flags.isDisjoint(with: [.locked, .writeback]))
    }
}

/// Running totals shown in the counters panel and the trace summary.
public struct Counters: Sendable, Equatable {
    /// Pages the user wrote (`write_end` calls).
    public var userPagesWritten: UInt64 = 0
    /// r4w `get_page` calls answered without a device read (uptodate).
    public var r4wHits: UInt64 = 0
    /// r4w `get_page` calls whose page had to be read from a device.
    public var r4wMisses: UInt64 = 0
    /// Device pages read to complete partial stripes.
    public var r4wDevicePagesRead: UInt64 = 0
    /// Stripes written partially, which needed reads to complete their parity.
    public var partialStripes: UInt64 = 0
    /// Device pages md's read-modify-write would have read for those stripes instead
    /// (old data of each written page, old parity of each written row).
    public var rmwDevicePages: UInt64 = 0
    /// Violations so far.
    public var violations: UInt64 = 0
    /// md's `md_decision`s by choice: read-modify-write, reconstruct-write, full stripe.
    public var mdRmw: UInt64 = 0
    public var mdRcw: UInt64 = 0
    public var mdFull: UInt64 = 0
    /// `expect` claims that did not hold, so far.
    public var claimsFailed: UInt64 = 0

    public init() {}
}
