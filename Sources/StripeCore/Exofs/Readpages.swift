extension Engine {
    /// Models `exofs_readpages`: pages that are absent or not uptodate are locked in
    /// the cache and collected by `readpage_strip` into a pcol, which `read_exec`
    /// submits on a discontinuity, when it is full and at the end. Pages past the end
    /// of file are zeroed instead.
    func readpages(_ range: PageRange) {
        traced(.readpages, UInt64(range.lowerBound), UInt64(range.count)) {
            pcol = PageCollect(expectedPages: range.count)
            publishPcol()
            var why = "after pumping read_exec only once more"
            defer {
                strandIfLeft(pcol.pages, by: .readpages, why)
                pcol = PageCollect()
                publishPcol()
            }
            for index in range {
                let page = state.pages[index]
                if page.present && (page.flags.contains(.uptodate) || page.flags.contains(.locked)) { continue }
                if !page.present { emit(.pageAdd, i: UInt32(index)) }
                setFlags(index, set: .locked)
                guard readpageStrip(index) else {
                    why = "returning the error of read_cache_pages at once"
                    return
                }
            }
            // read_exec, then "pump" it once more, as exofs_writepages does.
            guard readExec(sync: false) else { return }
            pump { readExec(sync: false) }
        }
    }

    /// Models `readpage_strip` for a locked page: past the end of file it is zeroed and
    /// made uptodate (and unlocked, unless it is read for a write); otherwise it joins
    /// the pcol, which is submitted first when the page does not continue it or it is full.
    /// Returns false on an error (-ENOMEM from `pcol_try_alloc`): the page is unlocked.
    @discardableResult
    func readpageStrip(_ index: Int, forWrite: Bool = false) -> Bool {
        let endIndex = Int(state.iSize / pageSize)
        let length = index < endIndex ? pageSize : index == endIndex ? state.iSize % pageSize : 0
        guard length > 0 else {
            setFlags(index, set: .uptodate, clear: forWrite ? .error : [.error, .locked], token: 0)
            return true
        }
        guard pcolAddPage(index, length: length, submit: { readExec(sync: false) }) else {
            setFlags(index, clear: .locked)
            return false
        }
        return true
    }

    /// Models `read_exec`: `ore_get_rw_state` trims the I/O at a group boundary (the
    /// rest stays in the pcol, `_maybe_not_all_in_one_io`), then one read request per
    /// device for the data pages (reads never touch parity). A sync read (`_readpage`
    /// for a write) completes at once and leaves its page locked. Returns false when
    /// a sync read failed.
    @discardableResult
    func readExec(sync: Bool) -> Bool {
        guard pcol.nrPages > 0, let layout, !halted else { return true }
        let collected = pcol
        return traced(.read_exec, UInt64(collected.pgFirst), UInt64(collected.nrPages)) { () -> Bool in
            let ios = oreGetRwState(offset: UInt64(collected.pgFirst) * pageSize, length: collected.length, reading: true)
            pcol.reset(refill: era.pcolCap ?? maxIOPages)
            pcol.keepRemainder(of: collected, taken: ios.nrPages, takenLength: ios.length, maxIOPages: maxIOPages)
            publishPcol()
            let pages = collected.pgFirst..<(collected.pgFirst + ios.nrPages)
            guard let requests = oreRead(ios, layout: layout) else {
                // read_exec's err: path, _unlock_pcol_pages(pcol, ret, READ).
                readpagesDone(PendingIO(kind: .read, pages: pages, requests: [], error: true), unlock: !sync)
                return false
            }
            var io = PendingIO(kind: .read, pages: pages, requests: requests)
            if sync {
                for id in requests where !completeNow(id) { io.error = true }
                readpagesDone(io, unlock: false)
            } else {
                track(io)
            }
            return !io.error
        }
    }

    /// Models `readpages_done` (`_unlock_pcol_pages` for reads): pages become uptodate,
    /// or get the error flag, and are unlocked unless the read was for a write.
    func readpagesDone(_ io: PendingIO, unlock: Bool = true) {
        traced(.readpages_done, UInt64(io.pages.lowerBound), UInt64(io.pages.count)) {
            for index in io.pages {
                let unlocking: PageFlags = unlock ? .locked : []
                if io.error {
                    setFlags(index, set: .error, clear: unlocking)
                } else {
                    setFlags(index, set: .uptodate, clear: unlocking.union(.error))
                }
            }
            if !io.error { checkHonestReads(io.pages) }
        }
    }
}
