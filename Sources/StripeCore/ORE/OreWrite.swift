extension Engine {
    /// Models `ore_write`: stripes the pages and adds parity (`_prepare_for_striping`),
    /// then `_write_mirror` submits one write request per device and mirror copy. Returns
    /// the request ids, or nil when the ORE fails the write (RAID5/6 without r4w ops:
    /// -ENOTSUPP; a kernel bug).
    func oreWrite(_ initial: OreIOState, layout: OreLayout) -> [Int]? {
        traced(.ore_write, initial.offset, initial.length) { () -> [Int]? in
            if layout.parity > 0 && !switches.r4w {
                note("ore_write: -ENOTSUPP, a RAID5 write needs the r4w ops to read partial stripes")
                return nil
            }
            var ios = initial
            guard prepareForStriping(&ios, layout: layout) else { return nil }
            var requests: [Int] = []
            for master in ios.perDev where master.length > 0 {
                let entries = placed(master.bio, requestEntries(master, ios: ios), layout: layout)
                for dev in master.dev..<(master.dev + layout.mirrors) {
                    requests.append(submit(dev: dev, purpose: .write, entries: entries))
                    checkPlacement(master.bio, entries: entries, dev: dev, op: "writes", layout: layout)
                }
            }
            return requests
        }
    }

    /// Models `ore_read`: stripes the pages (`_prepare_for_striping`, parity units become
    /// sg gaps), then `_ore_read_mirror` submits one read per component, from mirror copy
    /// `object id % mirrors`. Returns the request ids, or nil when the ORE fails the read.
    func oreRead(_ initial: OreIOState, layout: OreLayout) -> [Int]? {
        traced(.ore_read, initial.offset, initial.length) { () -> [Int]? in
            var ios = initial
            guard prepareForStriping(&ios, layout: layout) else { return nil }
            var requests: [Int] = []
            for var perDev in ios.perDev where perDev.length > 0 {
                if perDev.curSg > 0 {
                    perDev.addSgSeg(gap: 0, notLast: false)
                    guard perDev.curSg > 0 else { continue }  // a parity-only device
                }
                let entries = placed(perDev.bio, requestEntries(perDev, ios: ios), layout: layout)
                let dev = readMirror(perDev.dev)
                requests.append(submit(dev: dev, purpose: .read, entries: entries))
                checkPlacement(perDev.bio, entries: entries, dev: dev, op: "reads", layout: layout)
            }
            return requests
        }
    }

    /// The pages a device's request moves: its bio laid over its extents, in order.
    private func requestEntries(_ perDev: OrePerDevState, ios: OreIOState) -> [RequestEntry] {
        var entries: [RequestEntry] = []
        entries.reserveCapacity(perDev.bio.count)
        var extents = perDev.extents[...]
        var position: UInt64 = 0
        for page in perDev.bio {
            while let extent = extents.first, position >= extent.length {
                position -= extent.length
                extents = extents.dropFirst()
            }
            let at = (extents.first?.offset ?? perDev.offset) + position
            let start = UInt16(at % pageSize)
            switch page {
            case .data(let index, let bytes):
                let value = ios.reading ? UInt64(index) : state.pages[index].token
                entries.append(RequestEntry(objPage: at / pageSize, isParity: false, start: start,
                                            end: start + bytes, value: value))
                position += UInt64(bytes)
            case .parity(let slot, _, _, _):
                entries.append(RequestEntry(objPage: at / pageSize, isParity: true, start: start,
                                            value: ios.parityPages[slot]))
                position += pageSize
            }
        }
        return entries
    }
}
