import Testing
@testable import StripeCore

/// Hand-worked cases for the modelled kernel functions.
struct WritePathTests {
    /// Events of one kind, as their JSON field lists, for compact assertions.
    func events(_ t: Timeline, _ kind: EventKind) -> [Int] {
        (0..<t.count).filter { t.event($0).kind == kind }
    }

    @Test func writeInsideOneUnitReadsOnlyItsRows() throws {
        // 4 pages per unit, 3 data columns; page 2 is column 0 row 2.
        let t = try run("""
            layout raid5 devices=4 stripe-unit=16K
            file size=48K
            write 2
            writepages
            """)
        let exec = try #require(t.execSummaries().first)
        // Row 2 only: column 1 (page 6) and column 2 (page 10), all cold.
        #expect(exec.getPage == [[6, 0], [10, 0]])
        #expect(exec.devRead == [[1, 2], [2, 2]])
        #expect(exec.devWrite == [[0, 2], [3, 2]])
    }

    @Test func discontinuityInOneStripeSplitsTheWrite() throws {
        let t = try run(Workload.twoRunsInOneStripe)
        let execs = t.execSummaries()
        #expect(execs.map(\.pages) == [[0, 0], [2, 2]])
        // Row 0 only. The first write_exec finds page 2 in the cache, locked by
        // write_cache_pages but uptodate; the second finds page 0 written.
        #expect(execs[0].getPage == [[2, 1], [4, 1]])
        #expect(execs[1].getPage == [[0, 1], [4, 1]])
    }

    @Test func fullPcolIsSubmittedBeforeTheNextPage() throws {
        let t = try run("""
            layout raid0 devices=2 stripe-unit=4K
            set max-io-pages=4
            write 0..9
            writepages
            """)
        #expect(t.execSummaries().map(\.pages) == [[0, 3], [4, 7], [8, 9]])
    }

    /// Groups of 3 devices, 1 stripe deep: each group holds 2 data pages. Every I/O is cut
    /// at a group boundary, and exofs_writepages pumps write_exec only once after
    /// write_cache_pages: the pcol's third run (pages 4..5) is never submitted. They stay
    /// locked, clean and under writeback (invariant 6); `set pump=loop` writes them.
    @Test func ioNeverCrossesAGroupBoundary() throws {
        let text = """
            layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=1
            write 0..5
            writepages
            """
        let t = try run(text)
        #expect(t.execSummaries().map(\.pages) == [[0, 1], [2, 3]])
        let final = t.state(at: t.count - 1)
        for index in 4...5 { #expect(final.pages[index].flags == [.locked, .writeback, .uptodate]) }
        let rules = (0..<t.count).filter { t.event($0).kind == .violation }.map { t.event($0).a }
        #expect(Set(rules) == [1, 6])
        let fixed = try run(text.replacingOccurrences(of: "write 0..5", with: "set pump=loop\nwrite 0..5"))
        #expect(fixed.execSummaries().map(\.pages) == [[0, 1], [2, 3], [4, 5]])
        let end = fixed.state(at: fixed.count - 1)
        #expect(end.isQuiescent)
        #expect((0..<end.stripeSpan).allSatisfy(end.isParityConsistent))
    }

    @Test func nosyncStopsAtNrToWriteAndRedirtiesTheRemainder() throws {
        let t = try run("""
            layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=1
            write 0..5
            writepages nosync nr=3
            """)
        // Pages 0..2 collected; the I/O stops at the group boundary after page 1.
        #expect(t.execSummaries().map(\.pages) == [[0, 1]])
        let final = t.state(at: t.count - 1)
        #expect(final.pages[2].flags == [.uptodate, .dirty])
        #expect(final.pages[1].flags == [.uptodate])
        for index in 3...5 { #expect(final.pages[index].flags == [.uptodate, .dirty]) }
    }

    @Test(arguments: [("final", "zero", true), ("seed", "created", false)])
    func pagePastISize(profile: String, source: String, uptodate: Bool) throws {
        let t = try run("""
            profile \(profile)
            layout raid5 devices=4 stripe-unit=4K
            write 0
            writepages
            """)
        let gets = events(t, .r4wGetPage).map { t.json(of: $0) }
        #expect(gets.count == 2)
        for json in gets {
            #expect(json.contains("\"source\":\"\(source)\""))
            #expect(json.contains("\"uptodate\":\(uptodate)"))
        }
        let puts = events(t, .r4wPutPage).map { t.json(of: $0) }
        #expect(puts.allSatisfy { $0.contains("\"released\":\(!uptodate)") })
    }

    @Test func thatLockedPageIsUptodateWithoutAReference() throws {
        let t = try run("""
            set locked-page=on
            layout raid5 devices=4 stripe-unit=4K
            file size=12K
            write 0
            write 2
            writepages
            """)
        // writepage_strip(2) finds the discontinuity and submits page 0 while holding page 2.
        let got = events(t, .r4wGetPage).map { t.json(of: $0) }
        #expect(got.contains { $0.contains("\"index\":2") && $0.contains("\"source\":\"locked\"") && $0.contains("\"uptodate\":true") })
        let put = events(t, .r4wPutPage).map { t.json(of: $0) }
        #expect(put.contains { $0.contains("\"index\":2") && $0.contains("\"released\":false") })
        let refsAt = events(t, .r4wGetPage).map { t.state(at: $0).pages[2].refs }
        #expect(refsAt.allSatisfy { $0 == 0 })
    }

    @Test func writeBytesReadsAPartialPageFirst() throws {
        let t = try run("""
            layout raid5 devices=4 stripe-unit=4K
            file size=16K
            write-bytes offset=100 length=10
            """)
        let reads = events(t, .devRead).map { t.json(of: $0) }
        #expect(reads == [t.json(of: events(t, .devRead)[0])])
        #expect(reads[0].contains("\"purpose\":\"read\""))
        let final = t.state(at: t.count - 1)
        #expect(final.pages[0].flags == [.uptodate, .dirty])
        #expect(final.iSize == 16384)
    }

    @Test func readpagesReadsDataOnlyAndCompletesInAutoMode() throws {
        let t = try run("""
            layout raid5 devices=3 stripe-unit=4K
            file size=16K
            read 0..3
            """)
        let reads = events(t, .devRead).map { t.request(Int(t.event($0).i)) }
        // Pages 0..3 are on devices 0,1 / 2,0 (parity rotates): no parity is read.
        #expect(reads.map(\.dev) == [0, 1, 2])
        let final = t.state(at: t.count - 1)
        for index in 0...3 {
            #expect(final.pages[index].flags == [.uptodate])
            #expect(final.pages[index].token == Token.initial(page: index))
        }
    }

    /// A file of 10K on 3 devices × 4K: page 2 is the partial last page (2K of data),
    /// stripe 1's column 0 on dev 2 (object page 1), parity on dev 1. Writing into it
    /// makes an I/O of 2048 bytes: `_add_to_r4w_last_page` reads the page's other 2K
    /// from dev 2 so the parity covers them, `get_page(3)` is past i_size (the zero
    /// page), and only the 2K below i_size are written.
    @Test func partialLastPageReadsItsTailBeforeTheParity() throws {
        let t = try run("""
            layout raid5 devices=3 stripe-unit=4K
            file size=10K
            write-bytes offset=8192 length=100
            writepages
            check
            """)
        let oreWrite = try #require((0..<t.count).first { t.event($0).kind == .call && t.function(of: $0) == .ore_write })
        #expect(t.arguments(of: oreWrite).map(\.value) == [8192, 2048])
        func extents(_ kind: EventKind, purpose: IOPurpose? = nil) -> [[UInt64]] {
            events(t, kind).map { t.request(Int(t.event($0).i)) }.filter { purpose == nil || $0.purpose == purpose }
                .flatMap { request in t.extents(of: request).map { [UInt64(request.dev), $0.offset, $0.length] } }
        }
        #expect(extents(.devRead, purpose: .r4w) == [[2, 6144, 2048]])
        #expect(extents(.devWrite) == [[1, 4096, 4096], [2, 4096, 2048]])
        #expect(!(0..<t.count).contains { t.event($0).kind == .violation })
        // Nothing was ever written past i_size: dev 2's object ends 2K into its page 1.
        let final = t.state(at: t.count - 1)
        #expect(final.devices[2].objectSize == 6144)
    }

    /// The `read_exec` calls of a timeline as (pg_first, nr_pages).
    func readExecs(_ t: Timeline) -> [[UInt64]] {
        (0..<t.count).filter { t.event($0).kind == .call && t.function(of: $0) == .read_exec }
            .map { t.arguments(of: $0).map(\.value) }
    }

    /// Reads use a pcol like writes: `max-io-pages=2` makes 6 pages three read_execs.
    /// Stripe 0 holds pages 0..2 on devs 0..2, stripe 1 holds 3..5 on devs 3, 0, 1: the
    /// reads (0, 1), (2, 3), (4, 5) go to devs 0+1, 2+3, 0+1.
    @Test func readsAreSplitWhenThePcolIsFull() throws {
        let t = try run("""
            layout raid5 devices=4 stripe-unit=4K
            file size=64K
            set max-io-pages=2
            read 0..5
            """)
        #expect(readExecs(t) == [[0, 2], [2, 2], [4, 2]])
        #expect(t.state(at: t.count - 1).devices.map(\.requests) == [2, 2, 1, 1])
    }

    /// A read never crosses a group boundary either: group width 3 (2 data pages a
    /// stripe), depth 1, so pages 0..1 are group 0, 2..3 group 1, 4..5 group 0 again.
    /// Each read_exec is trimmed; exofs_readpages calls read_exec twice, so pages 4..5
    /// stay locked and not uptodate.
    @Test func readsNeverCrossAGroupBoundary() throws {
        let t = try run("""
            layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=1
            file size=64K
            read 0..5
            """)
        #expect(readExecs(t) == [[0, 6], [2, 4]])
        let reads = events(t, .devRead).map { t.request(Int(t.event($0).i)) }
        #expect(reads.map(\.dev) == [0, 1, 3, 4])
        let final = t.state(at: t.count - 1)
        for index in 4...5 { #expect(final.pages[index].flags == [.locked]) }
    }

    @Test func manualCompletionsShowTheWriteHoleWindow() throws {
        let t = try run("""
            completions manual
            layout raid5 devices=3 stripe-unit=4K
            file size=8K
            write 0
            writepages
            complete 1
            """)
        let state = t.state(at: t.count - 1)
        // Data written on dev 0, parity still in flight: stripe 0 is inconsistent.
        #expect(state.inflight.count == 1)
        #expect(!state.isParityConsistent(stripe: 0))
    }

    @Test func evictRefusesDirtyPages() throws {
        let t = try run("""
            layout raid0 devices=2 stripe-unit=4K
            cache 0..1
            write 1
            evict 0..1
            """)
        let final = t.state(at: t.count - 1)
        #expect(!final.pages[0].present)
        #expect(final.pages[1].present)
        #expect(events(t, .note).contains { t.message(of: $0)!.contains("page 1 stays in the cache, it is dirty") })
    }

    @Test func failedDeviceGivesErrorFlagAndMappingError() throws {
        let t = try run("""
            layout raid5 devices=3 stripe-unit=4K
            write 0..1
            fail dev=0
            writepages
            """)
        let final = t.state(at: t.count - 1)
        #expect(final.pages[0].flags.contains(.error))
        #expect(final.mappingError)
    }
}
