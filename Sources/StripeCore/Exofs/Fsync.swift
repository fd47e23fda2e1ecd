extension Engine {
    /// `fsync [range=]`: models `filemap_write_and_wait_range`, a sync `writepages` of the
    /// range (by the write path in use), then `wait_on_page_writeback` for every page in it under writeback (pending
    /// completions are delivered while waiting; a stranded page is waited for forever).
    func fsync(_ range: PageRange?) {
        let first = range?.lowerBound ?? 0
        let last = range?.upperBound ?? max(0, state.pageSpan - 1)
        traced(.filemap_write_and_wait_range, UInt64(first), UInt64(last)) {
            writePath.writepages(self, sync: true, range: range, nrToWrite: nil)
            let upper = min(last, state.pageSpan - 1)
            guard !halted, first <= upper else { return }
            // `__filemap_fdatawait_range` walks the pages tagged PAGECACHE_TAG_WRITEBACK in
            // the range, not every index: here the pages locked or under writeback, looked
            // up again after each wait (a wait delivers completions).
            var next = state.busyPages.member(atOrAfter: first, below: upper + 1)
            while let index = next {
                timeline.pagesVisited += 1
                if state.pages[index].present && state.pages[index].flags.contains(.writeback) {
                    guard waitOnPage(index, in: .wait_on_page_writeback, for: .writeback) else { return }
                }
                next = state.busyPages.member(atOrAfter: index + 1, below: upper + 1)
            }
        }
    }
}
