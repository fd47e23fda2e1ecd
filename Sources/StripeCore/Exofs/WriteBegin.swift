extension Engine {
    /// One user write into page `index` (`write_begin` then `write_end`), of `length`
    /// bytes at `offset` within the page. A partial write of a page that is not
    /// uptodate reads it first, as exofs's read-modify-write (`_readpage(page, true)`);
    /// when that read fails, the write fails and nothing is written. Returns false then.
    @discardableResult
    func writePage(_ index: Int, offset: UInt64, length: UInt64) -> Bool {
        if state.pages[index].present { guard waitOnPage(index) else { return false } }
        let begun = traced(.write_begin, UInt64(index)) { () -> Bool in
            if !state.pages[index].present { emit(.pageAdd, i: UInt32(index)) }
            setFlags(index, set: .locked)
            guard !state.pages[index].flags.contains(.uptodate), length != pageSize else { return true }
            guard writePath.readForWrite(self, index) else {
                setFlags(index, clear: .locked)
                note("write_begin(\(index)): _readpage failed with -EIO, so the write fails and the page is not dirtied")
                return false
            }
            return true
        }
        guard begun else { return false }
        traced(.write_end, UInt64(index)) {
            tokensIssued += 1
            let token = Token.fresh(tokensIssued)
            userWrote(index)
            let end = UInt64(index) * pageSize + offset + length
            if end > state.iSize { stage(.iSize(end)) }
            setFlags(index, set: [.uptodate, .dirty], clear: .locked, token: token)
        }
        return true
    }

    /// The read half of a partial write, `_readpage(page, true)`: a page past the end
    /// of file is zeroed, any other is read synchronously and stays locked. Returns
    /// false when the read failed.
    func readForModify(_ index: Int) -> Bool {
        traced(.readpage, UInt64(index)) {
            pcol = PageCollect(expectedPages: 1)
            readpageStrip(index, forWrite: true)
            let read = pcol.nrPages == 0 || readExec(sync: true)
            pcol = PageCollect()
            publishPcol()
            return read
        }
    }

    /// `write-bytes offset= length=`: byte-granular user writes, page by page.
    func writeBytes(offset: UInt64, length: UInt64) {
        var position = offset
        let end = offset + length
        while position < end {
            let index = Int(position / pageSize)
            let inPage = position % pageSize
            let chunk = min(pageSize - inPage, end - position)
            guard writePage(index, offset: inPage, length: chunk) else { return }
            position += chunk
        }
    }

    /// `cache RANGE [dirty]`: pages already in the cache, clean and uptodate with the
    /// device's content, or dirty as if written. A page already cached keeps its
    /// content unless `dirty` writes it anew.
    func cache(_ range: PageRange, dirty: Bool) {
        guard let layout = state.geometry else { return }
        for index in range {
            if state.pages[index].present {
                guard dirty else { continue }
                guard waitOnPage(index) else { return }
            } else {
                emit(.pageAdd, i: UInt32(index))
            }
            if dirty {
                tokensIssued += 1
                let token = Token.fresh(tokensIssued)
                userWrote(index)
                let end = UInt64(index + 1) * pageSize
                if end > state.iSize { stage(.iSize(end)) }
                setFlags(index, set: [.uptodate, .dirty], token: token)
            } else {
                let location = layout.location(ofPage: index)
                let onDisk = state.devices[location.dev].token(at: Int(location.objPage))
                setFlags(index, set: .uptodate, token: onDisk)
            }
        }
    }
}
