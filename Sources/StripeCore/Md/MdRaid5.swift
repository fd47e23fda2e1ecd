/// Linux md raid5/6 under a filesystem (`write-path md`, SPEC 10): the page cache is
/// written back in bios under a plug, `raid5_make_request` files each page into a
/// `stripe_head` of md's stripe cache, and raid5d handles the stripes: it counts
/// read-modify-write against reconstruct-write, reads what the choice needs into the
/// stripe cache, computes parity and writes data and parity of the stripe together.
///
/// Where raid5.c depends on thread timing the simulator does not have: raid5d runs
/// after each plug release and after each completion, and completions arrive in
/// submission order. A stripe's reconstruction runs in the `handle_stripe` that
/// schedules it (async_tx without an offload engine runs it at once; the kernel then
/// handles the stripe once more to issue the writes, with no decision in that pass).
final class MdRaid5: WritePath {
    let config: MdConfig
    let geometry: MdGeometry
    /// The stripe cache: every stripe_head by row.
    var cache: [UInt64: StripeHead] = [:]
    /// Inactive stripe_heads, least recently used first (`inactive_list`).
    var inactive: [UInt64] = []
    /// `handle_list`, `delayed_list`, `hold_list`.
    var handleList: [UInt64] = []
    var delayedList: [UInt64] = []
    var holdList: [UInt64] = []
    /// The stripes `release_stripe_plug` put on the plug's list (nil: no plug).
    var plug: [UInt64]?
    /// `conf->preread_active_stripes`, `conf->pending_full_writes`, `conf->bypass_count`,
    /// `conf->last_hold`.
    var prereadActiveStripes = 0
    var pendingFullWrites = 0
    var bypassCount = 0
    var lastHold: UInt64?
    /// Bios written back: their pages and the stripe_heads still holding them
    /// (`bi_remaining`).
    var bios: [Int: (pages: [Int], remaining: Int, error: Bool)] = [:]
    private var nextBio = 0
    /// The bio being built by writeback: contiguous pages.
    var building: [Int] = []
    /// What each request in flight is for.
    var requests: [Int: MdRequest] = [:]
    /// The next free page of the log device.
    var logHead: UInt64 = 0
    /// The log entries of stripes whose writes to the array have not all completed:
    /// what recovery after a power cut looks for on the log device.
    var logEntries: [MdLogEntry] = []
    /// raid5d is running (it is not entered twice).
    var inRaid5d = false

    /// `IO_THRESHOLD`: delayed stripes are activated only while fewer stripes are
    /// preread-active.
    static let ioThreshold = 1
    /// `BYPASS_THRESHOLD`: how often a handle_list stripe may pass a held one.
    static let bypassThreshold = 1
    /// `MAX_STRIPE_BATCH`: stripes `handle_active_stripes` takes at a time.
    static let maxStripeBatch = 8
    /// `BIO_MAX_VECS`: pages in one bio.
    static let bioMaxPages = 256

    init(config: MdConfig, layout: OreLayout) {
        self.config = config
        geometry = MdGeometry(layout: layout)
    }

    /// The log device's number: after the array's disks.
    var logDev: Int { geometry.disks }

    // MARK: WritePath

    /// Writeback of the dirty pages (`write_cache_pages` as for exofs) into bios of at
    /// most 256 contiguous pages, `REQ_SYNC` when `sync`, all under one plug; each page
    /// is unlocked once under writeback (`set_page_writeback`, `unlock_page`), and ends
    /// writeback when its bio completes.
    func writepages(_ engine: Engine, sync: Bool, range: PageRange?, nrToWrite: Int?) {
        let start = range?.lowerBound ?? 0
        engine.traced(.writepages, sync ? 1 : 0, UInt64(start), range.map { UInt64($0.upperBound) } ?? .max,
                      nrToWrite.map(UInt64.init) ?? .max) {
            // blk_start_plug. The task sleeping on a page flushes the plug (`blk_flush_plug`
            // from `schedule`), as does raid5_get_active_stripe waiting for a free stripe.
            plug = []
            _ = engine.writeCachePages(sync: sync, range: range, nrToWrite: nrToWrite ?? Int.max,
                                       beforeWait: { self.unplug(engine) },
                                       strip: { self.writepage(engine, $0, sync: sync) })
            submitBio(engine, sync: sync)
            engine.traced(.blk_finish_plug) { unplug(engine) }
            plug = nil
        }
    }

    /// One page of writeback: past the end of file it is only unlocked; otherwise it
    /// joins the bio being built, which is submitted first when the page does not
    /// continue it or it is full.
    private func writepage(_ engine: Engine, _ index: Int, sync: Bool) -> Bool {
        guard UInt64(index) * pageSize < engine.state.iSize else {
            engine.setFlags(index, clear: .locked)
            return true
        }
        if let last = building.last, last + 1 != index || building.count == Self.bioMaxPages {
            submitBio(engine, sync: sync)
        }
        building.append(index)
        engine.setFlags(index, set: .writeback, clear: .locked)
        return true
    }

    /// `submit_bio` of the bio being built, into `raid5_make_request`.
    private func submitBio(_ engine: Engine, sync: Bool) {
        guard !building.isEmpty else { return }
        let pages = building
        building = []
        let id = nextBio
        nextBio += 1
        bios[id] = (pages, 1, false)
        engine.traced(.submit_bio, UInt64(pages[0]), UInt64(pages.count)) {
            makeRequest(engine, bio: id, pages: pages, sync: sync)
        }
    }

    func readpages(_ engine: Engine, _ range: PageRange) { chunkAlignedRead(engine, range) }

    /// A filesystem on md truncates its page cache; the array's blocks stay as they are
    /// (what lies past `i_size` is no longer the file's).
    func truncate(_ engine: Engine, size: UInt64) {
        guard size != engine.state.iSize else { return }
        engine.truncateSetsize(size)
    }

    func completed(_ engine: Engine, _ io: PendingIO) {
        guard let id = io.requests.first, let request = requests.removeValue(forKey: id) else { return }
        switch request {
        case .stripeRead(let row, let disk): endReadRequest(engine, row: row, disk: disk, error: io.error)
        case .stripeWrite(let row, let disk): endWriteRequest(engine, row: row, disk: disk, error: io.error)
        case .log(let row): logWritten(engine, row: row)
        case .read(let pages): readDone(engine, pages: pages, error: io.error)
        }
        raid5d(engine)
    }
}

/// What an md request in flight is for.
enum MdRequest {
    /// A block read into the stripe cache (rmw, rcw).
    case stripeRead(row: UInt64, disk: Int)
    /// A block of the stripe written to its disk.
    case stripeWrite(row: UInt64, disk: Int)
    /// The stripe's journal entry or partial parity on the log device.
    case log(row: UInt64)
    /// A page-cache read (`raid5_read_one_chunk`).
    case read(pages: [Int])
}
