extension Engine {
    /// Models `_ore_add_parity_unit` for a write: complete the stripe's rows with
    /// read-4-write, compute the parity rows, queue them for the parity device, and
    /// release the pages got through r4w.
    func addParityUnit(_ io: inout OreIOState, stripe: UInt64, first: Bool, last: Bool, layout: OreLayout) {
        traced(._ore_add_parity_unit, stripe) {
            guard let rows = sp2d?.writtenRows else { return }
            let stripeStart = stripe * layout.stripeBytes
            if first { readForWriteFirstStripe(&io, stripe: stripe, stripeStart: stripeStart, rows: rows, layout: layout) }
            if last { readForWriteLastStripe(&io, stripe: stripe, rows: rows, layout: layout) }
            readForWriteExecute(&io, stripe: stripe)
            genXorUnit(&io, stripe: stripe, rows: rows, layout: layout)
            sp2dReset(stripe: stripe, layout: layout)
        }
    }

    /// Models `_gen_xor_unit`: each parity row is the XOR of the row's data pages,
    /// written and got through r4w alike.
    private func genXorUnit(_ io: inout OreIOState, stripe: UInt64, rows: ClosedRange<Int>, layout: OreLayout) {
        traced(._gen_xor_unit, stripe) {
            let firstPage = Int(stripe) * layout.pagesInStripe
            for row in rows {
                var parity: UInt64 = 0
                for column in 0..<layout.dataDevices where sp2d![row, column] != .zero {
                    parity ^= state.pages[firstPage + column * layout.pagesInUnit + row].token
                }
                let slot = layout.paritySlot(stripe: stripe, row: row)
                for dev in slot.devs {
                    io.perDev[dev, default: []].append(RequestEntry(objPage: slot.objPage, isParity: true, value: parity))
                }
                setCell(row: row, column: layout.dataDevices, .parity)
            }
            let offset = UInt64(timeline.args.count)
            let parityDev = layout.paritySlot(stripe: stripe, row: 0).devs.lowerBound
            timeline.args.append(contentsOf: [stripe, UInt64(rows.lowerBound), UInt64(rows.upperBound), UInt64(parityDev),
                                              readModifyWritePages(layout: layout)])
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

    /// Models `_sp2d_reset`: `put_page` for every page got through r4w, columns from
    /// last to first, rows from last to first; the sp2d is empty again.
    private func sp2dReset(stripe: UInt64, layout: OreLayout) {
        traced(._sp2d_reset, stripe) {
            let firstPage = Int(stripe) * layout.pagesInStripe
            for column in stride(from: layout.dataDevices - 1, through: 0, by: -1) {
                for row in stride(from: layout.pagesInUnit - 1, through: 0, by: -1) {
                    let cell = sp2d![row, column]
                    guard cell.isRead else { continue }
                    r4wPutPage(firstPage + column * layout.pagesInUnit + row, cell: cell)
                }
            }
            sp2d = nil
            stage(.sp2dEnd)
        }
    }
}
