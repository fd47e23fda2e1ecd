/// What a read of one file page returns while devices are failed.
public enum ReadOutcome: Sendable, Equatable {
    case token(UInt64)
    /// The read fails: the page gets the error flag, the reader `-EIO`.
    case eio
}

extension OreLayout {
    /// `_ore_read_mirror`: a read goes to mirror copy `object id % mirrors` of the
    /// component holding it (`dev`, the first mirror).
    public func readCopy(of dev: Int, objectID: UInt64) -> Int {
        mirrors > 1 ? dev + Int(objectID % UInt64(mirrors)) : dev
    }

    /// Whether the ORE 4.18 fails a read of file page `page` (`exofs_readpage` of that
    /// page alone) when device `failed` is gone: the read goes to the copy
    /// `_ore_read_mirror` picks, and the ORE never reconstructs (reads skip parity units);
    /// `ore_check_io` returns that device's error and `readpages_done` puts it on every
    /// page of the I/O (`good_bytes = 0; ... update_read_page(page, ret)`), so a
    /// multi-page read fails all of its pages, not only this one.
    public func oreFails(page: Int, failed: Int, objectID: UInt64) -> Bool {
        readCopy(of: location(ofPage: page).dev, objectID: objectID) == failed
    }

    /// Row `row` of stripe `stripe` as a degraded read finds it: each block from a
    /// surviving copy, nil where every copy failed.
    public func degradedRow(stripe: UInt64, row: Int, failed: Set<Int>, token: (Int, UInt64) -> UInt64) -> DegradedRow {
        let firstPage = Int(stripe) * pagesInStripe + row
        let data = (0..<dataDevices).map { column -> UInt64? in
            let page = firstPage + column * pagesInUnit
            let location = location(ofPage: page)
            return devicesHolding(page: page).first { !failed.contains($0) }.map { token($0, location.objPage) }
        }
        let parity = paritySlots(stripe: stripe, row: row).prefix(self.parity).map { slot -> UInt64? in
            slot.devs.first { !failed.contains($0) }.map { token($0, slot.objPage) }
        }
        return DegradedRow(data: data, parity: parity)
    }

    /// What md returns for file page `page` with devices `failed`: the block itself
    /// while a copy survives, else the block rebuilt from its row (`fetch_block`, then
    /// `ops_run_compute5/6`), `-EIO` when the row cannot rebuild it (RAID0, or more
    /// failures than parity). The row is this layout's stripe row: md's own geometry
    /// (`raid5_compute_sector`) comes with md's write path; over the same on-disk state a
    /// row is the same set of blocks, which is all a rebuild reads.
    public func mdRead(page: Int, failed: Set<Int>, token: (Int, UInt64) -> UInt64) -> ReadOutcome {
        let location = location(ofPage: page)
        if let dev = devicesHolding(page: page).first(where: { !failed.contains($0) }) {
            return .token(token(dev, location.objPage))
        }
        guard parity > 0 else { return .eio }
        let inStripe = page % pagesInStripe
        let row = degradedRow(stripe: stripe(ofPage: page), row: inStripe % pagesInUnit, failed: failed, token: token)
        guard let data = Reconstruct.data(of: row) else { return .eio }
        return .token(data[inStripe / pagesInUnit])
    }
}
