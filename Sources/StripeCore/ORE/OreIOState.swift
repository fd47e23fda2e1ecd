/// The part of the ORE's `struct ore_io_state` the model needs for one write.
struct OreIOState {
    var offset: UInt64
    /// Bytes of this I/O, trimmed at a group boundary (`ios->length`).
    var length: UInt64
    var nrPages: Int
    /// Object pages each device gets, in order: data and parity units together.
    var perDev: [Int: [RequestEntry]] = [:]
    /// Pages `get_page` reported not uptodate, waiting for `_read_4_write_execute`.
    var r4wReads: [(index: Int, dev: Int, objPage: UInt64, start: UInt16)] = []
    /// Stripe start offset of the first stripe of the I/O.
    var firstStripeStart: UInt64

    var firstPage: Int { Int(offset / pageSize) }

    /// Bytes of page `page` this I/O covers: the whole page, except the last one when
    /// the I/O ends inside it (the file's partial last page).
    func bytes(ofPage page: Int) -> UInt16 {
        let tail = (offset + length) % pageSize
        return page == firstPage + nrPages - 1 && tail != 0 ? UInt16(tail) : UInt16(pageSize)
    }
}

extension Engine {
    /// Models `ore_get_rw_state`: an I/O never crosses a group boundary.
    func oreGetRwState(offset: UInt64, length: UInt64) -> OreIOState {
        traced(.ore_get_rw_state, offset, length) {
            let si = layout!.stripeInfo(at: offset)
            let trimmed = min(length, si.bytesToGroupEnd ?? length)
            return OreIOState(offset: offset, length: trimmed,
                              nrPages: Int((trimmed + pageSize - 1) / pageSize),
                              firstStripeStart: si.stripeStart)
        }
    }

    /// Models `ore_write`: stripes the pages, adds parity, then submits one write
    /// request per device. Returns the request ids, or nil when the ORE refuses the
    /// write (RAID5 without r4w ops: -ENOTSUPP).
    func oreWrite(_ initial: OreIOState, layout: OreLayout) -> [Int]? {
        traced(.ore_write, initial.offset, initial.length) {
            if layout.parity > 0 && !switches.r4w {
                note("ore_write: -ENOTSUPP, a RAID5 write needs the r4w ops to read partial stripes")
                return nil
            }
            var io = initial
            prepareForStriping(&io, layout: layout)
            var requests: [Int] = []
            for dev in io.perDev.keys.sorted() {
                requests.append(submit(dev: dev, purpose: .write, entries: io.perDev[dev]!))
            }
            return requests
        }
    }

    /// Models `_prepare_for_striping`: each data page goes to its device; at the end of
    /// each stripe, and at the end of the I/O, `_ore_add_parity_unit`.
    private func prepareForStriping(_ io: inout OreIOState, layout: OreLayout) {
        traced(._prepare_for_striping, io.offset, io.length) {
            let perStripe = layout.pagesInStripe
            var index = io.firstPage
            let end = io.firstPage + io.nrPages
            var firstStripe = true
            while index < end {
                let stripe = layout.stripe(ofPage: index)
                let stripeEnd = min(end, Int(stripe + 1) * perStripe)
                if layout.parity > 0 {
                    sp2d = Sp2dView(stripe: stripe, rows: layout.pagesInUnit, dataColumns: layout.dataDevices,
                                    parityColumns: layout.parity,
                                    cells: Array(repeating: .empty, count: layout.pagesInUnit * layout.groupWidth))
                    stage(.sp2dBegin(stripe: stripe))
                }
                for page in index..<stripeEnd {
                    let location = layout.location(ofPage: page)
                    // The file's partial last page: only its bytes below i_size are written.
                    let entry = RequestEntry(objPage: location.objPage, isParity: false, end: io.bytes(ofPage: page),
                                             value: state.pages[page].token)
                    for dev in layout.devicesHolding(page: page) { io.perDev[dev, default: []].append(entry) }
                    if layout.parity > 0 {
                        let (row, column) = cell(ofPage: page, layout: layout)
                        setCell(row: row, column: column, .written)
                    }
                }
                if layout.parity > 0 {
                    addParityUnit(&io, stripe: stripe, first: firstStripe, last: stripeEnd == end, layout: layout)
                }
                firstStripe = false
                index = stripeEnd
            }
        }
    }

    /// The sp2d row and column of file page `page`.
    func cell(ofPage page: Int, layout: OreLayout) -> (row: Int, column: Int) {
        let inStripe = page % layout.pagesInStripe
        return (inStripe % layout.pagesInUnit, inStripe / layout.pagesInUnit)
    }

    /// Changes one sp2d cell, in the working copy and (through aux) on screen.
    func setCell(row: Int, column: Int, _ cell: Sp2dCell) {
        sp2d![row, column] = cell
        stage(.sp2dCell(row: row, column: column, cell: cell))
    }
}
