import Testing
@testable import StripeCore

struct ReclaimTruncateTests {
    func devicePagesWritten(_ t: Timeline) -> UInt64 {
        t.state(at: t.count - 1).devices.reduce(0) { $0 + $1.pagesWritten }
    }

    /// 4 devices × 4K: a stripe is 3 data pages and 1 parity page. Six dirty pages are
    /// two whole stripes: writepages writes 6 + 2 pages; one page at a time through
    /// `.writepage` each page costs itself and a parity page: 12.
    @Test(arguments: [(true, UInt64(12)), (false, UInt64(8))])
    func reclaimWithWritepage(on: Bool, written: UInt64) throws {
        let t = try run("set writepage=\(on ? "on" : "off")\n" + Workload.sixDirtyPagesReclaimed)
        #expect(devicePagesWritten(t) == written)
        #expect(t.execSummaries().count == (on ? 6 : 1))
        #expect(!(0..<t.count).contains { t.event($0).kind == .violation })
    }

    @Test func reclaimFreesCleanPagesInIndexOrder() throws {
        let t = try run("""
            layout raid5 devices=4 stripe-unit=4K
            file size=48K
            cache 0..5
            write 1
            reclaim pages=3
            """)
        let final = t.state(at: t.count - 1)
        #expect((0..<6).map { final.pages[$0].present } == [false, true, false, false, true, true])
    }

    /// Truncate to 10K inside stripe 0 (data on devs 0, 1, 2, parity on dev 3). The
    /// kernel's rule: devs before the end device keep their unit (4K), the end device
    /// keeps 2K, devs after it are cut to the unit's start (0), parity included.
    @Test func truncateIntoStripeZeroCutsItsParity() throws {
        let t = try run("""
            layout raid5 devices=4 stripe-unit=4K
            file size=24K
            truncate size=10K
            check
            """)
        let final = t.state(at: t.count - 1)
        #expect(final.devices.map(\.objectSize) == [4096, 4096, 2048, 0])
        #expect(final.iSize == 10240)
        let rules = (0..<t.count).filter { t.event($0).kind == .violation }.map { t.event($0).a }
        #expect(Set(rules) == [2])
        #expect(final.inconsistentRows(stripe: 0) == [0])
    }

    /// Truncate to 16K, the start of rotated stripe 1 (parity on dev 2, data columns
    /// on devs 3, 0, 1). The end device is dev 0, so devs 1, 2, 3 are cut to the
    /// stripe's start: dev 3 held page 3, below the new size, and it is lost.
    @Test func truncateIntoARotatedStripeLosesData() throws {
        let t = try run("""
            layout raid5 devices=4 stripe-unit=4K
            file size=24K
            truncate size=16K
            check
            """)
        let final = t.state(at: t.count - 1)
        #expect(final.devices.map(\.objectSize) == [4096, 4096, 4096, 4096])
        let violations = (0..<t.count).filter { t.event($0).kind == .violation }
        #expect(Set(violations.map { t.event($0).a }) == [1])
        #expect(t.message(of: violations[0])!.contains("page 3 does not read back"))
    }

    @Test func truncateDropsCachedPagesAndZeroesThePartialTail() throws {
        let t = try run("""
            layout raid0 devices=2 stripe-unit=4K
            write 0..3
            writepages
            truncate size=6K
            check
            """)
        let final = t.state(at: t.count - 1)
        #expect(final.pages[0].present && final.pages[1].present)
        #expect(!final.pages[2].present && !final.pages[3].present)
        #expect(!(0..<t.count).contains { t.event($0).kind == .violation })
    }

    /// `_do_truncate` runs `ore_truncate` first, then `truncate_setsize`, whose
    /// truncate_inode_pages_range waits for the partial last page's writeback before it
    /// zeroes the tail: the objects are cut, then the old write lands past the cut.
    @Test func truncateWaitsForThePartialPagesWriteback() throws {
        let t = try run("""
            layout raid0 devices=2 stripe-unit=4K
            completions manual
            write 0..1
            writepages
            truncate size=6K
            complete all
            check
            """)
        let setsize = try #require((0..<t.count).first { t.function(of: $0) == .truncate_setsize })
        let oreTruncate = try #require((0..<t.count).first { t.function(of: $0) == .ore_truncate })
        let lastDone = try #require((0..<t.count).last { t.event($0).kind == .ioDone })
        #expect(oreTruncate < setsize && setsize < lastDone, "ore_truncate, then truncate_setsize waits for the write")
        // The write completed after the cut: dev 1's object grew back to a whole page.
        #expect(t.state(at: t.count - 1).devices[1].objectSize == 4096)
    }

    /// 3 devices × 16K, truncate to 32K (the start of stripe 1, parity on dev 1, data
    /// columns on devs 2 and 0). The end device is dev 2: devs 0 and 1 keep 32K, dev 2 is
    /// cut to 16K. Stripe 1 is past the new size but its parity and one data unit stay
    /// on disk: the check still covers it and finds every row inconsistent.
    @Test func truncateLeavesAStripeBehindAndTheCheckStillSeesIt() throws {
        let t = try run("""
            layout raid5 devices=3 stripe-unit=16K
            file size=112K
            truncate size=32K
            check
            """)
        let final = t.state(at: t.count - 1)
        #expect(final.devices.map(\.objectSize) == [32768, 32768, 16384])
        #expect(final.inconsistentRows(stripe: 1) == [0, 1, 2, 3])
        let rules = Set((0..<t.count).filter { t.event($0).kind == .violation }.map { t.event($0).a })
        #expect(rules == [2])
    }
}
