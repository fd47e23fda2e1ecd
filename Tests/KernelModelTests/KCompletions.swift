extension KernelModel {
    /// One device request completes (submission order): its data lands on the object, and the
    /// last request of an ore_io_state calls `writepages_done`.
    func completeOne() {
        let request = inflight.removeFirst()
        for write in request.writes {
            let old = devices.content(dev: request.dev, objPage: write.objPage)
            devices.write(dev: request.dev, objPage: write.objPage, content: .splice(write.content, write.length, old))
        }
        iosPages[request.ios]!.remaining -= 1
        if iosPages[request.ios]!.remaining == 0 {
            writepagesDone(iosPages.removeValue(forKey: request.ios)!.pages)
        }
    }

    func completeAll() {
        while !inflight.isEmpty { completeOne() }
    }

    /// `writepages_done` without an I/O error: `update_write_page` → `end_page_writeback`, then
    /// `unlock_page`, for every page of the pcol.
    func writepagesDone(_ pages: [Int]) {
        for index in pages { cache.clear(index, [.writeback, .locked]) }
    }
}
