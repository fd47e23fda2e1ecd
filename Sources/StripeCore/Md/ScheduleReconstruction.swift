extension MdRaid5 {
    /// Models `schedule_reconstruction` and the operations `raid_run_ops` runs for it:
    /// with `rcw` every written block is drained and P (and Q) computed from the whole
    /// row; without, the old data is first taken out of the old parity (prexor). The
    /// written blocks and P (and Q) are locked and their writes issued together.
    ///
    /// ```c
    /// if (rcw) {
    ///         for (i = disks; i--; ) {
    ///                 if (dev->towrite && !delay_towrite(conf, dev, s)) {
    ///                         set_bit(R5_LOCKED, &dev->flags);
    ///                         set_bit(R5_Wantdrain, &dev->flags);
    ///                         if (!expand)
    ///                                 clear_bit(R5_UPTODATE, &dev->flags);
    ///                         s->locked++;
    ///         ...
    ///         if (s->locked + conf->max_degraded == disks)
    ///                 if (!test_and_set_bit(STRIPE_FULL_WRITE, &sh->state))
    ///                         atomic_inc(&conf->pending_full_writes);
    /// } else {
    ///         for (i = disks; i--; ) {
    ///                 if (i == pd_idx || i == qd_idx)
    ///                         continue;
    ///                 if (dev->towrite &&
    ///                     (test_bit(R5_UPTODATE, &dev->flags) ||
    ///                      test_bit(R5_Wantcompute, &dev->flags))) {
    ///                         set_bit(R5_Wantdrain, &dev->flags);
    ///                         set_bit(R5_LOCKED, &dev->flags);
    ///                         clear_bit(R5_UPTODATE, &dev->flags);
    ///                         s->locked++;
    ///         ...
    /// }
    /// set_bit(R5_LOCKED, &sh->dev[pd_idx].flags);
    /// clear_bit(R5_UPTODATE, &sh->dev[pd_idx].flags);
    /// ```
    func scheduleReconstruction(_ engine: Engine, row: UInt64, rcw: Bool) {
        let disks = geometry.disks
        var draining: [Int] = []
        engine.traced(.schedule_reconstruction, row) {
            for i in (0..<disks).reversed() where cache[row]!.dev[i].towrite != nil {
                guard rcw || (!cache[row]!.isParity(i) && cache[row]!.dev[i].uptodate) else { continue }
                draining.append(i)
            }
            if rcw, draining.count + geometry.parity == disks, !cache[row]!.fullWrite {
                cache[row]!.fullWrite = true
                pendingFullWrites += 1
            }
            for i in draining + parityDisks(row) { cache[row]!.dev[i].locked = true }
        }
        let sh = cache[row]!
        // The partial parity (raid5-ppl.c): the XOR of the data this write leaves alone,
        // from the blocks as they are before the drain.
        let partialParity: UInt64? = config.log == .ppl && !sh.fullWrite
            ? (0..<disks).filter { !sh.isParity($0) && !draining.contains($0) }.reduce(0) { $0 ^ sh.dev[$1].token }
            : nil
        if partialParity != nil { engine.traced(.ops_run_partial_parity, row) {} }
        runParityOps(engine, row: row, rcw: rcw, draining: draining)
        // A batch: every member is a full stripe, drained and reconstructed with its head.
        for member in sh.batch {
            let drained = (0..<disks).reversed().filter { cache[member]!.dev[$0].towrite != nil }
            for i in drained + parityDisks(member) { cache[member]!.dev[i].locked = true }
            runParityOps(engine, row: member, rcw: true, draining: drained)
        }
        switch config.log {
        case .journal:
            let disks = (draining + parityDisks(row)).sorted()
            writeLog(engine, MdLogEntry(row: row, start: logHead, disks: disks, tokens: disks.map { cache[row]!.dev[$0].token }), fn: .r5l_write_stripe)
        case .ppl:
            writeLog(engine, .ppl(row: row, start: logHead, disks: draining, partialParity: partialParity), fn: .ppl_write_stripe)
        default: opsRunIO(engine, row: row)
        }
    }

    /// The parity operations `raid_run_ops` runs for one stripe: prexor (rmw), the drain
    /// of the new data into the stripe cache (`ops_run_biodrain`), then P (and Q) from
    /// the whole row (rcw) or from the prexored parity and the new data (rmw).
    private func runParityOps(_ engine: Engine, row: UInt64, rcw: Bool, draining: [Int]) {
        let sh = cache[row]!
        let chunkRow = row / UInt64(geometry.pagesInUnit)
        let column = { (disk: Int) in self.geometry.column(ofDisk: disk, stripe: chunkRow)! }
        var parity = parityDisks(row).map { sh.dev[$0].token }
        if !rcw {
            // ops_run_prexor5 / ops_run_prexor6: P (and Q) without the old data.
            engine.traced(geometry.parity == 2 ? .ops_run_prexor6 : .ops_run_prexor5, row) {
                for i in draining { parity = xorIn(parity, sh.dev[i].token, column: column(i)) }
            }
        }
        for i in draining {
            let write = cache[row]!.dev[i].towrite!
            cache[row]!.dev[i].towrite = nil
            cache[row]!.dev[i].token = write.token
            cache[row]!.dev[i].written = (write.bio, write.page)
        }
        engine.traced(geometry.parity == 2 ? .ops_run_reconstruct6 : .ops_run_reconstruct5, row) {
            if rcw {
                let data = (0..<geometry.dataDevices).map { cache[row]!.dev[geometry.dataDisk(column: $0, stripe: chunkRow)].token }
                parity = ParityScheme.parity(of: data, units: geometry.parity)
            } else {
                for i in draining { parity = xorIn(parity, cache[row]!.dev[i].token, column: column(i)) }
            }
            // ops_complete_reconstruct: the written blocks and the parity are UPTODATE.
            for (i, token) in zip(parityDisks(row), parity) { cache[row]!.dev[i].token = token }
            for i in draining + parityDisks(row) { cache[row]!.dev[i].uptodate = true }
            let inChunk = UInt64(row % UInt64(geometry.pagesInUnit))
            let offset = UInt64(engine.timeline.args.count)
            engine.timeline.args.append(contentsOf: [chunkRow, inChunk, inChunk, UInt64(sh.pd), 0, sh.qd.map { UInt64($0 + 1) } ?? 0])
            engine.emit(.xor, x: offset)
        }
    }

    /// P, then Q with RAID6, of the stripe_head at `row`.
    func parityDisks(_ row: UInt64) -> [Int] {
        let sh = cache[row]!
        return [sh.pd, sh.qd].compactMap { $0 }
    }

    /// `parity` with data `token` of data column `column` XORed in: P ⊕ D, Q ⊕ gᶜ·D
    /// (`async_xor`, `async_xor_syndrome`).
    private func xorIn(_ parity: [UInt64], _ token: UInt64, column: Int) -> [UInt64] {
        var result = parity
        result[0] ^= token
        if result.count > 1 { result[1] ^= GF256.multiply(token, by: GF256.power(column)) }
        return result
    }

    /// The stripe's entry on the log device (the journal's data and parity blocks, or
    /// the partial parity with FUA), before its writes to the array: those go out when
    /// the log write completes (`r5l_log_endio`, `ppl_log_endio`).
    private func writeLog(_ engine: Engine, _ entry: MdLogEntry, fn: KernelFunction) {
        let row = entry.row
        engine.traced(fn, row) {
            let entries = entry.tokens.enumerated().map { RequestEntry(objPage: logHead + UInt64($0), isParity: false, value: $1) }
            logHead += UInt64(entry.tokens.count)
            logEntries.append(entry)
            let id = engine.submit(dev: logDev, purpose: .write, entries: entries)
            requests[id] = .log(row: row)
            cache[row]!.inFlight += 1
            engine.track(PendingIO(kind: .writePath, pages: 0..<0, requests: [id]))
        }
    }

    /// The log write landed: the stripe's writes to the array go out.
    func logWritten(_ engine: Engine, row: UInt64) {
        cache[row]!.inFlight -= 1
        opsRunIO(engine, row: row)
    }

    /// Models `ops_run_io`: one request per locked block, from the last disk to the
    /// first (on each disk the batch's head, then its members), all at once and
    /// unordered (the write hole): reads of the blocks wanted,
    /// or writes of the drained blocks with P and Q. A write clears the stripe's
    /// preread-active state (`STRIPE_PREREAD_ACTIVE` is dropped when the writes are issued).
    func opsRunIO(_ engine: Engine, row: UInt64) {
        engine.traced(.ops_run_io, row) {
            let sh = cache[row]!
            let reading = sh.dev.contains(where: \.wantRead)
            var issued: [Int] = []
            for i in (0..<geometry.disks).reversed() {
                let dev = sh.dev[i]
                if reading {
                    guard dev.wantRead else { continue }
                    // Old data or parity is read for read-modify-write, the rest of the row for
                    // reconstruct-write.
                    let purpose: IOPurpose = dev.towrite != nil || sh.isParity(i) ? .rmw : .rcw
                    let id = engine.submit(dev: i, purpose: purpose, entries: [RequestEntry(objPage: row, isParity: sh.isParity(i), value: 0)])
                    requests[id] = .stripeRead(row: row, disk: i)
                    issued.append(id)
                } else {
                    // The head's block, then the same disk's block of each batch member.
                    for stripe in [row] + sh.batch where cache[stripe]!.dev[i].locked {
                        let block = cache[stripe]!.dev[i]
                        let id = engine.submit(dev: i, purpose: .write, entries: [RequestEntry(objPage: stripe, isParity: sh.isParity(i), value: block.token)])
                        requests[id] = .stripeWrite(row: stripe, disk: i)
                        issued.append(id)
                    }
                }
            }
            cache[row]!.inFlight += issued.count
            cache[row]!.ioStarted = true
            if !reading && cache[row]!.prereadActive {
                cache[row]!.prereadActive = false
                prereadActiveStripes -= 1
            }
            for id in issued { engine.track(PendingIO(kind: .writePath, pages: 0..<0, requests: [id])) }
        }
    }
}
