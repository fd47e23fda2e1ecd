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
    /// page of the I/O (`__readpages_done`: `good_bytes = 0;` then `page_stat = ret;`
    /// for every page, and `update_read_page` sets `PageError`), so a
    /// multi-page read fails all of its pages, not only this one.
    public func oreFails(page: Int, failed: Int, objectID: UInt64) -> Bool {
        readCopy(of: location(ofPage: page).dev, objectID: objectID) == failed
    }
}

extension StripeGeometry {

    /// Where the blocks of row `row` of stripe `stripe` live.
    public func rowSlots(stripe: UInt64, row: Int) -> RowSlots {
        let firstPage = Int(stripe) * pagesInStripe + row
        let pages = (0..<dataDevices).map { firstPage + $0 * pagesInUnit }
        return RowSlots(pages: pages,
                        data: pages.map { RowSlots.Block(devs: devicesHolding(page: $0), objPage: location(ofPage: $0).objPage) },
                        parity: paritySlots(stripe: stripe, row: row).prefix(parity).map { RowSlots.Block(devs: $0.devs, objPage: $0.objPage) })
    }

    /// Row `row` of stripe `stripe` as a degraded read finds it.
    public func degradedRow(stripe: UInt64, row: Int, failed: Set<Int>, token: (Int, UInt64) -> UInt64) -> DegradedRow {
        rowSlots(stripe: stripe, row: row).degraded(failed: failed, token: token)
    }

    /// What md returns for file page `page` with devices `failed` (`RowSlots.mdRead`).
    public func mdRead(page: Int, failed: Set<Int>, token: (Int, UInt64) -> UInt64) -> ReadOutcome {
        let inStripe = page % pagesInStripe
        return rowSlots(stripe: stripe(ofPage: page), row: inStripe % pagesInUnit)
            .mdRead(column: inStripe / pagesInUnit, failed: failed, token: token)
    }
}

/// The blocks of one stripe row: each data column's file page, and where each data
/// and parity block lives (every mirror copy). The geometry is worked out once, so a
/// row can be read over many on-disk states (the crash states) cheaply.
public struct RowSlots: Sendable {
    public struct Block: Sendable {
        public var devs: Range<Int>
        public var objPage: UInt64
    }

    public var pages: [Int]
    public var data: [Block]
    /// P, then Q with RAID6; empty without parity.
    public var parity: [Block]

    /// The row as a degraded read finds it: each block from a surviving copy, nil where
    /// every copy failed.
    public func degraded(failed: Set<Int>, token: (Int, UInt64) -> UInt64) -> DegradedRow {
        func read(_ block: Block) -> UInt64? { block.devs.first { !failed.contains($0) }.map { token($0, block.objPage) } }
        return DegradedRow(data: data.map(read), parity: parity.map(read))
    }

    /// What md returns for data column `column` with devices `failed`: the block itself
    /// while a copy survives, else the block rebuilt from the row (`fetch_block`, then
    /// `ops_run_compute5/6`), `-EIO` when the row cannot rebuild it (RAID0, or more
    /// failures than parity). The row is the ORE layout's stripe row: md's own geometry
    /// (`raid5_compute_sector`) comes with md's write path; over the same on-disk state a
    /// row is the same set of blocks, which is all a rebuild reads.
    public func mdRead(column: Int, failed: Set<Int>, token: (Int, UInt64) -> UInt64) -> ReadOutcome {
        let block = data[column]
        if let dev = block.devs.first(where: { !failed.contains($0) }) { return .token(token(dev, block.objPage)) }
        guard !parity.isEmpty, let rebuilt = Reconstruct.data(of: degraded(failed: failed, token: token)) else { return .eio }
        return .token(rebuilt[column])
    }

    /// The parity units (0 = P, 1 = Q) whose copy, on any mirror, is not what
    /// `ParityScheme` computes from the data (first copies).
    public func inconsistentUnits(token: (Int, UInt64) -> UInt64) -> [Int] {
        guard !parity.isEmpty else { return [] }
        let computed = ParityScheme.parity(of: data.map { token($0.devs.lowerBound, $0.objPage) }, units: parity.count)
        return parity.indices.filter { unit in parity[unit].devs.contains { token($0, parity[unit].objPage) != computed[unit] } }
    }
}
