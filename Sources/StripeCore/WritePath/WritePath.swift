/// The kernel code that writes the file's page cache out to the devices and reads it
/// back: the exofs/ORE path (`ExofsORE`) or Linux md raid5/6 under a filesystem
/// (`MdRaid5`). The page cache, the devices, completions and the invariants are the
/// engine's and shared; a write path changes them only through the engine's recorder.
protocol WritePath: AnyObject {
    /// `writepages` of the file's dirty pages (`WB_SYNC_ALL` when `sync`).
    func writepages(_ engine: Engine, sync: Bool, range: PageRange?, nrToWrite: Int?)
    /// `readpages` of pages absent or not uptodate.
    func readpages(_ engine: Engine, _ range: PageRange)
    /// The synchronous read of page `index` before a partial write of it (the page is
    /// locked and stays so); false when the read failed.
    func readForWrite(_ engine: Engine, _ index: Int) -> Bool
    /// `setattr` to `size`.
    func truncate(_ engine: Engine, size: UInt64)
    /// An I/O this write path tracked as `PendingIO.Kind.writePath` completed.
    func completed(_ engine: Engine, _ io: PendingIO)
}

extension Engine {
    /// Invariants that hold for the write path in use: 1, 2, 3 and 6 for every one;
    /// 4, 5 and 7 are the ORE's (exofs keeps pages locked until `writepages_done`).
    var checksOreRules: Bool { writePath is ExofsORE }
}
