extension MdRaid5 {
    /// `resync`: md's resync after an unclean shutdown (`md_do_sync` →
    /// `raid5_sync_request` for every row of the array the file ever reached). Writes in
    /// flight complete first; each row's blocks are read (those the stripe cache does
    /// not hold UPTODATE), P (and Q) recomputed from the data, and written where they
    /// differ (`handle_parity_checks5/6` repairing). The array is clean afterwards
    /// (`recovery_cp` = MaxSector), so read-modify-write is allowed again.
    func resync(_ engine: Engine) {
        while engine.deliverNextCompletion() {}
        engine.traced(.md_do_sync) {
            let rows = engine.state.stripeSpan * UInt64(geometry.pagesInUnit)
            for row in 0..<rows where !engine.halted { syncRow(engine, row: row) }
            if engine.state.arrayDirty { engine.stage(.arrayDirty(false)) }
        }
        // The stage rides on an event: the return above carries it.
    }

    private func syncRow(_ engine: Engine, row: UInt64) {
        let chunkRow = row / UInt64(geometry.pagesInUnit)
        let (p, q) = geometry.parityDisks(stripe: chunkRow)
        var token = [UInt64](repeating: 0, count: geometry.disks)
        for disk in (0..<geometry.disks).reversed() {
            if let dev = cache[row]?.dev[disk], dev.uptodate, !dev.locked {
                token[disk] = dev.token
                continue
            }
            let id = engine.submit(dev: disk, purpose: .resync, entries: [RequestEntry(objPage: row, isParity: disk == p || disk == q, value: 0)])
            _ = engine.completeNow(id)
            token[disk] = engine.state.devices[disk].token(at: Int(row))
        }
        let data = (0..<geometry.dataDevices).map { token[geometry.dataDisk(column: $0, stripe: chunkRow)] }
        let parity = ParityScheme.parity(of: data, units: geometry.parity)
        for (disk, value) in zip([p, q].compactMap { $0 }, parity) where token[disk] != value {
            let id = engine.submit(dev: disk, purpose: .write, entries: [RequestEntry(objPage: row, isParity: true, value: value)])
            _ = engine.completeNow(id)
            if cache[row]?.dev[disk].uptodate == true { cache[row]!.dev[disk].token = value }
        }
    }
}
