/// `-ENOMEM` from `pcol_try_alloc`, passed up through writepage_strip and write_cache_pages.
struct KNoMemory: Error {}

extension KernelModel {
    /// `exofs_writepages`: expected_pages from the range, `write_cache_pages`, then `write_exec`
    /// once and in sync mode exactly once more ("pump the last reminder"); nosync redirties the
    /// rest ("let the reminder join the next writeout"). `set pump=loop` pumps until empty.
    func exofsWritepages(sync: Bool, range: ClosedRange<Int>?, nrToWrite: Int?) throws {
        let start = range?.lowerBound ?? 0
        let end = range?.upperBound ?? start + cache.nrPages
        var expected = (start != 0 || end != 0) ? end - start + 1 : cache.nrPages
        if expected < 32 { expected = 32 }
        var pcol = KPageCollect(expectedPages: UInt32(expected))
        do {
            try writeCachePages(&pcol, sync: sync, range: range, nrToWrite: nrToWrite)
            try writeExec(&pcol)
            if sync {
                try writeExec(&pcol)
                while pumpLoop && pcol.nrPages > 0 { try writeExec(&pcol) }
            } else {
                for index in pcol.pages ?? [] {
                    cache.clear(index, [.writeback, .locked])
                    cache.set(index, .dirty)
                }
            }
        } catch is KNoMemory {
            return
        }
    }

    /// `write_cache_pages` (mm/page-writeback.c, 4.18): the tagged walk in index order; lock,
    /// skip what is no longer dirty, wait on (sync) or skip (nosync) writeback, clear dirty for
    /// I/O, `writepage_strip`; an error ends the walk; nosync stops when nr_to_write is used up.
    func writeCachePages(_ pcol: inout KPageCollect, sync: Bool, range: ClosedRange<Int>?, nrToWrite: Int?) throws {
        var left = nrToWrite ?? Int.max
        for index in cache.dirtyIndices(in: range ?? 0...Int.max) {
            guard cache.has(index, .dirty) else { continue }
            if sync {
                try waitUntil(index, not: .locked, fn: "lock_page")
                try waitUntil(index, not: .writeback, fn: "wait_on_page_writeback")
            } else if cache.has(index, .locked) || cache.has(index, .writeback) {
                continue
            }
            cache.set(index, .locked)
            cache.clear(index, .dirty)
            try writepageStrip(index, &pcol)
            left -= 1
            if left <= 0 && !sync { break }
        }
    }

    /// `writepage_strip`: skip pages past i_size (submitting what was collected), submit on a
    /// discontinuity or a full pcol, then add the page and set writeback; it stays locked.
    func writepageStrip(_ index: Int, _ pcol: inout KPageCollect) throws {
        let endIndex = Int(iSize / KLayout.pageSize)
        var len = KLayout.pageSize
        if index >= endIndex {
            len = iSize % KLayout.pageSize
            if index > endIndex || len == 0 {
                try writeExec(&pcol)
                cache.clear(index, [.error, .locked])
                return
            }
        }
        while true {
            if let first = pcol.pgFirst, first + pcol.nrPages != index {
                try writeExec(&pcol)
                continue
            }
            if pcol.pgFirst == nil { pcol.pgFirst = index }
            if pcol.pages == nil, !pcolTryAlloc(&pcol) {
                cache.clear(index, .locked)   // set_bit(AS_EIO); unlock_page; the data is dropped
                throw KNoMemory()
            }
            if UInt32(pcol.nrPages) >= pcol.allocPages {
                try writeExec(&pcol)
                continue
            }
            pcol.pages!.append(index)
            pcol.length += len
            cache.set(index, .writeback)
            return
        }
    }
}
