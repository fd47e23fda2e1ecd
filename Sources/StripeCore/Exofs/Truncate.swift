extension Engine {
    /// `truncate size=`: `exofs_setattr` does nothing when the size does not change;
    /// else `_do_truncate`: `ore_truncate` of the component objects, then, only if it
    /// succeeded, `truncate_setsize` of the cache.
    func truncate(size: UInt64) {
        guard let layout else { return }
        guard size != state.iSize else {
            note("exofs_setattr: the new size equals i_size, so _do_truncate is not called")
            return
        }
        guard oreTruncate(size, layout: layout) else { return }
        truncateSetsize(size)
    }

    /// Models `truncate_setsize`: the new `i_size`; pages past it leave the cache (after
    /// their I/O, dirty or not); the tail of a partial last page is zeroed (after its I/O).
    func truncateSetsize(_ size: UInt64) {
        traced(.truncate_setsize, size) {
            let oldSize = state.iSize
            let oldPages = Int((oldSize + pageSize - 1) / pageSize)
            stage(.iSize(size))
            let keep = Int((size + pageSize - 1) / pageSize)
            // Past the new end the file reads as zeros, cached or not (only the pages
            // that held something need zeroing).
            timeline.pagesVisited += zeroExpected(from: keep, below: max(state.pageSpan, oldPages))
            // Zeroing a partial page's tail changes its content only when the file shrank
            // into it: past the old end the bytes were zeros already.
            let tail = size < oldSize ? size % pageSize : 0
            if tail != 0 { setExpected(keep - 1, Token.truncated(expected[keep - 1], keeping: tail)) }
            truncateInodePagesRange(from: keep, tail: tail)
        }
    }

    /// Models `truncate_inode_pages_range` from page `start`: a first pass in index order
    /// drops the pages it can lock at once (not locked, not under writeback); then the
    /// partial page before `start` is locked, waited for and its tail zeroed; then a second
    /// pass in index order waits for each page left and drops it.
    private func truncateInodePagesRange(from start: Int, tail: UInt64) {
        // The passes look up the cached pages past the cut (the radix tree's lookup),
        // not every index up to the cache's span.
        var next = state.presentPages.member(atOrAfter: start)
        while let index = next {
            timeline.pagesVisited += 1
            if state.pages[index].flags.isDisjoint(with: [.locked, .writeback]) { emit(.pageRemove, i: UInt32(index)) }
            next = state.presentPages.member(atOrAfter: index + 1)
        }
        if tail != 0, state.pages[start - 1].present {
            let last = start - 1
            guard waitOnPage(last, in: .truncate_inode_pages),
                  waitOnPage(last, in: .truncate_inode_pages, for: .writeback) else { return }
            setFlags(last, token: Token.truncated(state.pages[last].token, keeping: tail))
        }
        next = state.presentPages.member(atOrAfter: start)
        while let index = next {
            timeline.pagesVisited += 1
            guard waitOnPage(index, in: .truncate_inode_pages),
                  waitOnPage(index, in: .truncate_inode_pages, for: .writeback) else { return }
            emit(.pageRemove, i: UInt32(index))
            next = state.presentPages.member(atOrAfter: index + 1)
        }
    }

    /// Models `ore_truncate` with `_calc_trunk_info`: each component object gets a new
    /// size from comparing its index with the device of the new end, the RAID0 rule
    /// the kernel uses for every layout. On rotated RAID5 stripes that rule keeps or
    /// cuts the wrong units, and the checker says what it did to data and parity.
    /// With mirrors, `_truncate_mirrors(ios, i * mirrors_p1)` for every i below the
    /// device count runs past the components: `BUG_ON` in `ore_comp_dev`. A failed
    /// device fails the truncate (the others are truncated). Returns false on failure.
    private func oreTruncate(_ size: UInt64, layout: OreLayout) -> Bool {
        traced(.ore_truncate, size) { () -> Bool in
            if layout.mirrors > 1 {
                let comp = layout.devices  // i = devices / mirrors, its first mirror
                kernelBug(.ore_comp_dev, "BUG_ON(i >= numdevs): ore_truncate calls _truncate_mirrors(ios, i * mirrors_p1) for every device i < \(layout.devices), so with mirrors=\(layout.mirrors) it reaches component \(comp), past the \(layout.devices) components, before any object is truncated")
                return false
            }
            let si = layout.stripeInfo(at: size)
            let su = layout.stripeUnit
            let prevGroupObjOff = si.cycle * su
            let nextGroupObjOff = si.cycle > 0 ? (si.cycle - 1) * su : 0
            let endDev = si.dev / layout.mirrors
            let firstGroupDev = endDev - endDev % layout.groupWidth
            let nextGroupDev = firstGroupDev + layout.groupWidth
            for component in 0..<(layout.devices / layout.mirrors) {
                let objSize: UInt64
                if component < firstGroupDev {
                    objSize = prevGroupObjOff
                } else if component >= nextGroupDev {
                    objSize = nextGroupObjOff
                } else if component < endDev {
                    objSize = si.objOffset + su - si.unitOffset
                } else if component == endDev {
                    objSize = si.objOffset
                } else {
                    objSize = si.objOffset - si.unitOffset
                }
                let dev = component
                guard !state.devices[dev].failed else { continue }
                stage(.deviceTruncate(dev: dev, size: objSize))
                note("ore_truncate: dev \(dev) object size \(SizeFormat.string(state.devices[dev].objectSize)) → \(SizeFormat.string(objSize))")
            }
            if let failed = state.devices.indices.first(where: { state.devices[$0].failed }) {
                note("ore_truncate: -EIO from failed dev \(failed), so _do_truncate skips truncate_setsize: i_size and the cache keep the old size")
                return false
            }
            return true
        }
    }
}
