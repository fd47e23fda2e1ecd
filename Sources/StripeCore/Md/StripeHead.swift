/// One block of a stripe_head (`struct r5dev`): md's own cached copy of one disk's page
/// in this row, with the `R5_*` flags the write path reads.
struct R5Dev: Equatable {
    /// The page of a bio to be written here (`towrite`): file page and its content.
    var towrite: (bio: Int, page: Int, token: UInt64)?
    /// Drained into the cache and being written (`written`), returned at completion.
    var written: (bio: Int, page: Int)?
    /// `R5_OVERWRITE`: the bios cover the whole block.
    var overwrite = false
    /// `R5_UPTODATE`: `token` holds the disk's block.
    var uptodate = false
    /// `R5_LOCKED`: I/O or a parity operation is under way on it.
    var locked = false
    /// `R5_Wantread`: read for rmw or rcw.
    var wantRead = false
    /// The cached block's content.
    var token: UInt64 = 0

    static func == (a: R5Dev, b: R5Dev) -> Bool {
        a.towrite?.bio == b.towrite?.bio && a.towrite?.page == b.towrite?.page && a.written?.bio == b.written?.bio
            && a.overwrite == b.overwrite && a.uptodate == b.uptodate && a.locked == b.locked && a.wantRead == b.wantRead
            && a.token == b.token
    }
}

/// One `struct stripe_head`: a 4 KiB page row across every disk (`sh->sector` is the
/// row's device sector; here `row` = that sector / 8, the device page).
struct StripeHead {
    var row: UInt64
    /// `pd_idx`, `qd_idx` (RAID6).
    var pd: Int
    var qd: Int?
    var dev: [R5Dev]
    /// `STRIPE_HANDLE`, `STRIPE_DELAYED`, `STRIPE_PREREAD_ACTIVE`, `STRIPE_FULL_WRITE`.
    var handle = false
    var delayed = false
    var prereadActive = false
    var fullWrite = false
    /// `STRIPE_IO_STARTED` (the bypass count looks at it).
    var ioStarted = false
    /// Requests in flight for it (`sh->count` beyond the list's own reference): while
    /// any is, the stripe is on no list and raid5d does not handle it.
    var inFlight = 0
    /// On handle_list, delayed_list, hold_list or the inactive LRU (`sh->lru`, count 0).
    var listed = false
    /// On the plug's list (`STRIPE_ON_UNPLUG_LIST`; the plug holds a reference).
    var onPlug = false
    /// `STRIPE_BATCH_READY`: a fresh stripe_head, not handled yet, may join a batch.
    var batchReady = true
    /// `sh->batch_head`: the first stripe of the batch this one is in (itself for the head).
    var batchHead: UInt64?
    /// The head's `batch_list`: the rows batched behind it, in order.
    var batch: [UInt64] = []

    init(row: UInt64, geometry: MdGeometry) {
        self.row = row
        let parity = geometry.parityDisks(stripe: row / UInt64(geometry.pagesInUnit))
        pd = parity.p
        qd = parity.q
        dev = Array(repeating: R5Dev(), count: geometry.disks)
    }

    /// Disk `i` holds P or Q.
    func isParity(_ i: Int) -> Bool { i == pd || i == qd }

    /// Bios still waiting to be drained (`s->to_write`).
    var toWrite: Int { dev.count { $0.towrite != nil } }
    /// Blocks being written (`s->written`).
    var writtenCount: Int { dev.count { $0.written != nil } }
}
