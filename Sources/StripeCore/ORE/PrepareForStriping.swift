extension Engine {
    /// Which `_prepare_for_striping` runs: the profile's, unless `set placement=` says.
    var placementEra: Profile { switches.placement ?? profile }

    /// Models `ore_get_rw_state`: the I/O state for `length` bytes at `offset`, trimmed
    /// so it never crosses a group boundary (`si->length = T − H`).
    func oreGetRwState(offset: UInt64, length: UInt64, reading: Bool) -> OreIOState {
        traced(.ore_get_rw_state, offset, length) {
            let layout = layout!
            let info = layout.stripeInfo(at: offset)
            let trimmed = min(length, info.bytesToGroupEnd ?? length)
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
    /// - seed (3.x): the `dev_order` comparison gives each device its right offset.
    func prepareForStriping(_ ios: inout OreIOState, layout: OreLayout) -> Bool {
        traced(._prepare_for_striping, ios.offset, ios.length) { () -> Bool in
            let era = placementEra
            let stripeUnit = layout.stripeUnit
            let mirrors = layout.mirrors
            let width = layout.groupWidth
            let devsInGroup = width * mirrors
            let raidWrite = !ios.reading && layout.parity > 0  // ios->sp2d != NULL
            var si = ios.si
            var dev = si.dev
            let firstDev = dev - dev % devsInGroup
            var devOrder = 0
            if era == .seed {
                // RAID0 counts from the group's first device in every group (SPEC 4; 3.x's
                // _dev_order does so only in group 0, where par_dev is past the group).
                // RAID6, which 3.x never had, counts from the device after Q, where the data
                // starts. Its pair moves two devices per stripe, so `cur_comp > dev_order`
                // no longer tells the I/O's first stripe from the next (and with one data
                // unit a device can be first used stripes later): the seed placement, every
                // unit where ore_calc_stripe_info maps it, counts the stripes passed.
                let lastParityDev = (si.parDev - firstDev + (layout.parity - 1) * mirrors) % devsInGroup + firstDev
                let parDev = layout.parity > 0 ? lastParityDev : firstDev + devsInGroup
                devOrder = Self.devOrder(devsInGroup: devsInGroup, mirrors: mirrors, parDev: parDev, dev: dev)
                si.curComp = devOrder
                si.curPg = Int(si.unitOff / pageSize)
            }
            var stripesPassed: UInt64 = 0
            var consumed = 0
            var length = ios.length
            defer { ios.si = si }
            while length > 0 {
                let comp = dev - firstDev
                var curLen = stripeUnit
                let firstUse = era == .final
                    ? ios.perDev[comp].length == 0 && ios.perDev[comp].offset == 0
                    : ios.perDev[comp].length == 0
                if firstUse {
                    ios.perDev[comp].dev = dev
                    if dev == si.dev {
                        ios.perDev[comp].offset = si.objOffset
                        curLen = stripeUnit - si.unitOff
                    } else if era == .seed && layout.parity == 2 {
                        ios.perDev[comp].offset = si.objOffset + stripesPassed * stripeUnit - si.unitOff
                    } else if era == .final || si.curComp > devOrder {
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
                switch era {
                case .final:
                    guard addParityUnits(&ios, si: &si, dev: dev, firstDev: firstDev,
                                         curLen: raidWrite ? length : curLen, layout: layout) else { return false }
                case .seed where layout.parity == 2:
                    // RAID6 exists only in the final code: P and Q are added as it adds them,
                    // at the row ore_calc_stripe_info maps them to. Unlike RAID5's parity, P
                    // or Q can be on a device the I/O's first stripe did not use.
                    let rowStart = si.objOffset
                    si.objOffset += stripesPassed * stripeUnit
                    guard addParityUnits(&ios, si: &si, dev: dev, firstDev: firstDev,
                                         curLen: raidWrite ? length : curLen, layout: layout) else { return false }
                    si.objOffset = rowStart
                case .seed:
                    // SPEC 4: in the seed profile every unit lands where ore_calc_stripe_info
                    // maps it. (The 3.x code as written would take this branch for RAID0's
                    // group 1 too, whose first device is si->par_dev, with no sp2d.)
                    guard layout.parity > 0 else { break }
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
                if era == .final {
                    si.objOffset += curLen
                    si.unitOff = 0
                }
            }
            return true
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
