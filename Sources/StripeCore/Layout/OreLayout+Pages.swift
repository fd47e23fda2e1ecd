extension OreLayout {
    /// Device (first mirror) and object page of file page `page`.
    public func location(ofPage page: Int) -> (dev: Int, objPage: UInt64) {
        let si = stripeInfo(at: UInt64(page) * pageSize)
        return (si.dev, si.objOffset / pageSize)
    }

    /// Every mirror copy of the device holding file page `page`.
    public func devicesHolding(page: Int) -> Range<Int> {
        let dev = location(ofPage: page).dev
        return dev..<(dev + mirrors)
    }

    /// File-order stripe number of file page `page`.
    public func stripe(ofPage page: Int) -> UInt64 { UInt64(page / pagesInStripe) }

    /// Where row `row` of each parity unit of stripe `stripe` lives: P, then Q with RAID6,
    /// in the order `_add_parity_units` adds them; every mirror of each.
    public func paritySlots(stripe: UInt64, row: Int) -> [(devs: Range<Int>, objPage: UInt64)] {
        let si = stripeInfo(at: stripe * stripeBytes)
        let objPage = si.objOffset / pageSize + UInt64(row)
        return [si.parityDev ?? 0, si.qDev].compactMap { $0 }.prefix(max(parity, 1)).map { ($0..<($0 + mirrors), objPage) }
    }
}

extension OreLayout {
    /// File-order stripe that object page `objPage` of device `dev` belongs to.
    public func stripe(onDevice dev: Int, objPage: UInt64) -> UInt64 {
        let pagesPerUnit = UInt64(pagesInUnit)
        let unitIndex = objPage / pagesPerUnit  // units on this device before this one
        let component = dev / mirrors
        let group = UInt64(component / groupWidth)
        guard let depth = groupDepth else { return unitIndex }
        // Each cycle holds `depth` units per device; cycles pass through all groups.
        let cycle = unitIndex / depth
        let inGroup = unitIndex % depth
        return (cycle * UInt64(groupCount) + group) * depth + inGroup
    }
}
