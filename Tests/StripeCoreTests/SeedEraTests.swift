import Testing
@testable import StripeCore

/// Issue 21: each place where Linux 3.2 (`profile seed`) differs from 4.18 (`profile
/// final`), worked out by hand from the code and run in both profiles.
extension KernelAsWrittenTests {
    func both(_ text: String) throws -> (seed: Timeline, final: Timeline) {
        (try run("profile seed\n" + text), try run("profile final\n" + text))
    }

    func flags(_ t: Timeline, page: Int) -> PageFlags { t.state(at: t.count - 1).pages[page].flags }

    /// The functions open (called, not returned) at event `seq`.
    func openCalls(_ t: Timeline, at seq: Int) -> [KernelFunction] {
        t.state(at: seq).stack.compactMap { t.function(of: $0) }
    }

    /// (A) 3.2's `_ore_post_alloc_raid_stuff` cuts an I/O over more than one stripe at the
    /// last stripe boundary: 0..1 (a whole stripe, no r4w), then page 2 with the r4w of page 3.
    @Test func stripeCutSplitsTheWrite() throws {
        let (seed, final) = try both("layout raid5 devices=3 stripe-unit=4K\nwrite 0..2\nwritepages\ncheck\n")
        let cut = seed.execSummaries()
        #expect(cut.map(\.pages) == [[0, 1], [2, 2]])
        #expect(cut[0].getPage.isEmpty && cut[0].devRead.isEmpty)
        #expect(cut[1].getPage == [[3, 0]])
        #expect(final.execSummaries().map(\.pages) == [[0, 2]])
        #expect(violationRules(seed).isEmpty && violationRules(final).isEmpty)
    }

    /// (A) The cut page goes to the next pcol; the sync pump's one more `write_exec` takes
    /// the group's first part, so the cut page 10 is stranded in 3.2 only.
    @Test func stripeCutStrandsUnderTheSyncPump() throws {
        let (seed, final) = try both("layout raid5 devices=3 stripe-unit=4K group-width=3 group-depth=3\nwrite 0..10\nwritepages\ncheck\n")
        #expect(seed.execSummaries().map(\.pages) == [[0, 5], [6, 9]])
        #expect(flags(seed, page: 10).isSuperset(of: [.locked, .writeback]))
        #expect(violationRules(seed).contains(6))
        #expect(final.execSummaries().map(\.pages) == [[0, 5], [6, 10]])
        #expect(flags(final, page: 10).isDisjoint(with: [.locked, .writeback, .dirty]))
        #expect(!violationRules(final).contains(6))
    }

    /// (A) In nosync writeback the cut page is redirtied and unlocked for the next writeout.
    @Test func stripeCutRedirtiesInNosync() throws {
        let (seed, final) = try both("layout raid5 devices=3 stripe-unit=4K\nwrite 0..2\nwritepages nosync\n")
        #expect(seed.execSummaries().map(\.pages) == [[0, 1]])
        #expect(flags(seed, page: 2).contains(.dirty) && !flags(seed, page: 2).contains(.locked))
        #expect(final.execSummaries().map(\.pages) == [[0, 2]])
        #expect(!flags(final, page: 2).contains(.dirty))
    }

    /// (B) `_sp2d_reset` in 3.2 puts rows ascending, each row's columns ascending; 3.5+
    /// columns from last to first, rows from last to first. Pages 4..5 are column 2 of
    /// stripe 0 (2-page units): r4w gets 0, 1 (column 0) and 2, 3 (column 1).
    @Test func putOrderByEra() throws {
        let (seed, final) = try both("layout raid5 devices=4 stripe-unit=8K\nwrite 4..5\nwritepages\n")
        #expect(seed.execSummaries().map(\.putPage) == [[0, 2, 1, 3]])
        #expect(final.execSummaries().map(\.putPage) == [[3, 2, 1, 0]])
    }

    /// (D) 3.2's `exofs_max_io_pages` caps a pcol at MAX_PAGES_KMALLOC (512) below a
    /// max_io_length of 992 pages; 4.18 has no such cap.
    @Test func pcolCapByEra() throws {
        let (seed, final) = try both("layout raid0 devices=4 stripe-unit=4K\nwrite 0..599\nwritepages\n")
        #expect(seed.execSummaries().map(\.pages) == [[0, 511], [512, 599]])
        #expect(final.execSummaries().map(\.pages) == [[0, 599]])
    }

    /// 3.2's `max_io_length` (× group width) is 0 too, from larger units than 4.18's: with
    /// 3 devices, (249 − su) × 3 < 2 × su from 150 pages; 4.18's × 2 from 125 pages.
    @Test func maxIOLengthZeroFromLargerUnitsIn3_2() throws {
        let pages = { (su: UInt64) in try OreLayout(raid: .raid5, devices: 3, stripeUnit: su * 4096) }
        #expect(try pages(124).maxIOLength(era: .linux4_18) > 0)
        #expect(try pages(125).maxIOLength(era: .linux4_18) == 0)
        #expect(try pages(149).maxIOLength(era: .linux3_2) == 2 * 149 * 4096)
        #expect(try pages(150).maxIOLength(era: .linux3_2) == 0)
    }

    /// (E) RAID0 with several groups in 3.2: `si->par_dev = group_width` is group 1's first
    /// device, so a group-1 write that reaches the group's last column takes it for parity and
    /// oopses in `_sp2d_min_pg(NULL)` inside `ore_write`; a read hits BUG_ON in
    /// `_ore_add_parity_unit`. 4.18's `_add_parity_units` adds nothing for RAID0.
    @Test func raid0GroupOneOopsesIn3_2() throws {
        let layout = "layout raid0 devices=6 stripe-unit=4K group-width=2 group-depth=1\n"
        let (seed, final) = try both(layout + "write 2..3\nwritepages\ncheck\n")
        let bug = seed.count - 1
        #expect(seed.bugFunction(of: bug) == ._sp2d_min_pg)
        #expect(openCalls(seed, at: bug).contains(.ore_write))
        #expect(events(seed, .devWrite).isEmpty)
        #expect(events(final, .kernelBug).isEmpty && violationRules(final).isEmpty)

        let (seedRead, finalRead) = try both(layout + "file size=48K\nread 2..3\ncheck\n")
        #expect(seedRead.bugFunction(of: seedRead.count - 1) == ._ore_add_parity_unit)
        #expect(openCalls(seedRead, at: seedRead.count - 1).suffix(4) == [.read_exec, .ore_read, ._prepare_for_striping, ._ore_add_parity_unit],
                "exofs's read_exec calls ore_read, which stripes the pages")
        #expect(events(finalRead, .kernelBug).isEmpty && violationRules(finalRead).isEmpty)
        // Group 0 is right in 3.2: par_dev lies past it, and _dev_order's RAID0 test holds.
        let group0 = try run("profile seed\n" + layout + "write 0..1\nwritepages\ncheck\n")
        #expect(events(group0, .kernelBug).isEmpty && violationRules(group0).isEmpty)
    }

    /// (E) In groups 2+ `_dev_order` misses its RAID0 test too: dev 5, column 1, comes out
    /// order 0, below the first device's 1, and lands one stripe row off (object page 1, not
    /// 0), caught by invariant 7 when the request is submitted. 4.18 places both right.
    @Test func raid0GroupTwoRowOffIn3_2() throws {
        let (seed, final) = try both("layout raid0 devices=6 stripe-unit=4K group-width=2 group-depth=1\nwrite 4..5\nwritepages\ncheck\n")
        #expect(writes(seed).map(\.dev) == [4, 5])
        #expect(writes(seed).map(\.extents) == [[[0, 4096]], [[4096, 4096]]])
        #expect(violationRules(seed).first == 7)
        let firstViolation = try #require(events(seed, .violation).first)
        #expect(seed.event(firstViolation - 1).kind == .devWrite)
        #expect(writes(final).map(\.extents) == [[[0, 4096]], [[0, 4096]]])
        #expect(violationRules(final).isEmpty)
    }

    /// (A) A cut inside the walk: page 5 does not continue pcol 0..2, whose write_exec is
    /// cut to 0..1; writepage_strip's `goto try_again` submits the kept page 2 (still not
    /// continued by 5) before page 5 starts a pcol of its own. Nothing is stranded.
    @Test func stripeCutThenDiscontinuity() throws {
        let seed = try run("profile seed\nlayout raid5 devices=3 stripe-unit=4K\nwrite 0..2\nwrite 5\nwritepages\ncheck\n")
        #expect(seed.execSummaries().map(\.pages) == [[0, 1], [2, 2], [5, 5]])
        #expect(violationRules(seed).isEmpty)
    }

    /// (B) Several rows and columns, r4w before and after the write (4 devices, 3-page units,
    /// pages 2..3 = column 0 row 2 and column 1 row 0): 3.2 puts row 0 (0, 6), row 1 (1, 4,
    /// 7), row 2 (5, 8); 4.18 column 2 down to 0, each from its last row.
    @Test func putOrderOverRowsAndColumns() throws {
        let (seed, final) = try both("layout raid5 devices=4 stripe-unit=12K\nwrite 2..3\nwritepages\n")
        #expect(seed.execSummaries().map(\.putPage) == [[0, 6, 1, 4, 7, 5, 8]])
        #expect(final.execSummaries().map(\.putPage) == [[8, 7, 6, 5, 4, 1, 0]])
    }

    /// (E) `dev == si->par_dev` is tested whatever length is left: a group-1 write of the
    /// last column alone still wraps to par_dev and oopses. With three columns a group-1
    /// write from column 0 that stops short of the last has no oops, but column 1 comes out
    /// order 0, not above column 0's 2, and lands a row off. In group 2 an I/O from column 1
    /// is placed right (column 2's order 1 is above 0) and one from column 0 is not.
    @Test func raid0GroupsEdgesIn3_2() throws {
        let two = "profile seed\nlayout raid0 devices=6 stripe-unit=4K group-width=2 group-depth=1\n"
        let lastColumn = try run(two + "write 3\nwritepages\n")
        #expect(lastColumn.bugFunction(of: lastColumn.count - 1) == ._sp2d_min_pg)
        let notLast = try run(two + "write 2\nwritepages\ncheck\n")
        #expect(events(notLast, .kernelBug).isEmpty && violationRules(notLast).isEmpty)

        let three = "profile seed\nlayout raid0 devices=9 stripe-unit=4K group-width=3 group-depth=1\n"
        let group1 = try run(three + "write 3..4\nwritepages\n")
        #expect(events(group1, .kernelBug).isEmpty)
        #expect(writes(group1).map(\.extents) == [[[0, 4096]], [[4096, 4096]]])
        #expect(violationRules(group1).first == 7)
        let group2FromColumn1 = try run(three + "write 7..8\nwritepages\ncheck\n")
        #expect(writes(group2FromColumn1).map(\.extents) == [[[0, 4096]], [[0, 4096]]])
        #expect(violationRules(group2FromColumn1).isEmpty)
        let group2FromColumn0 = try run(three + "write 6..8\nwritepages\n")
        #expect(writes(group2FromColumn0).map(\.extents) == [[[0, 4096]], [[4096, 4096]], [[4096, 4096]]])
    }
}
