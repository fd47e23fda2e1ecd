import Testing
@testable import StripeCore

/// The kernel as written, one hand-worked case per hazard of issue 10, in each era where
/// the code differs: the exact write_execs, object offsets, stranded pages and kernel bugs.
struct KernelAsWrittenTests {
    /// Object byte extents of each `dev_write`, by device, in submission order.
    func writes(_ t: Timeline) -> [(dev: Int, extents: [[UInt64]])] {
        events(t, .devWrite).map { seq in
            let request = t.request(Int(t.event(seq).i))
            return (request.dev, t.extents(of: request).map { [$0.offset, $0.length] })
        }
    }

    /// (a) With a group width the depth counts even for one group: the cycle M grows and
    /// the parity rotation restarts every depth stripes, and every I/O is cut there.
    @Test func groupDepthCountsWithOneGroup() throws {
        let layout = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 4096, groupWidth: 4, groupDepth: 2)
        let stripe2 = layout.stripeInfo(at: 2 * layout.stripeBytes)
        #expect(stripe2.cycle == 1 && stripe2.stripe == 0 && stripe2.parityDev == 3 && stripe2.objOffset == 8192)
        let t = try run("layout raid5 devices=4 stripe-unit=4K group-width=4 group-depth=2\nwrite 0..11\nwritepages")
        #expect(t.execSummaries().map(\.pages) == [[0, 5], [6, 11]])
    }

    /// (b) A sync writeback pumps write_exec exactly once more: the third run of a pcol
    /// that crosses two group boundaries is stranded, and an fsync over it waits forever.
    @Test func strandedPagesHangFsyncAndWrite() throws {
        let base = "layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=1\nwrite 0..5\nwritepages\n"
        for (command, fn) in [("fsync range=0..5", KernelFunction.wait_on_page_writeback), ("write 4", .lock_page),
                              ("truncate size=8K", .truncate_inode_pages)] {
            let t = try run(base + command + "\nwrite 0\n")
            let last = t.count - 1
            #expect(t.bugFunction(of: last) == fn, "\(command)")
            #expect(t.message(of: last)!.contains("waits forever"))
            // Nothing after the bug runs: the later `write 0` never starts.
            #expect(!(0..<t.count).contains { t.event($0).kind == .command && t.event($0).i == 5 })
        }
        // write_cache_pages never finds the stranded pages: they are clean.
        let again = try run(base + "writepages\n")
        #expect(again.execSummaries().count == 2)
        #expect(again.bugFunction(of: again.count - 1) == nil)
    }

    /// (e) RAID0, a write that starts mid-stripe: the final code gives dev 0, first used in
    /// stripe 1, the offset of stripe 0; the seed's dev_order puts it at stripe 1.
    @Test func raid0PlacementByEra() throws {
        let text = "layout raid0 devices=4 stripe-unit=8K\nfile size=128K\nwrite 3..9\nwritepages\n"
        let final = try run("profile final\n" + text)
        let seed = try run("profile seed\n" + text)
        #expect(writes(final).map(\.dev) == [0, 1, 2, 3])
        #expect(writes(final)[0].extents == [[0, 8192]])
        #expect(writes(seed)[0].extents == [[8192, 8192]])
        #expect(writes(final)[1...].map(\.extents) == writes(seed)[1...].map(\.extents))
        #expect(violationRules(final) == [7, 1])
        #expect(violationRules(seed).isEmpty)
        // `set placement=seed` brings the 3.x placement into the final profile.
        let fixed = try run("profile final\nset placement=seed\n" + text)
        #expect(writes(fixed).map(\.extents) == writes(seed).map(\.extents))
    }

    /// (e) RAID5, a write that starts mid-unit and runs into the next stripe: si->obj_offset
    /// advanced by a whole unit but kept the unit offset, so dev 0 lands 4K too far.
    @Test func raid5PlacementStartingMidUnit() throws {
        let t = try run("layout raid5 devices=4 stripe-unit=8K\nfile size=96K\nwrite 3..8\nwritepages\n")
        let byDev = Dictionary(writes(t).map { ($0.dev, $0.extents) }, uniquingKeysWith: { a, _ in a })
        #expect(byDev[0] == [[12288, 4096]])  // page 8 belongs at object page 2 (8192)
        #expect(byDev[1] == [[4096, 4096]])   // page 3, the first unit: right
        #expect(byDev[3] == [[0, 16384]])     // parity of stripe 0, then pages 6..7: right
        #expect(violationRules(t).first == 7)
    }

    /// (c) exofs_setattr skips a same-size truncate; with mirrors ore_truncate runs past the
    /// components and hits BUG_ON in ore_comp_dev before truncating anything.
    @Test func truncateAsWritten() throws {
        let same = try run("layout raid0 devices=2 stripe-unit=4K\nfile size=8K\ntruncate size=8K\n")
        #expect(!(0..<same.count).contains { same.function(of: $0) == .ore_truncate })
        let mirrored = try run("layout raid5 devices=4 stripe-unit=4K mirrors=2\nfile size=16K\ntruncate size=4K\ncheck\n")
        #expect(mirrored.bugFunction(of: mirrored.count - 1) == .ore_comp_dev)
        #expect(mirrored.state(at: mirrored.count - 1).iSize == 16384)
    }

    /// (f) max_io_length in unsigned arithmetic: 0 with parity for units over 124 pages, so
    /// pcol_try_alloc fails and the page is dropped; the seed's formula (× group width) differs.
    @Test func maxIOLengthAsWritten() throws {
        let big = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 512 << 10)
        #expect(big.maxIOLength(era: .linux4_18) == 0)
        #expect(big.maxIOLength(era: .linux3_2) == big.stripeBytes)
        let small = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 16 << 10)
        #expect(small.maxIOLength(era: .linux4_18) == (249 * 4096 - 16384) * 3 / (3 * 16384) * (3 * 16384))
        let t = try run("layout raid5 devices=4 stripe-unit=512K\nwrite 0\nwritepages\ncheck\n")
        #expect(t.execSummaries().isEmpty)
        let end = t.state(at: t.count - 1)
        #expect(end.pages[0].flags == [.uptodate] && end.mappingError)
        #expect(Set(violationRules(t)) == [1])
    }

    /// (h) _ore_read_mirror reads copy `object id % mirrors`: object 0x10003 reads copy 1,
    /// object 0x10004 copy 0; r4w reads follow the same rule.
    @Test func mirrorReadsFollowTheObjectID() throws {
        for (ino, dev) in [(3, 1), (4, 0)] {
            let t = try run("layout raid0 devices=4 stripe-unit=4K mirrors=2\nfile size=16K ino=\(ino)\nread 0\n")
            let reads = events(t, .devRead).map { t.request(Int(t.event($0).i)).dev }
            #expect(reads == [dev], "ino \(ino)")
        }
        let r4w = try run("layout raid5 devices=6 stripe-unit=4K mirrors=2\nfile size=16K\nwrite 0\nwritepages\n")
        #expect(events(r4w, .devRead).map { r4w.request(Int(r4w.event($0).i)).dev } == [3])
    }

    /// RAID6: P and Q from one parity scheme, Q the device after P.
    @Test func raid6WritesPAndQ() throws {
        let t = try run("layout raid6 devices=5 stripe-unit=4K\nwrite 0..2\nwritepages\ncheck\n")
        let xor = try #require(events(t, .xor).first)
        guard case .xor(let update) = t.payload(of: xor) else { Issue.record("not an xor event"); return }
        #expect(update.parityDev == 3 && update.qDev == 4)
        #expect(Set(writes(t).map(\.dev)) == [0, 1, 2, 3, 4])
        #expect(violationRules(t).isEmpty)
    }

    func events(_ t: Timeline, _ kind: EventKind) -> [Int] {
        (0..<t.count).filter { t.event($0).kind == kind }
    }

    func violationRules(_ t: Timeline) -> [UInt8] {
        (0..<t.count).filter { t.event($0).kind == .violation }.map { t.event($0).a }
    }
}

/// The debugger stops on a hazard: `c` with a breakpoint on the `kernel_bug` kind or on
/// any violation reaches the events that report it.
struct HazardBreakpointTests {
    @Test func continueStopsAtTheHazards() throws {
        let t = try run("layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=1\nwrite 0..5\nwritepages\nfsync\n")
        let bug = try #require(t.nextBreakpoint(from: 0, .forward, [.kind(.kernelBug)]))
        #expect(bug == t.count - 1 && t.bugFunction(of: bug) == .wait_on_page_writeback)
        let stranded = try #require(t.nextBreakpoint(from: 0, .forward, [.violation]))
        if case .violation(let rule, _) = t.payload(of: stranded) { #expect(rule == 1 || rule == 6) } else { Issue.record("not a violation") }
        #expect(stranded < bug)
    }
}
