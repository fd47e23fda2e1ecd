/// `struct ore_per_dev_state` of a write: the one request a device gets (offset, length) and
/// the content of each of its pages, in order.
struct KPerDev {
    var dev = 0
    var offset: UInt64 = 0
    var length: UInt64 = 0
    /// Each page's content and how many of its bytes the request carries.
    var pages: [(content: KContent, length: Int)] = []
    /// The parity units among them, as object byte ranges.
    var parity: [(UInt64, UInt64)] = []
}

/// `struct ore_io_state` of one `ore_write`, plus the r4w read ios it may own.
final class KIOState {
    let offset: UInt64
    let length: UInt64
    let pages: [Int]
    let firstStripeStart: UInt64
    var si: KStripeInfo
    var perDev: [KPerDev]
    var sp2d: KSp2d?
    var readForWrite: KReadIOS?
    /// The parity pages of the stripe being prepared, filled by `_gen_xor_unit`: where each
    /// lies in its device's request, its row, and whether it is P (0) or Q (1).
    var parityPages: [(comp: Int, page: Int, row: Int, unit: Int)] = []

    init(layout: KLayout, offset: UInt64, length: UInt64, pages: [Int], si: KStripeInfo) {
        self.offset = offset
        self.length = length
        self.pages = pages
        self.si = si
        self.firstStripeStart = si.firstStripeStart
        perDev = Array(repeating: KPerDev(), count: layout.devsInGroup)
        if layout.parity > 0 {
            sp2d = KSp2d(pagesInUnit: layout.pagesInUnit, dataDevs: layout.dataDevices, parity: layout.parity)
        }
    }
}

extension KernelModel {
    /// `ore_write`: `_prepare_for_striping`, one `_write_mirror` per component (every mirror copy
    /// gets the master's offset and length), then the requests go out together.
    func oreWrite(offset: UInt64, length: UInt64, pages: [Int], si: KStripeInfo) throws {
        let ios = KIOState(layout: layout, offset: offset, length: length, pages: pages, si: si)
        try prepareForStriping(ios)
        let id = nextIOS
        nextIOS += 1
        var requests = 0
        for master in stride(from: 0, to: layout.devsInGroup, by: layout.mirrors) {
            let perDev = ios.perDev[master]
            guard perDev.length > 0 else { continue }
            let firstPage = Int(perDev.offset / KLayout.pageSize)
            let writes = perDev.pages.enumerated().map {
                (objPage: firstPage + $0.offset, content: $0.element.content, length: $0.element.length)
            }
            for copy in 0..<layout.mirrors {
                current!.writes.append(KDevIO(dev: perDev.dev + copy, extents: [(perDev.offset, perDev.length)],
                                              parity: perDev.parity))
                inflight.append(KRequest(dev: perDev.dev + copy, writes: writes, ios: id))
                requests += 1
            }
        }
        iosPages[id] = (pages, requests)
    }

    /// `_prepare_for_striping` (ore.c). Final: a device first used after the I/O's first unit
    /// starts at `si->obj_offset - si->unit_off`, and obj_offset advances (by the last data
    /// unit's length) only when the loop reaches a parity unit, which RAID0 has only in group 1
    /// (`par_dev = group_width * mirrors`). 3.2: `dev_order = _dev_order(devs_in_group,
    /// mirrors_p1, si->par_dev, dev)`, `si->cur_comp = dev_order`, and a device first used
    /// later gets `si->obj_offset - si->unit_off` if `si->cur_comp > dev_order`, else one unit
    /// further; reaching `si->par_dev` calls `_ore_add_parity_unit`, which for RAID0 (no sp2d)
    /// oopses in `_sp2d_min_pg`. RAID6 (not in 3.2) with the seed placement puts every unit
    /// where `ore_calc_stripe_info` maps it (SPEC 4).
    func prepareForStriping(_ ios: KIOState) throws {
        let su = layout.stripeUnit, mirrors = layout.mirrors, devsInGroup = layout.devsInGroup
        var dev = ios.si.dev
        let firstDev = dev - dev % devsInGroup
        var curPg = 0
        var length = ios.length
        var fileOffset = ios.offset
        let as3_2 = seedPlacement && layout.parity < 2
        var devOrder = 0
        if as3_2 {
            devOrder = Int(Self.devOrder(UInt32(devsInGroup), UInt32(mirrors), UInt32(ios.si.parDev), UInt32(dev)))
            ios.si.curComp = devOrder
        }
        while length > 0 {
            let comp = dev - firstDev
            var curLen = su
            let unused = as3_2 ? ios.perDev[comp].length == 0 : ios.perDev[comp].length == 0 && ios.perDev[comp].offset == 0
            if unused {
                ios.perDev[comp].dev = dev
                if dev == ios.si.dev {
                    ios.perDev[comp].offset = ios.si.objOffset
                    curLen = su - ios.si.unitOff
                } else if as3_2 {
                    ios.perDev[comp].offset = ios.si.curComp > devOrder
                        ? ios.si.objOffset - ios.si.unitOff : ios.si.objOffset + su - ios.si.unitOff
                } else if seedPlacement {
                    ios.perDev[comp].offset = layout.calcStripeInfo(fileOffset, length: 0).objOffset
                } else {
                    ios.perDev[comp].offset = ios.si.objOffset - ios.si.unitOff
                }
            }
            curLen = min(curLen, length)
            addStripeUnit(ios, comp: comp, curPg: &curPg, length: curLen)
            length -= curLen
            fileOffset += curLen
            dev = (dev + mirrors) % devsInGroup + firstDev
            ios.si.curComp = (ios.si.curComp + 1) % layout.groupWidth
            if dev == ios.si.parDev || (length == 0 && ios.sp2d != nil) {
                if as3_2 && ios.sp2d == nil { throw KernelBug(fn: "_sp2d_min_pg") }
                if length == 0 && ios.sp2d != nil {
                    dev = ios.si.parDev
                    ios.si.curComp = layout.groupWidth - layout.parity
                }
                // RAID6 with the seed placement (SPEC 4): P and Q at their stripe's row too.
                let stripeRow = seedPlacement && layout.parity == 2
                    ? { let si = layout.calcStripeInfo(fileOffset - 1, length: 0); return si.objOffset - si.unitOff }() : nil
                addParityUnits(ios, dev: dev, firstDev: firstDev, curLen: ios.sp2d != nil ? length : curLen, stripeRow: stripeRow)
                ios.si.parDev = (devsInGroup + ios.si.parDev - layout.parity * mirrors) % devsInGroup + firstDev
                ios.si.curComp = 0
                ios.si.curPg = 0
                if !seedPlacement {
                    ios.si.objOffset += curLen
                    ios.si.unitOff = 0
                }
            }
        }
    }

    /// `_dev_order` (3.2 ore.c), in its `unsigned` arithmetic: the device's place in the stripe
    /// counted from the device after the parity, or `dev / mirrors_p1` when `par_dev` is just
    /// past the group ("The raid 0 case"), which RAID0's `par_dev = group_width` is in group 0 only.
    static func devOrder(_ devsInGroup: UInt32, _ mirrors: UInt32, _ parDev: UInt32, _ dev: UInt32) -> UInt32 {
        let firstDev = dev - dev % devsInGroup
        let d = dev - firstDev
        let p = parDev &- firstDev
        if devsInGroup == p { return d / mirrors }
        return (devsInGroup &+ d &- p &- mirrors) % devsInGroup / mirrors
    }

    /// `_ore_add_stripe_unit`: the unit's pages join the device's request and, for RAID5/6, the
    /// sp2d at (cur_pg, cur_comp).
    func addStripeUnit(_ ios: KIOState, comp: Int, curPg: inout Int, length: UInt64) {
        var left = length
        while left > 0 {
            let index = ios.pages[curPg]
            let pageLength = min(KLayout.pageSize, left)
            ios.perDev[comp].pages.append((cache[index]!.content, Int(pageLength)))
            ios.sp2d?.add(.page(index), si: &ios.si)
            left -= pageLength
            curPg += 1
        }
        ios.perDev[comp].length += length
    }

    /// `_add_parity_units`: P (and Q for RAID6 on the next device); only the last one XORs. A
    /// device first used here starts at `si->obj_offset - si->unit_off`, or at `stripeRow`.
    func addParityUnits(_ ios: KIOState, dev: Int, firstDev: Int, curLen: UInt64, stripeRow: UInt64? = nil) {
        var dev = dev
        for doParity in stride(from: layout.parity, to: 0, by: -1) {
            let comp = dev - firstDev
            if ios.perDev[comp].length == 0 && ios.perDev[comp].offset == 0 {
                ios.perDev[comp].dev = dev
                ios.perDev[comp].offset = stripeRow ?? ios.si.objOffset - ios.si.unitOff
            }
            oreAddParityUnit(ios, comp: comp, curLen: curLen, doXor: doParity == 1)
            if doParity != 1 {
                dev = (dev + layout.mirrors) % layout.devsInGroup + firstDev
                ios.si.curComp = (ios.si.curComp + 1) % layout.groupWidth
            }
        }
    }

    /// `_ore_add_parity_unit` (write side): a first-stripe parity (its device still empty) starts
    /// at row min_p and reads the stripe's head first; the I/O's last stripe reads its tail; then
    /// `_read_4_write_execute`, the parity pages, `_gen_xor_unit`, `_sp2d_reset`.
    func oreAddParityUnit(_ ios: KIOState, comp: Int, curLen: UInt64, doXor: Bool) {
        let minPg = ios.sp2d!.minPg, maxPg = ios.sp2d!.maxPg
        ios.si.curPg = minPg
        if ios.perDev[comp].length == 0 {
            ios.perDev[comp].offset += UInt64(minPg) * KLayout.pageSize
            if doXor { readForWriteFirstStripe(ios) }
        }
        if curLen == 0 && doXor { readForWriteLastStripe(ios) }
        readForWriteExecute(ios)
        let parityBytes = UInt64(maxPg + 1 - minPg) * KLayout.pageSize
        ios.perDev[comp].parity.append((ios.perDev[comp].offset + ios.perDev[comp].length, parityBytes))
        let unit = layout.parity == 2 && doXor ? 1 : 0   // _add_parity_units: P first, Q with the XOR
        for row in minPg...maxPg {
            ios.sp2d!.add(.parity, si: &ios.si)
            ios.parityPages.append((comp, ios.perDev[comp].pages.count, row, unit))
            ios.perDev[comp].pages.append((.zero, Int(KLayout.pageSize)))
        }
        ios.perDev[comp].length += parityBytes
        if doXor {
            let pDev = ios.perDev[ios.parityPages.first { $0.unit == 0 }!.comp].dev
            current!.xors.append([pDev, minPg, maxPg] + (layout.parity == 2 ? [ios.perDev[comp].dev] : []))
            for slot in ios.parityPages {
                let syndrome = genSyndrome(ios.sp2d!, row: slot.row)
                ios.perDev[slot.comp].pages[slot.page].content = slot.unit == 0 ? syndrome.p : syndrome.q
                let key = KWriteExec.at(dev: ios.perDev[slot.comp].dev,
                                        byte: ios.perDev[slot.comp].offset + UInt64(slot.page) * KLayout.pageSize)
                current!.parityRecipes[key] = parityRecipe(ios.sp2d!, row: slot.row, unit: slot.unit)
            }
            ios.parityPages = []
            sp2dReset(ios)
        }
    }

    /// What P (`unit` 0) or Q (1) of `row` is computed from: each data page and its coefficient;
    /// nil when a page of the row holds pieces.
    func parityRecipe(_ sp2d: KSp2d, row: Int, unit: Int) -> [(page: Int, coefficient: UInt8)]? {
        var terms: [(page: Int, coefficient: UInt8)] = []
        var coefficient: UInt8 = 1
        for column in 0..<sp2d.dataDevs {
            if case .page(let index)? = sp2d.cells[row][column] {
                guard cache[index]?.content.singleToken != nil else { return nil }
                terms.append((index, unit == 0 ? 1 : coefficient))
            }
            coefficient = KGaloisField.multiply(coefficient, 2)
        }
        return terms
    }

    /// `_gen_xor_unit` for one row: `async_xor` (RAID5) or `async_gen_syndrome` (RAID6) of the
    /// row's data pages in column order: P = D0 ^ D1 ^ ..., Q = g^0·D0 ^ g^1·D1 ^ ... over
    /// GF(2^8) (g = 2, polynomial 0x11d, lib/raid6), bytewise on the little-endian tokens.
    func genSyndrome(_ sp2d: KSp2d, row: Int) -> (p: KContent, q: KContent) {
        var p = KContent.zero, q = KContent.zero
        var coefficient: UInt8 = 1
        for column in 0..<sp2d.dataDevs {
            if case .page(let index)? = sp2d.cells[row][column], let data = cache[index]?.content {
                p = p ^ data
                let c = coefficient
                q = q ^ data.mapTokens { KGaloisField.multiply($0, by: c) }
            }
            coefficient = KGaloisField.multiply(coefficient, 2)
        }
        return (p, q)
    }

    /// `_sp2d_reset`: `put_page` for every r4w page. 3.2: `for (p = 0; p < pages_in_unit; p++)`,
    /// rows whose `write_count < group_width`, `for (c = 0; c < data_devs; c++)`; 3.5+: columns
    /// last to first, rows last to first.
    func sp2dReset(_ ios: KIOState) {
        let sp2d = ios.sp2d!
        if seedProfile {
            for row in 0..<sp2d.pagesInUnit where sp2d.writeCount[row] < layout.groupWidth {
                for column in 0..<sp2d.dataDevs where sp2d.isRead[row][column] { r4wPutPage(sp2d.cells[row][column]!) }
            }
        } else {
            for column in (0..<sp2d.dataDevs).reversed() {
                for row in (0..<sp2d.pagesInUnit).reversed() where sp2d.isRead[row][column] {
                    r4wPutPage(sp2d.cells[row][column]!)
                }
            }
        }
        ios.sp2d = KSp2d(pagesInUnit: sp2d.pagesInUnit, dataDevs: sp2d.dataDevs, parity: layout.parity)
    }
}
