extension Engine {
    /// Models `ore_get_rw_state`: the I/O state for `length` bytes at `offset`, trimmed
    /// so it never crosses a group boundary (`si->length = T − H`).
    func oreGetRwState(offset: UInt64, length: UInt64, reading: Bool) -> OreIOState {
        traced(.ore_get_rw_state, offset, length) {
            let layout = layout!
            let info = layout.stripeInfo(at: offset)
            var trimmed = min(length, info.bytesToGroupEnd ?? length)
            if !reading && layout.parity > 0 { trimmed = postAllocRaidStuff(offset: offset, length: trimmed, layout: layout) }
            var sgsPerDev = 0
            if reading && layout.parity > 0 && trimmed > 0 {
                let stripes = (trimmed + layout.stripeBytes - 1) / layout.stripeBytes
                let raidUnits = Int(stripes) * layout.parity + layout.groupWidth
                sgsPerDev = raidUnits / layout.dataDevices + 2
            }
            let si = OreStripingInfo(layout: layout, offset: offset)
            return OreIOState(offset: offset, length: trimmed,
                              nrPages: Int((trimmed + pageSize - 1) / pageSize), reading: reading,
                              si: si,
                              perDev: Array(repeating: OrePerDevState(), count: layout.groupWidth * layout.mirrors),
                              sgsPerDev: sgsPerDev)
        }
    }

    /// Models `_prepare_for_striping` as written in the profile's era: walks the I/O unit
    /// by unit over the group's devices, giving each device its object offset the first
    /// time it is used, and adds the parity units at the end of each stripe. Returns
    /// false when the kernel fails the I/O here (the caller has the event that says why).
    ///
    /// - final (4.18): a device first used after the I/O's first unit gets
    ///   `si->obj_offset - si->unit_off`, and `si->obj_offset` only advances (by the unit
    ///   just added) when the loop reaches a parity device: units can land over other data.
    /// - seed (3.2): the `dev_order` comparison gives each device its right offset, except
    ///   RAID0 past group 0, where `_dev_order` misses its RAID0 test (units one row off) and
    ///   group 1's first device is `si->par_dev` (a parity unit with no sp2d: a kernel bug).
    func prepareForStriping(_ ios: inout OreIOState, layout: OreLayout) -> Bool {
        traced(._prepare_for_striping, ios.offset, ios.length) { () -> Bool in
            let place = placement
            let stripeUnit = layout.stripeUnit
            let mirrors = layout.mirrors
            let width = layout.groupWidth
            let devsInGroup = width * mirrors
            let raidWrite = !ios.reading && layout.parity > 0  // ios->sp2d != NULL
            var si = ios.si
            var dev = si.dev
            let firstDev = dev - dev % devsInGroup
            var devOrder = 0
            switch place {
            case .devOrder:
                // 3.2's `dev_order = _dev_order(devs_in_group, mirrors_p1, si->par_dev, dev)`.
                // RAID0's par_dev is group_width × mirrors ("make the math correct"), past the
                // group only in group 0: in groups 1 and 2+ `_dev_order` misses its RAID0 test
                // (`par_dev - first_dev` is 0 or wraps) and every order comes out one less.
                // RAID6, which 3.2 never had, counts from the device after Q, where the data
                // starts. Its pair moves two devices per stripe, so `cur_comp > dev_order`
                // no longer tells the I/O's first stripe from the next (and with one data
                // unit a device can be first used stripes later): the seed placement, every
                // unit where ore_calc_stripe_info maps it, counts the stripes passed.
                let lastParityDev = (si.parDev - firstDev + (layout.parity - 1) * mirrors) % devsInGroup + firstDev
                let parDev = layout.parity > 0 ? lastParityDev : si.parDev
                devOrder = Self.devOrder(devsInGroup: devsInGroup, mirrors: mirrors, parDev: parDev, dev: dev)
                si.curComp = devOrder
                si.curPg = Int(si.unitOff / pageSize)
            case .advanceAtParity:
                break
            }
            var stripesPassed: UInt64 = 0
            var consumed = 0
            var length = ios.length
            defer { ios.si = si }
            while length > 0 {
                let comp = dev - firstDev
                var curLen = stripeUnit
                let firstUse = switch place {
                case .advanceAtParity: ios.perDev[comp].length == 0 && ios.perDev[comp].offset == 0
                case .devOrder: ios.perDev[comp].length == 0
                }
                if firstUse {
                    ios.perDev[comp].dev = dev
                    if dev == si.dev {
                        ios.perDev[comp].offset = si.objOffset
                        curLen = stripeUnit - si.unitOff
                    } else if place == .devOrder && layout.parity == 2 {
                        ios.perDev[comp].offset = si.objOffset + stripesPassed * stripeUnit - si.unitOff
                    } else if place == .advanceAtParity || si.curComp > devOrder {
                        ios.perDev[comp].offset = si.objOffset - si.unitOff
                    } else {
                        ios.perDev[comp].offset = si.objOffset + stripeUnit - si.unitOff
                    }
                }
                curLen = min(curLen, length)
                addStripeUnit(&ios, comp: comp, bytes: curLen, consumed: &consumed, si: &si, layout: layout)
                length -= curLen
                dev = (dev + mirrors) % devsInGroup + firstDev
                si.curComp = (si.curComp + 1) % width
                guard dev == si.parDev || (length == 0 && raidWrite) else { continue }
                if length == 0 && raidWrite {
                    dev = si.parDev
                    si.curComp = width - layout.parity
                }
                switch place {
                case .advanceAtParity:
                    guard addParityUnits(&ios, si: &si, dev: dev, firstDev: firstDev,
                                         curLen: raidWrite ? length : curLen, layout: layout) else { return false }
                case .devOrder where layout.parity == 0:
                    // 3.2 calls _ore_add_parity_unit whenever dev reaches si->par_dev: for
                    // RAID0 that is group 1's first device, reached when a group-1 I/O wraps
                    // past the group's last column, and there is no parity to add.
                    raid0ParityUnitBug(ios, dev: dev, layout: layout)
                    return false
                case .devOrder where layout.parity == 2:
                    // RAID6 exists only in the final code: P and Q are added as it adds them,
                    // at the row ore_calc_stripe_info maps them to. Unlike RAID5's parity, P
                    // or Q can be on a device the I/O's first stripe did not use.
                    let rowStart = si.objOffset
                    si.objOffset += stripesPassed * stripeUnit
                    guard addParityUnits(&ios, si: &si, dev: dev, firstDev: firstDev,
                                         curLen: raidWrite ? length : curLen, layout: layout) else { return false }
                    si.objOffset = rowStart
                case .devOrder:
                    let comp = dev - firstDev
                    if ios.perDev[comp].length == 0 {
                        ios.perDev[comp].dev = dev
                        ios.perDev[comp].offset = si.objOffset - si.unitOff
                    }
                    guard oreAddParityUnit(&ios, si: &si, comp: comp, curLen: raidWrite ? length : curLen,
                                           doXor: true, unit: 0, layout: layout) else { return false }
                }
                stripesPassed += 1
                si.parDev = (devsInGroup + si.parDev - layout.parity * mirrors) % devsInGroup + firstDev
                si.curComp = 0
                si.curPg = 0
                if place == .advanceAtParity {
                    si.objOffset += curLen
                    si.unitOff = 0
                }
            }
            return true
        }
    }

    /// Models 3.2's `_ore_post_alloc_raid_stuff` for a RAID write (4.18 has no cut): an I/O
    /// over more than one stripe that does not end on a stripe boundary ends at the last one,
    /// "If an IO spans more then a single stripe it must end at a stripe boundary. The
    /// reminder at the end is pushed into the next IO" (`ios->length = last_stripe *
    /// stripe_size - ios->offset`); exofs's `_maybe_not_all_in_one_io` keeps the rest.
    private func postAllocRaidStuff(offset: UInt64, length: UInt64, layout: OreLayout) -> UInt64 {
        switch era.stripeCut {
        case .none:
            return length
        case .atLastStripeBoundary:
            let stripeSize = layout.stripeBytes
            let firstStripe = offset / stripeSize
            let lastStripe = (offset + length) / stripeSize
            guard lastStripe != firstStripe, lastStripe * stripeSize - offset < length else { return length }
            let cut = lastStripe * stripeSize - offset
            let first = Int(cut / pageSize) + Int(offset / pageSize)
            let last = Int((offset + length - 1) / pageSize)
            note("_ore_post_alloc_raid_stuff cuts this I/O at the last stripe boundary (3.2: an I/O over more than one stripe must end on one, so its partial last stripe is never read-4-written here): \(first == last ? "page \(first) goes" : "pages \(first)..\(last) go") back to exofs for the next I/O")
            return cut
        }
    }

    /// The 3.2 kernel bug when RAID0's `_prepare_for_striping` reaches `si->par_dev`: a write
    /// oopses in `_sp2d_min_pg(ios->sp2d)` with no sp2d, a read hits `BUG_ON(cur_sg >=
    /// sgs_per_dev)` with no sg list (SPEC 4).
    private func raid0ParityUnitBug(_ ios: OreIOState, dev: Int, layout: OreLayout) {
        let why = "3.2 sets RAID0's si->par_dev = group_width (dev \(dev)), the first device of group 1, so this group-1 I/O that reached the group's last column wrapped to it and was taken for a parity unit"
        traced(._ore_add_parity_unit, layout.stripe(ofPage: ios.firstPage)) {
            if ios.reading {
                kernelBug(._ore_add_parity_unit, "BUG_ON(cur_sg >= sgs_per_dev): a RAID0 read has no sg list (sgs_per_dev = 0): \(why)")
            } else {
                kernelBug(._sp2d_min_pg, "_ore_add_parity_unit calls _sp2d_min_pg(ios->sp2d) with ios->sp2d NULL, as a RAID0 write has no sp2d, and the kernel oopses: \(why)")
            }
        }
    }

    /// Models `_ore_add_stripe_unit` for data: the next `bytes` of the I/O's pages join
    /// device `comp`'s bio, and (`_add_stripe_page`) the sp2d at `si->cur_pg`, `si->cur_comp`.
    private func addStripeUnit(_ ios: inout OreIOState, comp: Int, bytes: UInt64, consumed: inout Int,
                               si: inout OreStripingInfo, layout: OreLayout) {
        var left = bytes
        while left > 0 {
            let index = ios.firstPage + consumed
            let pageBytes = min(left, pageSize)
            ios.perDev[comp].bio.append(.data(index: index, bytes: UInt16(pageBytes)))
            ios.perDev[comp].length += pageBytes
            if !ios.reading && layout.parity > 0 {
                if sp2d == nil { beginSp2d(stripe: layout.stripe(ofPage: index), layout: layout) }
                setCell(row: si.curPg, column: si.curComp, .written)
                si.curPg = (si.curPg + 1) % layout.pagesInUnit
            }
            left -= pageBytes
            consumed += 1
        }
    }

    /// The seed's `_dev_order`: a device's position in the stripe, counted from the
    /// device after the parity (RAID0: from the group's first device).
    static func devOrder(devsInGroup: Int, mirrors: Int, parDev: Int, dev: Int) -> Int {
        let firstDev = dev - dev % devsInGroup
        let d = dev - firstDev
        let p = parDev - firstDev
        if devsInGroup == p { return d / mirrors }
        return ((devsInGroup + d - p - mirrors) % devsInGroup + devsInGroup) % devsInGroup / mirrors
    }
}
