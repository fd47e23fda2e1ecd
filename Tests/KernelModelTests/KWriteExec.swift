extension KernelModel {
    /// `write_exec`: `ore_get_rw_state` for the pcol's bytes, hand the pages to a copy,
    /// `_pcol_reset`, `_maybe_not_all_in_one_io`, then `ore_write` (asynchronous).
    func writeExec(_ pcol: inout KPageCollect) throws {
        guard let pages = pcol.pages, !pages.isEmpty, let pgFirst = pcol.pgFirst else { return }
        current = KWriteExec(pgFirst: pgFirst, nrPages: pages.count)
        let offset = UInt64(pgFirst) * KLayout.pageSize
        let si = layout.calcStripeInfo(offset, length: pcol.length)   // ore_get_rw_state
        var iosLength = si.length
        if seedProfile && layout.parity > 0 {
            // 3.2's _ore_post_alloc_raid_stuff: first_stripe = offset / stripe_size, last_stripe
            // = (offset + length) / stripe_size; if they differ, ios->length = last_stripe *
            // stripe_size - ios->offset (the I/O ends at its last stripe boundary).
            let stripeSize = layout.bytesInStripe
            let firstStripe = offset / stripeSize, lastStripe = (offset + iosLength) / stripeSize
            if lastStripe != firstStripe { iosLength = lastStripe * stripeSize - offset }
        }
        let iosNrPages = Int((iosLength + KLayout.pageSize - 1) / KLayout.pageSize)
        var copy = pcol
        pcolReset(&pcol)
        maybeNotAllInOneIO(iosNrPages: iosNrPages, iosLength: iosLength, source: &copy, next: &pcol)
        defer {
            trace.execs.append(current!)
            current = nil
        }
        guard layout.parity == 0 || r4wOps else {
            // ore_write: "A library is attempting a RAID-write without providing a pages lock
            // interface" → -ENOTSUPP; err: _unlock_pcol_pages → update_write_page(page, ret).
            for index in copy.pages! {
                cache.set(index, .error)
                cache.clear(index, [.writeback, .locked])
            }
            throw KWriteError()
        }
        try oreWrite(offset: offset, length: iosLength, pages: copy.pages!, si: si)
    }

    /// `_maybe_not_all_in_one_io`: the ORE trimmed the I/O at a group boundary; the pages past it
    /// move to the (reset) pcol with their length and enlarge its budget.
    func maybeNotAllInOneIO(iosNrPages: Int, iosLength: UInt64, source: inout KPageCollect, next: inout KPageCollect) {
        guard source.nrPages > iosNrPages else { return }
        let less = Array(source.pages![iosNrPages...])
        next.expectedPages &+= UInt32(less.count)   // unsigned: wraps after _pcol_reset's ~0, as in C
        next.length = source.length - iosLength
        next.pgFirst = less[0]
        source.pages = Array(source.pages![..<iosNrPages])
        source.length = iosLength
        if pcolTryAlloc(&next) { next.pages = less }
    }
}
