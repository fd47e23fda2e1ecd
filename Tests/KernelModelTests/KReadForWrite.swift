/// The r4w read ios (`ios->ios_read_4_write`): per component the byte ranges to read (one sg
/// entry per gap, `_add_to_r4w`), and which page each range fills.
struct KReadIOS {
    struct PerDev {
        var dev = 0
        var extents: [(UInt64, UInt64)] = []
    }
    var perDev: [PerDev]
    var fills: [(cell: KCell, dev: Int, objOffset: UInt64, length: UInt64)] = []
}

extension KernelModel {
    /// `__r4w_get_page`. Final: past i_size the zero page, uptodate; else `find_get_page` or
    /// `find_or_create_page` (a reference either way) and `PageUptodate`. Seed: no zero page, and
    /// a dirty or writeback page counts as uptodate.
    func r4wGetPage(_ offset: UInt64) -> (KCell, Bool) {
        let index = Int(offset / KLayout.pageSize)
        if !seedProfile && offset >= iSize {
            current!.gets.append(KGet(index: index, uptodate: true, source: "zero"))
            return (.zero(index), true)
        }
        let source = cache[index] == nil ? "created" : "cache"
        if cache[index] == nil { cache[index] = KPage() }
        cache[index]!.refs += 1
        let flags = cache[index]!.flags
        let uptodate = dirtyUptodate ?? seedProfile ? !flags.isDisjoint(with: [.uptodate, .dirty, .writeback]) : flags.contains(.uptodate)
        current!.gets.append(KGet(index: index, uptodate: uptodate, source: source))
        return (.page(index), uptodate)
    }

    /// `__r4w_put_page`: drop the reference, except for the zero page.
    func r4wPutPage(_ cell: KCell) {
        switch cell {
        case .page(let index):
            cache[index]!.refs -= 1
            current!.puts.append(index)
        case .zero(let index): current!.puts.append(index)
        case .parity: break
        }
    }

    /// `_add_to_r4w`: a range of a page to read, on the component the mapping gives.
    func addToR4W(_ ios: KIOState, dev: Int, objOffset: UInt64, cell: KCell, length: UInt64) {
        if ios.readForWrite == nil {
            ios.readForWrite = KReadIOS(perDev: Array(repeating: KReadIOS.PerDev(), count: layout.devsInGroup))
        }
        let comp = dev % layout.devsInGroup
        ios.readForWrite!.perDev[comp].dev = dev
        ios.readForWrite!.perDev[comp].extents.append((objOffset, length))
        ios.readForWrite!.fills.append((cell, dev, objOffset, length))
    }

    /// `_read_4_write_first_stripe`: from the stripe's start, column by column, rows min_p..max_p,
    /// `get_page` every page until the first page this I/O writes.
    func readForWriteFirstStripe(_ ios: KIOState) {
        var offset = ios.firstStripeStart
        guard offset != ios.offset else { return }
        let minP = ios.sp2d!.minPg, maxP = ios.sp2d!.maxPg
        for column in 0..<ios.sp2d!.dataDevs {
            var readSi = layout.calcStripeInfo(offset, length: 0)
            readSi.objOffset += UInt64(minP) * KLayout.pageSize
            offset += UInt64(minP) * KLayout.pageSize
            var row = minP
            while row <= maxP {
                if ios.sp2d!.cells[row][column] != nil { return }
                let (cell, uptodate) = r4wGetPage(offset)
                ios.sp2d!.cells[row][column] = cell
                if !uptodate { addToR4W(ios, dev: readSi.dev, objOffset: readSi.objOffset, cell: cell, length: KLayout.pageSize) }
                ios.sp2d!.isRead[row][column] = true
                readSi.objOffset += KLayout.pageSize
                offset += KLayout.pageSize
                row += 1
            }
            offset += UInt64(ios.sp2d!.pagesInUnit - row) * KLayout.pageSize
        }
        preconditionFailure("_read_4_write_first_stripe found no written page")
    }

    /// `_read_4_write_last_stripe`: the tail of a partial last page, then every page after the
    /// I/O to the end of its stripe, in file order, rows min_p..max_p only.
    func readForWriteLastStripe(_ ios: KIOState) {
        var offset = ios.offset + ios.length
        if offset % KLayout.pageSize != 0 {
            let si = layout.calcStripeInfo(offset, length: 0)   // _add_to_r4w_last_page
            let cell = ios.sp2d!.cells[si.curPg][si.curComp]!
            let length = KLayout.pageSize - si.unitOff % KLayout.pageSize
            addToR4W(ios, dev: si.dev, objOffset: si.objOffset, cell: cell, length: length)
            offset += length
        }
        let bytesInStripe = layout.bytesInStripe
        let lastStripeEnd = (offset + bytesInStripe - 1) / bytesInStripe * bytesInStripe
        guard offset != lastStripeEnd else { return }
        var readSi = layout.calcStripeInfo(offset, length: 0)
        var row = readSi.curPg, column = readSi.curComp
        let minP = ios.sp2d!.minPg, maxP = ios.sp2d!.maxPg
        while offset < lastStripeEnd {
            if minP <= row && row <= maxP {
                precondition(ios.sp2d!.cells[row][column] == nil, "BUG_ON(_1ps->pages[c])")
                let (cell, uptodate) = r4wGetPage(offset)
                ios.sp2d!.cells[row][column] = cell
                ios.sp2d!.isRead[row][column] = true
                if !uptodate { addToR4W(ios, dev: readSi.dev, objOffset: readSi.objOffset, cell: cell, length: KLayout.pageSize) }
            }
            offset += KLayout.pageSize
            if row == ios.sp2d!.pagesInUnit - 1 {
                column += 1
                row = 0
                readSi = layout.calcStripeInfo(offset, length: 0)
            } else {
                readSi.objOffset += KLayout.pageSize
                row += 1
            }
        }
    }

    /// `_read_4_write_execute`: one synchronous read per component (`_ore_read_mirror` reads copy
    /// `object id % mirrors`); the pages read become uptodate with the device's content.
    func readForWriteExecute(_ ios: KIOState) {
        guard let read = ios.readForWrite else { return }
        let copy = Int(objectID % UInt64(layout.mirrors))
        for master in stride(from: 0, to: layout.devsInGroup, by: layout.mirrors) where !read.perDev[master].extents.isEmpty {
            current!.reads.append(KDevIO(dev: read.perDev[master].dev + copy, extents: read.perDev[master].extents))
        }
        for fill in read.fills {
            guard case .page(let index) = fill.cell else { continue }
            let read = devices.content(dev: fill.dev + copy, objPage: Int(fill.objOffset / KLayout.pageSize))
            let from = Int(fill.objOffset % KLayout.pageSize)   // the tail of a partial last page
            cache[index]!.content = .splice(cache[index]!.content, from, read)
            cache.set(index, .uptodate)
            cache.clear(index, .error)
        }
        ios.readForWrite = nil
    }
}
