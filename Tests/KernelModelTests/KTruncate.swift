extension KernelModel {
    /// `exofs_setattr` → `_do_truncate`: nothing when the size is unchanged; else `ore_truncate`
    /// and, only if it succeeded, `truncate_setsize`.
    func exofsSetattr(size: UInt64) throws {
        guard size != iSize else { return }
        try oreTruncate(size: size)
        try truncateSetsize(size)
    }

    /// `ore_truncate` as written: `_calc_trunk_info`, one size per component i < numdevs by device
    /// NUMBER (the RAID5 rotation is not considered), and `_truncate_mirrors(ios, i * mirrors_p1)`,
    /// which with mirrors runs past the components and hits `BUG_ON` in `ore_comp_dev`.
    func oreTruncate(size: UInt64) throws {
        let su = layout.stripeUnit
        let si = layout.calcStripeInfo(size, length: 0)
        let prevGroupObjOff = si.M &* su
        let nextGroupObjOff = si.M > 0 ? (si.M - 1) &* su : 0
        let firstGroupDev = si.dev - si.dev % layout.groupWidth
        let nextGroupDev = firstGroupDev + layout.groupWidth
        var sizes: [(dev: Int, size: UInt64)] = []
        for i in 0..<layout.devices {
            let objSize: UInt64
            if i < firstGroupDev {
                objSize = prevGroupObjOff
            } else if i >= nextGroupDev {
                objSize = nextGroupObjOff
            } else if i < si.dev {
                objSize = si.objOffset + su - si.unitOff
            } else if i == si.dev {
                objSize = si.objOffset
            } else {
                objSize = si.objOffset - si.unitOff
            }
            for comp in i * layout.mirrors..<(i + 1) * layout.mirrors {
                guard comp < layout.devices else { throw KernelBug(fn: "ore_comp_dev") }
                sizes.append((comp, objSize))
            }
        }
        for (dev, objSize) in sizes { devices.truncate(dev: dev, toBytes: objSize) }
    }

    /// `truncate_setsize` → `truncate_inode_pages_range` (mm/truncate.c, 4.18): i_size first;
    /// pages past the new end that trylock and are not under writeback go at once; the page
    /// holding a new end inside it is `find_lock_page`d, waited on and zeroed past the end; then,
    /// in ascending order, each remaining page is locked, waited on and removed (forever for a
    /// stranded page).
    func truncateSetsize(_ size: UInt64) throws {
        iSize = size
        let keep = Int((size + KLayout.pageSize - 1) / KLayout.pageSize)
        expected = expected.filter { $0.key < keep }
        let inPage = Int(size % KLayout.pageSize)
        if inPage != 0 { expected[keep - 1] = expected[keep - 1]?.truncated(inPage) }
        let doomed = cache.pages.keys.filter { $0 >= keep }.sorted()
        for index in doomed where !cache.has(index, .locked) && !cache.has(index, .writeback) { cache[index] = nil }
        if inPage != 0, cache[keep - 1] != nil {
            try waitUntil(keep - 1, not: .locked, fn: "truncate_inode_pages")
            try waitUntil(keep - 1, not: .writeback, fn: "truncate_inode_pages")
            cache[keep - 1]!.content = cache[keep - 1]!.content.truncated(inPage)   // zero_user_segment
        }
        for index in doomed where cache[index] != nil {
            try waitUntil(index, not: .locked, fn: "truncate_inode_pages")
            try waitUntil(index, not: .writeback, fn: "truncate_inode_pages")
            cache[index] = nil
        }
    }
}
