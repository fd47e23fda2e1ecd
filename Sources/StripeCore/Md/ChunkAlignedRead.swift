extension MdRaid5 {
    /// `readpages` over md: pages absent or not uptodate are locked in the cache and read
    /// in bios of contiguous pages, which md splits at chunk boundaries and sends to
    /// the data disks straight (`raid5_read_one_chunk`: an array in sync reads around
    /// the stripe cache, never parity). Pages past the end of file are zeroed instead.
    func chunkAlignedRead(_ engine: Engine, _ range: PageRange) {
        engine.traced(.readpages, UInt64(range.lowerBound), UInt64(range.count)) {
            let endIndex = Int((engine.state.iSize + pageSize - 1) / pageSize)
            var run: [Int] = []
            for index in range where !engine.halted {
                let page = engine.state.pages[index]
                if page.present && (page.flags.contains(.uptodate) || page.flags.contains(.locked)) { continue }
                if !page.present { engine.emit(.pageAdd, i: UInt32(index)) }
                guard index < endIndex else {
                    engine.setFlags(index, set: .uptodate, clear: [.error, .locked], token: 0)
                    continue
                }
                engine.setFlags(index, set: .locked)
                if let last = run.last, last + 1 != index || run.count == Self.bioMaxPages {
                    readChunks(engine, run)
                    run = []
                }
                run.append(index)
            }
            readChunks(engine, run)
        }
    }

    /// The read before a partial write (`block_write_begin` reading the page): past the
    /// end of file the page is zeroed, otherwise read from its data disk at once, or
    /// rebuilt from its row when that disk failed (`computeBlock`); it stays locked.
    /// False when the read failed.
    func readForWrite(_ engine: Engine, _ index: Int) -> Bool {
        engine.traced(.readpage, UInt64(index)) { () -> Bool in
            guard UInt64(index) * pageSize < engine.state.iSize else {
                engine.setFlags(index, set: .uptodate, clear: .error, token: 0)
                return true
            }
            let (dev, objPage) = geometry.location(ofPage: index)
            if engine.state.devices[dev].failed { return computeBlock(engine, index, unlock: false) }
            let id = engine.submit(dev: dev, purpose: .read, entries: [RequestEntry(objPage: objPage, isParity: false, value: UInt64(index))])
            guard engine.completeNow(id) else {
                engine.setFlags(index, set: .error)
                return false
            }
            engine.setFlags(index, set: .uptodate, clear: .error)
            return true
        }
    }

    /// One read bio: a request per chunk it spans; a chunk on a failed disk is rebuilt
    /// page by page (`computeBlock`).
    private func readChunks(_ engine: Engine, _ pages: [Int]) {
        var start = 0
        while start < pages.count {
            let chunk = pages[start] / geometry.pagesInUnit
            var end = start
            while end < pages.count, pages[end] / geometry.pagesInUnit == chunk { end += 1 }
            let piece = Array(pages[start..<end])
            start = end
            let dev = geometry.location(ofPage: piece[0]).dev
            // A failed disk: each page through the stripe cache, rebuilt from its row.
            if engine.state.devices[dev].failed {
                for index in piece where !engine.halted { _ = computeBlock(engine, index, unlock: true) }
                continue
            }
            engine.traced(.raid5_read_one_chunk, UInt64(piece[0]), UInt64(piece.count)) {
                let entries = piece.map { RequestEntry(objPage: geometry.location(ofPage: $0).objPage, isParity: false, value: UInt64($0)) }
                let id = engine.submit(dev: dev, purpose: .read, entries: entries)
                requests[id] = .read(pages: piece)
                engine.track(PendingIO(kind: .writePath, pages: 0..<0, requests: [id]))
            }
        }
    }

    /// The read bio completed: its pages are uptodate (the page cache took the disk's
    /// content at the completion) and unlocked, or carry the error flag.
    func readDone(_ engine: Engine, pages: [Int], error: Bool) {
        for index in pages {
            engine.setFlags(index, set: error ? .error : .uptodate, clear: error ? .locked : [.locked, .error])
        }
    }
}
