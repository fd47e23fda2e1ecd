extension MdRaid5 {
    /// A read of file page `index` whose data disk has failed: `raid5_read_one_chunk`
    /// gives up on it (`if (!rdev || test_bit(Faulty, &rdev->flags) ...) return 0;`),
    /// so the bio goes through the stripe cache (`raid5_make_request`, `add_stripe_bio`
    /// with `toread`), and `handle_stripe` rebuilds the block: `fetch_block` reads every
    /// other block of the row it does not hold UPTODATE, and since the wanted block is
    /// on a failed disk and the others are there it asks for a compute:
    ///
    /// ```c
    /// if ((s->uptodate == disks - 1) &&
    ///     ((sh->qd_idx >= 0 && sh->pd_idx == disk_idx) ||
    ///     (s->failed && (disk_idx == s->failed_num[0] ||
    ///                    disk_idx == s->failed_num[1])))) {
    ///         /* have disk failed, and we're requested to fetch it;
    ///          * do compute it
    ///          */
    ///         set_bit(STRIPE_COMPUTE_RUN, &sh->state);
    ///         set_bit(STRIPE_OP_COMPUTE_BLK, &s->ops_request);
    ///         set_bit(R5_Wantcompute, &dev->flags);
    /// ```
    ///
    /// then `ops_run_compute5` (RAID5), `ops_run_compute6_1` (RAID6, one block) or
    /// `ops_run_compute6_2` (two) on `Reconstruct`'s arithmetic, and `ops_run_biofill`
    /// copies the block into the page. Nothing checks the row first: a rebuild from a
    /// row the power cut left stale returns data nobody wrote, and rule 8 judges it.
    /// The row's reads complete at once (as `resync`'s do); the blocks read are not
    /// kept in the stripe cache. More failed disks in the row than parity: `-EIO`.
    /// Returns false when the read failed.
    func computeBlock(_ engine: Engine, _ index: Int, unlock: Bool) -> Bool {
        let stripe = geometry.stripe(ofPage: index)
        let (column, rowInUnit) = geometry.columnAndRow(ofPage: index)
        let row = stripe * UInt64(geometry.pagesInUnit) + UInt64(rowInUnit)
        let failed = Set(engine.state.devices.indices.filter { engine.state.devices[$0].failed })
        let slots = geometry.rowSlots(stripe: stripe, row: rowInUnit)
        let disksInRow = slots.data.map(\.devs.lowerBound) + slots.parity.map(\.devs.lowerBound)
        let lost = disksInRow.filter(failed.contains)
        let outcome = engine.traced(.raid5_make_request, UInt64(index), 1) { () -> ReadOutcome in
            engine.traced(.handle_stripe, row) { () -> ReadOutcome in
                guard lost.count <= geometry.parity else { return .eio }
                var held: [Int: UInt64] = [:]
                for disk in disksInRow where !failed.contains(disk) {
                    held[disk] = engine.traced(.fetch_block, row, UInt64(disk)) { () -> UInt64 in
                        if let dev = cache[row]?.dev[disk], dev.uptodate, !dev.locked { return dev.token }
                        let id = engine.submit(dev: disk, purpose: .rcw, entries: [RequestEntry(objPage: row, isParity: !slots.data.contains { $0.devs.lowerBound == disk }, value: 0)])
                        _ = engine.completeNow(id)
                        return engine.state.devices[disk].token(at: Int(row))
                    }
                }
                let compute: KernelFunction = geometry.parity == 1 ? .ops_run_compute5 : lost.count == 1 ? .ops_run_compute6_1 : .ops_run_compute6_2
                return engine.traced(compute, row) {
                    slots.mdRead(column: column, failed: failed) { dev, _ in held[dev] ?? 0 }
                }
            }
        }
        switch outcome {
        case .eio:
            engine.setFlags(index, set: .error, clear: unlock ? .locked : PageFlags())
            return false
        case .token(let token):
            engine.traced(.ops_run_biofill, row) {
                engine.setFlags(index, set: .uptodate, clear: unlock ? [.locked, .error] : .error, token: token, read: true)
            }
            engine.checkHonestReads(index..<(index + 1))
            return true
        }
    }
}
