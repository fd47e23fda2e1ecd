extension Engine {
    /// Memory pressure (`shrink_page_list` over the file's pages in index order):
    /// frees up to `pages` clean, unlocked, unreferenced pages. A dirty page goes to
    /// `.writepage` when `set writepage=on` brings the old single-page path back, and
    /// is kept otherwise (`.writepage = NULL`, as the seed patch makes it).
    func reclaim(pages: Int) {
        traced(.shrink_page_list, UInt64(pages)) {
            var freed = 0
            var index = 0
            while freed < pages, index < state.pageSpan {
                defer { index += 1 }
                let page = state.pages[index]
                guard page.present, page.refs == 0,
                      page.flags.isDisjoint(with: [.locked, .writeback]) else { continue }
                if page.flags.contains(.dirty) {
                    // The old `.writepage` is exofs's; a filesystem on md has none here.
                    guard switches.writepage, writePath is ExofsORE else { continue }
                    setFlags(index, set: .locked)
                    setFlags(index, clear: .dirty)
                    exofsWritepage(index)
                } else {
                    emit(.pageRemove, i: UInt32(index))
                    freed += 1
                }
            }
        }
    }

    /// Models the old `exofs_writepage`: a one-page pcol through `writepage_strip` and
    /// `write_exec`, so every dirty page is its own (partial-stripe) write.
    private func exofsWritepage(_ index: Int) {
        traced(.writepage, UInt64(index)) {
            let outer = pcol
            pcol = PageCollect(expectedPages: 1)
            publishPcol()
            writepageStrip(index)
            writeExec()
            pcol = outer
            publishPcol()
        }
    }
}
