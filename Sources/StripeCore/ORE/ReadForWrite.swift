extension Engine {
    /// Models `_read_4_write_first_stripe`: when the I/O does not start on a stripe
    /// boundary, `get_page` the pages before the first written one, column by column,
    /// rows min_p..max_p only, stopping at the first cell the I/O already fills.
    func readForWriteFirstStripe(_ io: inout OreIOState, stripe: UInt64, stripeStart: UInt64,
                                 rows: ClosedRange<Int>, layout: OreLayout) {
        traced(._read_4_write_first_stripe, stripe) {
            guard stripeStart != io.offset else { return }
            let firstPage = Int(stripeStart / pageSize)
            for column in 0..<layout.dataDevices {
                for row in rows {
                    guard sp2d![row, column] == .empty else { return }
                    readForWriteGet(&io, page: firstPage + column * layout.pagesInUnit + row,
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
    func readForWriteLastStripe(_ io: inout OreIOState, stripe: UInt64, rows: ClosedRange<Int>, layout: OreLayout) {
        traced(._read_4_write_last_stripe, stripe) {
            let end = io.firstPage + io.nrPages
            let covered = io.bytes(ofPage: end - 1)
            if covered < UInt16(pageSize) {
                let location = layout.location(ofPage: end - 1)
                io.r4wReads.append((end - 1, location.dev, location.objPage, covered))
            }
            let stripeEnd = Int(stripe + 1) * layout.pagesInStripe
            guard end < stripeEnd else { return }
            for page in end..<stripeEnd {
                let (row, column) = cell(ofPage: page, layout: layout)
                guard rows.contains(row) else { continue }
                readForWriteGet(&io, page: page, row: row, column: column, layout: layout)
            }
        }
    }

    /// One r4w `get_page` into the sp2d; a page that is not uptodate is queued for
    /// `_read_4_write_execute` (`_add_to_r4w`).
    private func readForWriteGet(_ io: inout OreIOState, page: Int, row: Int, column: Int, layout: OreLayout) {
        let got = r4wGetPage(page)
        setCell(row: row, column: column, got.cell)
        if !got.uptodate {
            let location = layout.location(ofPage: page)
            io.r4wReads.append((page, location.dev, location.objPage, 0))
        }
    }

    /// Models `_read_4_write_execute`: reads the queued pages synchronously, one
    /// request per device, then marks them uptodate.
    func readForWriteExecute(_ io: inout OreIOState, stripe: UInt64) {
        traced(._read_4_write_execute, stripe) {
            guard !io.r4wReads.isEmpty else { return }
            let reads = io.r4wReads
            io.r4wReads.removeAll()
            var requests: [Int] = []
            for dev in Set(reads.map(\.dev)).sorted() {
                let entries = reads.filter { $0.dev == dev }.sorted { $0.objPage < $1.objPage }
                    .map { RequestEntry(objPage: $0.objPage, isParity: false, start: $0.start, value: UInt64($0.index)) }
                requests.append(submit(dev: dev, purpose: .r4w, entries: entries))
            }
            var failed = false
            for id in requests where !completeNow(id) { failed = true }
            // ore_io_execute failed: the pages are left as they are, not marked uptodate.
            guard !failed else { return }
            for dev in Set(reads.map(\.dev)).sorted() {
                for read in reads where read.dev == dev {
                    if state.pages[read.index].flags.contains(.dirty) {
                        violation(rule: 4, "r4w read page \(read.index) from dev \(read.dev) (object page \(read.objPage), stripe \(stripe)) over dirty data: the newer content in the cache is lost")
                    }
                    setFlags(read.index, set: .uptodate, clear: .error)
                }
            }
        }
    }
}
