extension KernelModel {
    /// `write_exec`: `ore_get_rw_state` for the pcol's bytes, hand the pages to a copy,
    /// `_pcol_reset`, `_maybe_not_all_in_one_io`, then `ore_write` (asynchronous).
    func writeExec(_ pcol: inout KPageCollect) throws {
        guard let pages = pcol.pages, !pages.isEmpty, let pgFirst = pcol.pgFirst else { return }
        current = KWriteExec(pgFirst: pgFirst, nrPages: pages.count)
        let offset = UInt64(pgFirst) * KLayout.pageSize
        let si = layout.calcStripeInfo(offset, length: pcol.length)   // ore_get_rw_state
        let iosLength = si.length
        let iosNrPages = Int((iosLength + KLayout.pageSize - 1) / KLayout.pageSize)
        var copy = pcol
        pcolReset(&pcol)
        maybeNotAllInOneIO(iosNrPages: iosNrPages, iosLength: iosLength, source: &copy, next: &pcol)
        oreWrite(offset: offset, length: iosLength, pages: copy.pages!, si: si)
        trace.execs.append(current!)
        current = nil
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
