extension Engine {
    /// `exofs_max_io_pages(layout, ~0)`: the pages a pcol may hold in one I/O, `max_io_length
    /// / PAGE_SIZE` taken as the kernel's `unsigned` (or `set max-io-pages=N`), and in 3.2
    /// no more than `MAX_PAGES_KMALLOC` ("min_t(unsigned, expected_pages, MAX_PAGES_KMALLOC)").
    var maxIOPages: Int {
        let ioPages: Int
        if let pages = switches.maxIOPages {
            ioPages = pages
        } else if let layout {
            ioPages = Int(UInt32(truncatingIfNeeded: layout.maxIOLength(era: era) / pageSize))
        } else {
            ioPages = 1
        }
        return min(ioPages, era.pcolCap ?? .max)
    }

    /// Mirrors the working pcol into the observable state.
    func publishPcol() { stage(.pcol(pcol)) }

    /// The pcol half of `writepage_strip` and `readpage_strip`: page `index` (`length`
    /// bytes) joins the pcol, which `submit` sends first when the page does not continue
    /// it (a discontinuity) or it is full (`pcol_add_page` fails). Returns false when
    /// `submit` failed or `pcol_try_alloc` could not allocate (-ENOMEM: a max I/O of 0 pages).
    func pcolAddPage(_ index: Int, length: UInt64, submit: () -> Bool) -> Bool {
        while !halted {
            if pcol.pgFirst == -1 {
                pcol.pgFirst = index
            } else if pcol.pgFirst + pcol.nrPages != index {
                guard submit() else { return false }
                continue
            }
            if !pcol.allocated {
                pcol.tryAlloc(maxIOPages: maxIOPages)
                guard pcol.allocated else {
                    note("pcol_try_alloc: -ENOMEM, max_io_length allows \(maxIOPages) pages per I/O for this layout, so page \(index) cannot be collected")
                    return false
                }
            }
            guard pcol.nrPages < pcol.allocPages else {
                guard submit() else { return false }
                continue
            }
            pcol.nrPages += 1
            pcol.length += length
            publishPcol()
            return true
        }
        return false
    }

    /// Models `exofs_writepages`: collect dirty pages with `write_cache_pages`, submit
    /// what is left, and in `WB_SYNC_ALL` "pump the last reminder" with exactly one more
    /// `write_exec` (or until the pcol is empty with `set pump=loop`); in `WB_SYNC_NONE`
    /// the remainder is redirtied to join the next writeout. Any error returns at once.
    func writepages(sync: Bool, range: PageRange?, nrToWrite: Int?) {
        let start = range?.lowerBound ?? 0
        let end = range?.upperBound ?? (start + state.cachedPages)
        var expected = (start != 0 || end != 0) ? end - start + 1 : state.cachedPages
        expected = max(expected, 32)
        let args: [UInt64] = [sync ? 1 : 0, UInt64(start), range.map { UInt64($0.upperBound) } ?? .max,
                              nrToWrite.map(UInt64.init) ?? .max]
        traced(.writepages, args[0], args[1], args[2], args[3]) {
            pcol = PageCollect(expectedPages: expected)
            publishPcol()
            var why = "after pumping write_exec only once more"
            defer {
                strandIfLeft(pcol.pages, by: .writepages, why)
                pcol = PageCollect()
                publishPcol()
            }
            guard writeCachePages(sync: sync, range: range, nrToWrite: nrToWrite ?? Int.max), writeExec() else {
                why = "returning the error at once, without pumping"
                return
            }
            if sync {
                pump(writeExec)
            } else if pcol.nrPages > 0 {
                for index in pcol.pages { setFlags(index, set: .dirty, clear: [.writeback, .locked]) }
                pcol.nrPages = 0
            }
        }
    }

    /// The second `write_exec` / `read_exec` of `exofs_writepages` / `exofs_readpages`,
    /// "pump the last reminder": exactly one more call (`pump=twice`, the kernel: two in
    /// all), or calls until the pcol is empty (`set pump=loop`, the fix).
    func pump(_ exec: () -> Bool) {
        switch switches.pump ?? era.pump {
        case .twice: _ = exec()
        case .loop: while pcol.nrPages > 0, !halted, exec() {}
        }
    }

    /// Pages a returning `exofs_writepages` / `exofs_readpages` leaves in its pcol stay
    /// locked (and under writeback) with no I/O to complete them: say so where it happens.
    func strandIfLeft(_ pages: Range<Int>, by fn: KernelFunction, _ why: String) {
        guard !pages.isEmpty, !halted else { return }
        let one = pages.count == 1
        let held = fn == .writepages ? "locked and under writeback" : "locked and not uptodate"
        note("\(fn.kernelSymbol) returns with \(one ? "page \(pages.lowerBound)" : "pages \(pages.lowerBound)..\(pages.upperBound - 1)") still in its pcol \(why): \(one ? "it stays" : "they stay") \(held) with no I/O that will ever complete \(one ? "it" : "them") (stranded)")
    }

    /// Models `write_cache_pages`: walks the dirty pages in index order, locks each,
    /// clears dirty for I/O, and hands it to `writepage_strip` (or the write path's
    /// `strip`; `beforeWait` runs before the task sleeps on a page); an error ends the
    /// walk. Returns false on an error.
    func writeCachePages(sync: Bool, range: PageRange?, nrToWrite: Int, beforeWait: () -> Void = {},
                         strip: ((Int) -> Bool)? = nil) -> Bool {
        traced(.write_cache_pages) { () -> Bool in
            let first = range?.lowerBound ?? 0
            let last = min(range?.upperBound ?? Int.max, state.pageSpan - 1)
            guard first <= last else { return true }
            var left = nrToWrite
            // The dirty tag's lookup: only dirty pages are visited, each once, in index order.
            var cursor = first
            while !halted, let index = state.dirtyPages.member(atOrAfter: cursor, below: last + 1) {
                cursor = index + 1
                guard state.pages[index].present else { continue }
                if state.pages[index].flags.contains(.locked) || state.pages[index].flags.contains(.writeback) {
                    guard sync else { continue }
                    beforeWait()
                    waitOnPage(index)
                    guard !halted else { return false }
                    guard state.pages[index].flags.contains(.dirty) else { continue }
                }
                setFlags(index, set: .locked)
                setFlags(index, clear: .dirty)
                guard strip?(index) ?? writepageStrip(index) else { return false }
                left -= 1
                if left <= 0 && !sync { break }
            }
            return true
        }
    }

    /// Models `writepage_strip`: adds one locked page to the pcol, submitting the pcol
    /// first on a discontinuity or when it is full. Pages past the end of file are
    /// dropped after submitting what was collected. On an error the page is unlocked
    /// with its dirty bit already cleared and the mapping gets -EIO. Returns false then.
    @discardableResult
    func writepageStrip(_ index: Int) -> Bool {
        traced(.writepage_strip, UInt64(index)) { () -> Bool in
            let endIndex = Int(state.iSize / pageSize)
            var length = pageSize
            if index >= endIndex {
                length = state.iSize % pageSize
                if index > endIndex || length == 0 {
                    guard writeExec() else { return failWritepage(index) }
                    setFlags(index, clear: [.error, .locked])
                    return true
                }
            }
            if switches.lockedPage {
                pcol.thatLockedPage = index
                publishPcol()
            }
            guard pcolAddPage(index, length: length, submit: writeExec) else { return failWritepage(index) }
            setFlags(index, set: .writeback)
            return true
        }
    }

    /// `writepage_strip`'s `fail:` path: `mapping_set_error(-EIO)` and `unlock_page`.
    private func failWritepage(_ index: Int) -> Bool {
        if !state.mappingError { stage(.mappingError(true)) }
        setFlags(index, clear: .locked)
        return false
    }

    /// Models `write_exec`: hands the pcol to the ORE as one I/O (trimmed at a group
    /// boundary, the rest staying in the pcol for the next one) and resets the pcol.
    /// Returns false when the write failed (its pages end with the error flag).
    @discardableResult
    func writeExec() -> Bool {
        guard pcol.allocated, pcol.nrPages > 0, let layout, !halted else { return true }
        let collected = pcol
        return traced(.write_exec, UInt64(collected.pgFirst), UInt64(collected.nrPages)) { () -> Bool in
            let io = oreGetRwState(offset: UInt64(collected.pgFirst) * pageSize, length: collected.length, reading: false)
            pcol.reset(refill: era.pcolCap ?? maxIOPages)
            pcol.keepRemainder(of: collected, taken: io.nrPages, takenLength: io.length, maxIOPages: maxIOPages)
            publishPcol()
            let pages = collected.pgFirst..<(collected.pgFirst + io.nrPages)
            r4wPrivate = collected  // ios->private = pcol_copy: what the r4w ops see
            guard let requests = oreWrite(io, layout: layout) else {
                unlockPages(pages, error: true)
                return false
            }
            track(PendingIO(kind: .write, pages: pages, requests: requests))
            return true
        }
    }

    /// Models `writepages_done`: every page of the I/O ends writeback and is unlocked,
    /// with the error flag and the mapping error when the I/O failed.
    func writepagesDone(_ io: PendingIO) {
        traced(.writepages_done, UInt64(io.pages.lowerBound), UInt64(io.pages.count)) {
            unlockPages(io.pages, error: io.error)
        }
    }

    /// `update_write_page` + `end_page_writeback` + `unlock_page` for each page.
    private func unlockPages(_ pages: Range<Int>, error: Bool) {
        if error && !state.mappingError { stage(.mappingError(true)) }
        for index in pages {
            setFlags(index, set: error ? .error : [], clear: [.writeback, .locked])
        }
    }
}
