extension Engine {
    /// Models the final code's `_add_parity_units`: P on the parity device, then (RAID6)
    /// Q on the next one; each device gets `si->obj_offset - si->unit_off` the first time
    /// it is used; the XOR (or syndrome) and the r4w work run with the last unit.
    func addParityUnits(_ ios: inout OreIOState, si: inout OreStripingInfo, dev: Int, firstDev: Int,
                        curLen: UInt64, layout: OreLayout) -> Bool {
        var dev = dev
        for doParity in stride(from: layout.parity, to: 0, by: -1) {
            let comp = dev - firstDev
            if ios.perDev[comp].length == 0 && ios.perDev[comp].offset == 0 {
                ios.perDev[comp].dev = dev
                ios.perDev[comp].offset = si.objOffset - si.unitOff
            }
            guard oreAddParityUnit(&ios, si: &si, comp: comp, curLen: curLen, doXor: doParity == 1,
                                   unit: layout.parity - doParity, layout: layout) else { return false }
            if doParity != 1 {
                dev = (dev + layout.mirrors) % (layout.groupWidth * layout.mirrors) + firstDev
                si.curComp = (si.curComp + 1) % layout.groupWidth
            }
        }
        return true
    }

    /// Models `_ore_add_parity_unit`. A read skips the parity unit with an sg gap. A write
    /// completes the stripe's rows with read-4-write (the first stripe when this parity
    /// device has nothing yet, the last when no length is left), adds parity pages for
    /// rows min_p..max_p, and with the last parity unit computes them and releases the
    /// pages got through r4w.
    func oreAddParityUnit(_ ios: inout OreIOState, si: inout OreStripingInfo, comp: Int, curLen: UInt64,
                          doXor: Bool, unit: Int, layout: OreLayout) -> Bool {
        if ios.reading {
            guard ios.perDev[comp].curSg < ios.sgsPerDev else {
                note("_ore_add_parity_unit: -ENOMEM, dev \(ios.perDev[comp].dev) needs more than sgs_per_dev=\(ios.sgsPerDev) sg entries")
                return false
            }
            ios.perDev[comp].addSgSeg(gap: curLen, notLast: true)
            return true
        }
        let stripe = sp2d!.stripe
        return traced(._ore_add_parity_unit, stripe) { () -> Bool in
            guard let rows = sp2d?.writtenRows else { return true }
            si.curPg = rows.lowerBound
            if ios.perDev[comp].length == 0 {
                ios.perDev[comp].offset += UInt64(rows.lowerBound) * pageSize
                if doXor { readForWriteFirstStripe(&ios, rows: rows, layout: layout) }
            }
            if curLen == 0 && doXor { readForWriteLastStripe(&ios, stripe: stripe, rows: rows, layout: layout) }
            readForWriteExecute(&ios, stripe: stripe)
            for row in rows {
                ios.perDev[comp].bio.append(.parity(slot: ios.parityPages.count, stripe: stripe, row: row, unit: unit))
                ios.parityPages.append(0)
                ios.perDev[comp].length += pageSize
                setCell(row: row, column: si.curComp, .parity)
            }
            if doXor {
                genXorUnit(&ios, stripe: stripe, rows: rows, layout: layout)
                sp2dReset(stripe: stripe, layout: layout)
            }
            return true
        }
    }

    /// Models `_gen_xor_unit`: each parity row from the row's data pages, written and got
    /// through r4w alike (`async_xor`, or `async_gen_syndrome` for P and Q).
    private func genXorUnit(_ ios: inout OreIOState, stripe: UInt64, rows: ClosedRange<Int>, layout: OreLayout) {
        traced(._gen_xor_unit, stripe) {
            let firstPage = Int(stripe) * layout.pagesInStripe
            var computed: [Int: [UInt64]] = [:]
            for row in rows {
                let data = (0..<layout.dataDevices).map { column -> UInt64 in
                    sp2d![row, column] == .zero ? 0 : state.pages[firstPage + column * layout.pagesInUnit + row].token
                }
                computed[row] = ParityScheme.parity(of: data, units: layout.parity)
            }
            for dev in ios.perDev.indices {
                for case let .parity(slot, pageStripe, row, unit) in ios.perDev[dev].bio where pageStripe == stripe {
                    ios.parityPages[slot] = computed[row]?[unit] ?? 0
                }
            }
            let slots = layout.paritySlots(stripe: stripe, row: rows.lowerBound)
            let offset = UInt64(timeline.args.count)
            timeline.args.append(contentsOf: [stripe, UInt64(rows.lowerBound), UInt64(rows.upperBound),
                                              UInt64(slots[0].devs.lowerBound), readModifyWritePages(layout: layout),
                                              UInt64(slots.count > 1 ? slots[1].devs.lowerBound + 1 : 0)])
            emit(.xor, x: offset)
        }
    }

    /// What md's read-modify-write would read for this stripe if it is partial: the
    /// old data of every written page and the old parity of every written row.
    private func readModifyWritePages(layout: OreLayout) -> UInt64 {
        let data = 0..<layout.dataDevices
        let rows = (0..<layout.pagesInUnit).filter { r in data.contains { sp2d![r, $0] == .written } }
        let written = rows.reduce(0) { n, r in n + data.filter { sp2d![r, $0] == .written }.count }
        guard written < layout.pagesInStripe else { return 0 }
        return UInt64(written + rows.count * layout.parity)
    }

    /// An empty sp2d for `stripe`, in the working copy and on screen.
    func beginSp2d(stripe: UInt64, layout: OreLayout) {
        sp2d = Sp2dView(stripe: stripe, rows: layout.pagesInUnit, dataColumns: layout.dataDevices,
                        parityColumns: layout.parity,
                        cells: Array(repeating: .empty, count: layout.pagesInUnit * layout.groupWidth))
        stage(.sp2dBegin(stripe: stripe))
    }

    /// Models `_sp2d_reset`: `put_page` for every page got through r4w, in the era's order
    /// (3.2: rows ascending, each row's columns ascending; 3.5+: columns from last to first,
    /// rows from last to first); the sp2d is empty again.
    private func sp2dReset(stripe: UInt64, layout: OreLayout) {
        traced(._sp2d_reset, stripe) {
            let firstPage = Int(stripe) * layout.pagesInStripe
            let rows = 0..<layout.pagesInUnit
            let columns = 0..<layout.dataDevices
            let cells: [(row: Int, column: Int)] = switch era.putOrder {
            case .rowsThenColumnsAscending: rows.flatMap { r in columns.map { (r, $0) } }
            case .columnsThenRowsDescending: columns.reversed().flatMap { c in rows.reversed().map { ($0, c) } }
            }
            for (row, column) in cells {
                let cell = sp2d![row, column]
                guard cell.isRead else { continue }
                r4wPutPage(firstPage + column * layout.pagesInUnit + row, cell: cell)
            }
            sp2d = nil
            stage(.sp2dEnd)
        }
    }
}
