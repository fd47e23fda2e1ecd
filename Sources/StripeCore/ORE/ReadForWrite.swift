extension Engine {
    /// Models `_read_4_write_first_stripe`: when the I/O does not start on a stripe
    /// boundary, `get_page` the pages of its first stripe before the first written one,
    /// column by column, rows min_p..max_p only, stopping at the first cell the I/O
    /// already fills. It reads `ios->si.first_stripe_start` and `ios->offset`, the I/O's
    /// own, whichever stripe's parity is being added.
    func readForWriteFirstStripe(_ ios: inout OreIOState, rows: ClosedRange<Int>, layout: OreLayout) {
        traced(._read_4_write_first_stripe, UInt64(ios.si.firstStripeStart / layout.stripeBytes)) {
            guard ios.si.firstStripeStart != ios.offset else { return }
            let firstPage = Int(ios.si.firstStripeStart / pageSize)
            for column in 0..<layout.dataDevices {
                for row in rows {
                    guard sp2d![row, column] == .empty else { return }
                    readForWriteGet(&ios, page: firstPage + column * layout.pagesInUnit + row,
                                    row: row, column: column, layout: layout)
                }
            }
        }
    }

    /// Models `_read_4_write_last_stripe`: when the I/O ends inside a page (the file's
    /// partial last page), `_add_to_r4w_last_page` reads the rest of that page from its
    /// device, so the parity covers what the device holds there. Then, when the I/O
    /// does not end on a stripe boundary, `get_page` the pages after the last written
    /// one up to the end of the stripe, in file order, rows min_p..max_p only.
    func readForWriteLastStripe(_ ios: inout OreIOState, stripe: UInt64, rows: ClosedRange<Int>, layout: OreLayout) {
        traced(._read_4_write_last_stripe, stripe) {
            let end = ios.firstPage + ios.nrPages
            let covered = ios.bytes(ofPage: end - 1)
            if covered < UInt16(pageSize) {
                let location = layout.location(ofPage: end - 1)
                ios.r4wReads.append((end - 1, location.dev, location.objPage, covered))
            }
            let stripeEnd = Int(stripe + 1) * layout.pagesInStripe
            guard end < stripeEnd else { return }
            for page in end..<stripeEnd {
                let (row, column) = cell(ofPage: page, layout: layout)
                guard rows.contains(row) else { continue }
                readForWriteGet(&ios, page: page, row: row, column: column, layout: layout)
            }
        }
    }

    /// One r4w `get_page` into the sp2d; a page that is not uptodate is queued for
    /// `_read_4_write_execute` (`_add_to_r4w`).
    private func readForWriteGet(_ ios: inout OreIOState, page: Int, row: Int, column: Int, layout: OreLayout) {
        let got = r4wGetPage(page)
        setCell(row: row, column: column, got.cell)
        if !got.uptodate {
            let location = layout.location(ofPage: page)
            ios.r4wReads.append((page, location.dev, location.objPage, 0))
        }
    }

    /// Models `_read_4_write_execute`: reads the queued pages synchronously, one request
    /// per device (`_ore_read_mirror` picks the mirror copy by object id), then marks them
    /// uptodate. A failed read leaves them as they are; `_ore_add_parity_unit` does not
    /// look at the error and computes the parity anyway.
    func readForWriteExecute(_ ios: inout OreIOState, stripe: UInt64) {
        traced(._read_4_write_execute, stripe) {
            guard !ios.r4wReads.isEmpty else { return }
            let reads = ios.r4wReads
            ios.r4wReads.removeAll()
            var requests: [Int] = []
            for dev in Set(reads.map(\.dev)).sorted() {
                let entries = reads.filter { $0.dev == dev }.sorted { $0.objPage < $1.objPage }
                    .map { RequestEntry(objPage: $0.objPage, isParity: false, start: $0.start, value: UInt64($0.index)) }
                requests.append(submit(dev: readMirror(dev), purpose: .r4w, entries: entries))
            }
            var failed = false
            for id in requests where !completeNow(id) { failed = true }
            guard !failed else { return }
            for dev in Set(reads.map(\.dev)).sorted() {
                for read in reads where read.dev == dev {
                    if state.pages[read.index].flags.contains(.dirty) {
                        violation(rule: 4, "r4w read page \(read.index) from dev \(readMirror(read.dev)) (object page \(read.objPage), stripe \(stripe)) over dirty data: the newer content in the cache is lost")
                    }
                    setFlags(read.index, set: .uptodate, clear: .error)
                }
            }
        }
    }

    /// `_ore_read_mirror`: reads go to mirror copy `object id % mirrors` of the component.
    func readMirror(_ dev: Int) -> Int { layout?.readCopy(of: dev, objectID: objectID) ?? dev }

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
