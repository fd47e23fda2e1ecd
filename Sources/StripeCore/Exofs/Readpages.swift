extension Engine {
    /// Models `exofs_readpages`: pages that are absent or not uptodate are locked in
    /// the cache and read in contiguous runs, one `read_exec` per run. Pages past the
    /// end of file are zeroed instead, as `readpage_strip` does.
    func readpages(_ range: PageRange) {
        traced(.readpages, UInt64(range.lowerBound), UInt64(range.count)) {
            var run: Range<Int>? = nil
            func flush() {
                if let r = run, !r.isEmpty { readExec(r, sync: false) }
                run = nil
            }
            let endIndex = Int(state.iSize / pageSize)
            let tail = state.iSize % pageSize
            for index in range {
                let page = state.pages[index]
                if page.present && (page.flags.contains(.uptodate) || page.flags.contains(.locked)) {
                    flush()
                    continue
                }
                if !page.present { emit(.pageAdd, i: UInt32(index)) }
                setFlags(index, set: .locked)
                if index > endIndex || (index == endIndex && tail == 0) {
                    flush()
                    setFlags(index, set: .uptodate, clear: [.error, .locked], token: 0)
                    continue
                }
                if let r = run, r.upperBound == index { run = r.lowerBound..<(index + 1) } else {
                    flush()
                    run = index..<(index + 1)
                }
            }
            flush()
        }
    }

    /// Models `read_exec`: one read request per device for the data pages of `pages`
    /// (reads never touch parity). A sync read (read-modify-write) completes at once
    /// and leaves its page locked. Returns false when a sync read failed.
    @discardableResult
    func readExec(_ pages: Range<Int>, sync: Bool) -> Bool {
        guard let layout else { return false }
        return traced(.read_exec, UInt64(pages.lowerBound), UInt64(pages.count)) { () -> Bool in
            var perDev: [Int: [RequestEntry]] = [:]
            for index in pages {
                let location = layout.location(ofPage: index)
                perDev[location.dev, default: []].append(RequestEntry(objPage: location.objPage, isParity: false, value: UInt64(index)))
            }
            let requests = perDev.keys.sorted().map { submit(dev: $0, purpose: .read, entries: perDev[$0]!) }
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
        }
    }
}
