/// `struct page_collect` (fs/exofs/inode.c): the run of pages being gathered for one write_exec.
struct KPageCollect {
    var expectedPages: UInt32
    /// `pcol->pages`; nil until `pcol_try_alloc`.
    var pages: [Int]?
    var allocPages: UInt32 = 0
    var length: UInt64 = 0
    var pgFirst: Int?

    var nrPages: Int { pages?.count ?? 0 }

    /// `_pcol_init`.
    init(expectedPages: UInt32) { self.expectedPages = expectedPages }
}

extension KernelModel {
    /// `MAX_PAGES_KMALLOC` of 3.2's inode.c: `PAGE_SIZE / sizeof(struct page *)`.
    static let maxPagesKmalloc = UInt32(KLayout.pageSize / 8)

    /// `exofs_max_io_pages`: `min_t(unsigned, expected_pages, layout->max_io_length / PAGE_SIZE)`;
    /// 3.2 first takes `min_t(unsigned, expected_pages, MAX_PAGES_KMALLOC)`.
    func maxIOPages(_ expected: UInt32) -> UInt32 {
        let pages = seedProfile ? min(expected, Self.maxPagesKmalloc) : expected
        guard let length = layout.maxIOLength(seedFormula: seedProfile) else { return pages }
        return min(pages, UInt32(clamping: length / KLayout.pageSize))
    }

    /// `_pcol_reset`: the budget shrinks by what was submitted; never left at nothing (3.2:
    /// `pcol->expected_pages = MAX_PAGES_KMALLOC`; 4.18: `exofs_max_io_pages(&layout, ~0)`).
    func pcolReset(_ pcol: inout KPageCollect) {
        pcol.expectedPages -= min(UInt32(pcol.nrPages), pcol.expectedPages)
        pcol.pages = nil
        pcol.allocPages = 0
        pcol.length = 0
        pcol.pgFirst = nil
        if pcol.expectedPages == 0 { pcol.expectedPages = seedProfile ? Self.maxPagesKmalloc : maxIOPages(UInt32.max) }
    }

    /// `pcol_try_alloc`: as many page pointers as max_io_length allows; 0 is `-ENOMEM`.
    func pcolTryAlloc(_ pcol: inout KPageCollect) -> Bool {
        let pages = maxIOPages(pcol.expectedPages)
        guard pages > 0 else { return false }
        pcol.pages = pcol.pages ?? []
        pcol.allocPages = pages
        return true
    }
}
