extension Engine {
    /// Pages the pcol may hold in one I/O (`exofs_max_io_pages`'s cap).
    var maxIOPages: Int {
        switches.maxIOPages ?? Int((layout?.maxIOLength ?? pageSize) / pageSize)
    }

    /// Mirrors the working pcol into the observable state.
    func publishPcol() { stage(.pcol(pcol)) }

    /// The pcol half of `writepage_strip` and `readpage_strip`: page `index` (`length`
    /// bytes) joins the pcol, which `submit` sends first when the page does not continue
    /// it (a discontinuity) or it is full (`pcol_add_page` fails).
    func pcolAddPage(_ index: Int, length: UInt64, submit: () -> Void) {
        while true {
            if pcol.pgFirst == -1 {
                pcol.pgFirst = index
            } else if pcol.pgFirst + pcol.nrPages != index {
                submit()
                continue
            }
            if !pcol.allocated { pcol.tryAlloc(maxIOPages: maxIOPages) }
            guard pcol.nrPages < pcol.allocPages else {
                submit()
                continue
            }
            pcol.nrPages += 1
            pcol.length += length
            publishPcol()
            return
        }
    }

    /// Models `exofs_writepages`: collect dirty pages with `write_cache_pages`, submit
    /// what is left, and in `WB_SYNC_NONE` let the remainder join the next writeout.
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
            writeCachePages(sync: sync, range: range, nrToWrite: nrToWrite ?? Int.max)
            writeExec()
            if sync {
                // "pump the last reminder"; looped so no trimmed remainder is stranded.
                while pcol.nrPages > 0 { writeExec() }
            } else if pcol.nrPages > 0 {
                for index in pcol.pages { setFlags(index, set: .dirty, clear: [.writeback, .locked]) }
            }
            pcol = PageCollect()
            publishPcol()
        }
    }

    /// Models `write_cache_pages`: walks the dirty pages in index order, locks each,
    /// clears dirty for I/O, and hands it to `writepage_strip`.
    private func writeCachePages(sync: Bool, range: PageRange?, nrToWrite: Int) {
        traced(.write_cache_pages) {
            let first = range?.lowerBound ?? 0
            let last = min(range?.upperBound ?? Int.max, state.pageSpan - 1)
            guard first <= last else { return }
            var left = nrToWrite
            for index in first...last where state.pages[index].present && state.pages[index].flags.contains(.dirty) {
                if state.pages[index].flags.contains(.locked) || state.pages[index].flags.contains(.writeback) {
                    guard sync else { continue }
                    waitOnPage(index)
                    guard state.pages[index].flags.contains(.dirty) else { continue }
                }
                setFlags(index, set: .locked)
                setFlags(index, clear: .dirty)
                writepageStrip(index)
                left -= 1
                if left <= 0 && !sync { break }
            }
        }
    }

    /// Models `writepage_strip`: adds one locked page to the pcol, submitting the pcol
    /// first on a discontinuity or when it is full. Pages past the end of file are
    /// dropped after submitting what was collected.
    func writepageStrip(_ index: Int) {
        traced(.writepage_strip, UInt64(index)) {
            let endIndex = Int(state.iSize / pageSize)
            var length = pageSize
            if index >= endIndex {
                length = state.iSize % pageSize
                if index > endIndex || length == 0 {
                    writeExec()
                    setFlags(index, clear: [.error, .locked])
                    return
                }
            }
            if switches.lockedPage {
                pcol.thatLockedPage = index
                publishPcol()
            }
            pcolAddPage(index, length: length, submit: writeExec)
            setFlags(index, set: .writeback)
        }
    }

    /// Models `write_exec`: hands the pcol to the ORE as one I/O (trimmed at a group
    /// boundary, the rest staying in the pcol for the next one) and resets the pcol.
    func writeExec() {
        guard pcol.allocated, pcol.nrPages > 0, let layout else { return }
        let collected = pcol
        traced(.write_exec, UInt64(collected.pgFirst), UInt64(collected.nrPages)) {
            let io = oreGetRwState(offset: UInt64(collected.pgFirst) * pageSize, length: collected.length)
            pcol.reset()
            pcol.keepRemainder(of: collected, taken: io.nrPages, takenLength: io.length, maxIOPages: maxIOPages)
            publishPcol()
            let pages = collected.pgFirst..<(collected.pgFirst + io.nrPages)
            r4wPrivate = collected  // ios->private = pcol_copy: what the r4w ops see
            if let requests = oreWrite(io, layout: layout) {
                track(PendingIO(kind: .write, pages: pages, requests: requests))
            } else {
                unlockPages(pages, error: true)
            }
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
