/// One stripe's entry on md's log device: the journal's data and parity blocks
/// (`r5l_write_stripe`: `disks` and their `tokens`), or the partial parity
/// (`ppl_write_stripe`: one page, `disks` the data disks the write modifies). It is
/// valid after a power cut only if all of it landed (the kernel checks each entry's
/// checksums: `r5l_recovery_verify_data_checksum`, `ppl_load_distributed`'s crc).
struct MdLogEntry {
    var row: UInt64
    /// The log device's first page of the entry.
    var start: UInt64
    var disks: [Int]
    var tokens: [UInt64]
    /// PPL: the XOR of the data the write leaves alone; 0 for a full stripe, whose
    /// entry has no partial parity (`pp_size` 0: "just xor the data disks").
    var partialParity: UInt64 = 0

    /// A PPL entry of `row` at `start`: its partial parity page, or for a full stripe
    /// the header entry alone (`ppl_log_stripe`: "don't write any PP if full stripe
    /// write"), a page of its own here whose token names the entry.
    static func ppl(row: UInt64, start: UInt64, disks: [Int], partialParity: UInt64?) -> MdLogEntry {
        let header = 0x5050_4C00_0000_0000 ^ row << 24 ^ start
        return MdLogEntry(row: row, start: start, disks: disks, tokens: [partialParity ?? header], partialParity: partialParity ?? 0)
    }

    /// Whether the whole entry is on the log device.
    func landed(on log: ObjectDevice) -> Bool {
        tokens.indices.allSatisfy { log.token(at: Int(start) + $0) == tokens[$0] }
    }
}

extension MdRaid5 {
    /// md once the power is back (SPEC 11): the stripe cache, the stripe_heads in
    /// flight, the bios and the plug were memory and are gone. Then, as the array is
    /// assembled:
    /// - `log=journal`: `r5l_recovery_log` replays each complete entry onto the disks;
    /// - `log=ppl`: `ppl_recover` rewrites each logged stripe's parity from its partial
    ///   parity, and `ppl_init_log` marks the array clean:
    ///   `if (!mddev->pers && mddev->recovery_cp == 0 && ppl_conf->recovered_entries > 0
    ///   && ppl_conf->mismatch_count == 0) mddev->recovery_cp = MaxSector;`
    /// - no log, with write bios in md at the cut (`writes_pending`, so
    ///   `md_write_start` had marked the superblock dirty; the model has no clock for
    ///   the 200 ms `safemode_delay` after which an idle array is marked clean again):
    ///   the array was not shut down cleanly (`recovery_cp` 0), so md
    ///   reconstruct-writes until `resync` ("not clean --
    ///   starting background reconstruction"; `handle_stripe_dirtying`:
    ///   `(recovery_cp < MaxSector && sh->sector >= recovery_cp && s->failed == 0)`
    ///   forces rcw). With a journal no stripe is left torn, and the model does not
    ///   mark the array dirty.
    ///
    /// The model replays only the entries of stripes whose writes to the array had not
    /// all completed: the kernel replays from its last checkpoint, and the entries of
    /// finished stripes before it only write again what the disks already hold.
    func powerReturned(_ engine: Engine) {
        let writesPending = !bios.isEmpty
        cache = [:]
        inactive = []
        handleList = []
        delayedList = []
        holdList = []
        plug = nil
        prereadActiveStripes = 0
        pendingFullWrites = 0
        bypassCount = 0
        lastHold = nil
        bios = [:]
        building = []
        requests = [:]
        inRaid5d = false
        let entries = logEntries
        logEntries = []
        switch config.log {
        case .none:
            guard writesPending else { return }
            if !engine.state.arrayDirty { engine.stage(.arrayDirty(true)) }
            engine.note("md comes back dirty (recovery_cp 0): until resync every stripe is reconstruct-written, and a stripe the power cut tore keeps parity that disagrees with its data")
        case .journal:
            engine.traced(.r5l_recovery_log) {
                for entry in entries where entry.landed(on: engine.state.devices[logDev]) { replay(engine, entry) }
            }
        case .ppl:
            engine.traced(.ppl_recover) {
                for entry in entries where entry.landed(on: engine.state.devices[logDev]) { recoverParity(engine, entry) }
            }
        }
    }

    /// `r5l_recovery_replay_one_stripe`: every block of the entry is written to its disk
    /// (`sync_page_io(rdev, sh->sector, PAGE_SIZE, sh->dev[disk_index].page, REQ_OP_WRITE, ...)`);
    /// an entry with parity only was flushed before the crash ("stripes that only have
    /// parity must have been flushed before the crash ... nothing more to recovery").
    private func replay(_ engine: Engine, _ entry: MdLogEntry) {
        let pd = geometry.parityDisks(stripe: entry.row / UInt64(geometry.pagesInUnit))
        guard entry.disks.contains(where: { $0 != pd.p && $0 != pd.q }) else { return }
        engine.traced(.r5l_recovery_replay_one_stripe, entry.row) {
            for (disk, token) in zip(entry.disks, entry.tokens) {
                let id = engine.submit(dev: disk, purpose: .write, entries: [RequestEntry(objPage: entry.row, isParity: disk == pd.p || disk == pd.q, value: token)])
                _ = engine.completeNow(id)
            }
        }
    }

    /// `ppl_recover_entry`: "xor partial parity and data from all modified data disks
    /// within a stripe and write the result as the new stripe parity". The modified
    /// disks are read as they landed; P is written. The kernel allows PPL on RAID5
    /// only; with RAID6 the model recovers P the same way and leaves Q as it landed.
    private func recoverParity(_ engine: Engine, _ entry: MdLogEntry) {
        let pd = geometry.parityDisks(stripe: entry.row / UInt64(geometry.pagesInUnit)).p
        engine.traced(.ppl_recover_entry, entry.row) {
            var parity = entry.partialParity
            for disk in entry.disks {
                let id = engine.submit(dev: disk, purpose: .resync, entries: [RequestEntry(objPage: entry.row, isParity: false, value: 0)])
                _ = engine.completeNow(id)
                parity ^= engine.state.devices[disk].token(at: Int(entry.row))
            }
            let id = engine.submit(dev: pd, purpose: .write, entries: [RequestEntry(objPage: entry.row, isParity: true, value: parity)])
            _ = engine.completeNow(id)
        }
    }
}
