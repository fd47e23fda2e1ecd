/// The part of the ORE's `struct ore_io_state` the model needs for one read or write.
struct OreIOState {
    var offset: UInt64
    /// Bytes of this I/O, trimmed at a group boundary (`ios->length`).
    var length: UInt64
    var nrPages: Int
    var reading: Bool
    /// `ios->si`: computed by `ore_get_rw_state` and then advanced by `_prepare_for_striping`
    /// (which never moves `first_stripe_start`: `_read_4_write_first_stripe` reads the
    /// I/O's own, whatever stripe the loop has reached).
    var si: OreStripingInfo
    /// `ios->per_dev[]`, one per component of the group (mirrors included).
    var perDev: [OrePerDevState]
    /// Parity pages' tokens (`ios->parity_pages`), filled by `_gen_xor_unit`.
    var parityPages: [UInt64] = []
    /// Pages `get_page` reported not uptodate, waiting for `_read_4_write_execute`.
    var r4wReads: [(index: Int, dev: Int, objPage: UInt64, start: UInt16)] = []
    /// `sgs_per_dev` of a RAID read: how many sg entries each device may use.
    var sgsPerDev = 0

    var firstPage: Int { Int(offset / pageSize) }
    var pages: Range<Int> { firstPage..<(firstPage + nrPages) }

    /// Bytes of page `page` this I/O covers: the whole page, except the last one when
    /// the I/O ends inside it (the file's partial last page).
    func bytes(ofPage page: Int) -> UInt16 {
        let tail = (offset + length) % pageSize
        return page == firstPage + nrPages - 1 && tail != 0 ? UInt16(tail) : UInt16(pageSize)
    }
}

/// `struct ore_striping_info` as `_prepare_for_striping` walks it: where the next unit
/// goes, with the kernel's device numbers (mirrors included).
struct OreStripingInfo {
    var objOffset: UInt64
    var unitOff: UInt64
    var dev: Int
    /// `si->par_dev`; for RAID0 the kernel sets it to group width × mirrors ("make the
    /// math correct"), the first device of group 1.
    var parDev: Int
    /// The sp2d column of the next unit (`si->cur_comp`) and its row (`si->cur_pg`).
    var curComp: Int
    var curPg: Int
    var firstStripeStart: UInt64

    /// `ore_calc_stripe_info` for `offset`, with `cur_comp` / `cur_pg` as the final code
    /// sets them (the seed's `_prepare_for_striping` sets `cur_comp` itself).
    init(layout: OreLayout, offset: UInt64) {
        let info = layout.stripeInfo(at: offset)
        objOffset = info.objOffset
        unitOff = info.unitOffset
        dev = info.dev
        parDev = info.parityDev ?? layout.groupWidth * layout.mirrors
        curComp = info.column % layout.groupWidth
        curPg = Int(info.unitOffset / pageSize)
        firstStripeStart = info.stripeStart
    }
}

/// `struct ore_per_dev_state`: one device's part of an I/O, a single extent of the
/// object (`offset`, `length`) or, for RAID reads, a scatter-gather list.
struct OrePerDevState {
    var dev = 0
    var offset: UInt64 = 0
    var length: UInt64 = 0
    /// The bio: what each page of the extent carries, in order.
    var bio: [BioPage] = []
    /// `sglist[0 ..< cur_sg]` and `last_sgs_total`, for reads that skip parity units.
    var sglist: [(offset: UInt64, length: UInt64)] = []
    var curSg = 0
    var lastSgsTotal: UInt64 = 0

    /// What one page of a bio holds.
    enum BioPage {
        /// File page `index`, `bytes` of it (less than a page at the file's partial end).
        case data(index: Int, bytes: UInt16)
        /// Parity page `slot` of `ios->parity_pages`: stripe, row and which unit (0 = P, 1 = Q).
        case parity(slot: Int, stripe: UInt64, row: Int, unit: Int)
    }

    /// Models `_ore_add_sg_seg`: closes the current sg entry at this device's length and,
    /// unless it is the last, opens the next one `gap` bytes further (over a parity unit).
    /// A parity unit before any data on the device just moves its offset.
    mutating func addSgSeg(gap: UInt64, notLast: Bool) {
        if curSg == 0 {
            guard length > 0 else {
                offset += gap
                return
            }
            sglist = [(offset, length)]
            curSg = 1
        } else {
            sglist[curSg - 1].length = length - lastSgsTotal
        }
        let last = sglist[curSg - 1]
        if notLast {
            if sglist.count > curSg { sglist.removeLast(sglist.count - curSg) }
            sglist.append((last.offset + last.length + gap, 0))
            curSg += 1
            lastSgsTotal = length
        } else if last.length == 0 {
            curSg -= 1
        }
    }

    /// The object byte extents this device's request moves, in bio order.
    var extents: [(offset: UInt64, length: UInt64)] {
        curSg > 0 ? Array(sglist.prefix(curSg)).filter { $0.length > 0 } : [(offset, length)]
    }
}
