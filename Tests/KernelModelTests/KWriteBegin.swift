extension KernelModel {
    /// `write_begin` / `write_end` of one whole page: `lock_page` waits for I/O in flight (and
    /// forever on a stranded page); the page becomes uptodate and dirty with new content.
    func writeBeginEnd(_ index: Int) throws {
        if cache[index] == nil { cache[index] = KPage() }
        try waitUntil(index, not: .locked, fn: "lock_page")
        let content = freshContent()
        cache[index]!.content = content
        cache.set(index, [.uptodate, .dirty])
        expected[index] = content
        iSize = max(iSize, UInt64(index + 1) * KLayout.pageSize)
    }

    /// Delivers pending completions until page `index` loses `flag`; a page no I/O will ever
    /// release hangs the task (`kernel_bug` in `fn`).
    func waitUntil(_ index: Int, not flag: KFlags, fn: String) throws {
        while cache.has(index, flag) {
            guard !inflight.isEmpty else { throw KernelBug(fn: fn) }
            completeOne()
        }
    }
}
