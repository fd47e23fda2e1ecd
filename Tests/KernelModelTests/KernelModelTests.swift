import XCTest

/// The model's own arithmetic, against values worked out by hand from the kernel code quoted
/// in /work/kernel/DIFFERENCES.md, so a differential failure can be trusted to be the engine's.
final class KernelModelTests: XCTestCase {
    func testRAID5IsLeftSymmetric() {
        let layout = KLayout(parity: 1, devices: 4, stripeUnit: 4096, mirrors: 1, groupWidth: nil, groupDepth: nil)
        XCTAssertEqual(layout.calcStripeInfo(0, length: 4096).parDev, 3)
        XCTAssertEqual(layout.home(ofPage: 0).dev, 0)
        // Stripe 1: parity one device left, data starting on the device after it.
        XCTAssertEqual(layout.calcStripeInfo(3 * 4096, length: 4096).parDev, 2)
        XCTAssertEqual(layout.home(ofPage: 3).dev, 3)
        XCTAssertEqual(layout.home(ofPage: 3).objPage, 1)
    }

    func testRAID6PairMovesTwoLeftAndMirrorsMultiply() {
        let raid6 = KLayout(parity: 2, devices: 5, stripeUnit: 4096, mirrors: 1, groupWidth: nil, groupDepth: nil)
        XCTAssertEqual(raid6.calcStripeInfo(0, length: 0).parDev, 3)
        XCTAssertEqual(raid6.calcStripeInfo(3 * 4096, length: 0).parDev, 1)
        XCTAssertEqual(raid6.home(ofPage: 3).dev, 3)
        let mirrored = KLayout(parity: 1, devices: 6, stripeUnit: 4096, mirrors: 2, groupWidth: nil, groupDepth: nil)
        XCTAssertEqual(mirrored.home(ofPage: 1).dev, 2)
        XCTAssertEqual(mirrored.calcStripeInfo(0, length: 0).parDev, 4)
    }

    func testGroupDepthCutsTheIOEvenWithOneGroup() {
        let layout = KLayout(parity: 1, devices: 3, stripeUnit: 4096, mirrors: 1, groupWidth: 3, groupDepth: 1)
        XCTAssertEqual(layout.calcStripeInfo(4096, length: 10 * 4096).length, 4096)
        XCTAssertEqual(layout.home(ofPage: 2).objPage, 1)
    }

    func testMaxIOLengthInUnsignedArithmetic() {
        func raid5(_ unitPages: UInt64) -> KLayout {
            KLayout(parity: 1, devices: 4, stripeUnit: unitPages * 4096, mirrors: 1, groupWidth: nil, groupDepth: nil)
        }
        XCTAssertEqual(raid5(124).maxIOLength(seedFormula: false), 3 * 124 * 4096)
        XCTAssertEqual(raid5(125).maxIOLength(seedFormula: false), 0)
        XCTAssertNil(raid5(250).maxIOLength(seedFormula: false))
        // 3.2 multiplied by the group width: (249 - 4) × 4 pages, down to whole 12-page stripes.
        XCTAssertEqual(raid5(4).maxIOLength(seedFormula: true), 972 * 4096)
    }

    /// Final `_prepare_for_striping` on RAID0 group 0: dev 0, first used after the wrap, gets
    /// `obj_offset - unit_off` (its current row) instead of the next row.
    func testFinalPlacementMisplacesRAID0AfterTheWrap() {
        let commands: [KCommand] = [
            .layout(parity: 0, devices: 3, stripeUnitPages: 2, mirrors: 1, groupWidth: nil, groupDepth: nil),
            .file(size: 49152, ino: nil), .write(17...26), .writepages(sync: true, range: nil, nr: nil),
        ]
        let final = KernelModel.run(commands)
        XCTAssertEqual(final.execs.first?.writes.first, KDevIO(dev: 0, extents: [(16384, 16384)]))
        let seed = KernelModel.run([.placementSeed(true)] + commands)
        XCTAssertEqual(seed.execs.first?.writes.first, KDevIO(dev: 0, extents: [(24576, 16384)]))
        XCTAssertEqual(final.checks, [])
    }

    /// 3.2 RAID0 with groups: `si->par_dev = group_width` is group 1's first device, so a
    /// group-1 write that wraps past the group's last column reaches "parity" with no sp2d and
    /// oopses; in group 2 `_dev_order` (par_dev - first_dev wraps) puts dev 5 one row off.
    func test3_2RAID0GroupsAsWritten() {
        let layout = KCommand.layout(parity: 0, devices: 6, stripeUnitPages: 1, mirrors: 1, groupWidth: 2, groupDepth: 1)
        let sync = KCommand.writepages(sync: true, range: nil, nr: nil)
        XCTAssertEqual(KernelModel.run([.profile(seed: true), layout, .write(2...3), sync]).kernelBug, "_sp2d_min_pg")
        XCTAssertNil(KernelModel.run([layout, .write(2...3), sync]).kernelBug)
        let group2 = KernelModel.run([.profile(seed: true), layout, .write(4...5), sync, .check])
        XCTAssertEqual(group2.execs.first?.writes, [KDevIO(dev: 4, extents: [(0, 4096)]), KDevIO(dev: 5, extents: [(4096, 4096)])])
        XCTAssertEqual(KernelModel.devOrder(2, 1, 2, 5), 0)  // column 1 of group 2, order 0
        XCTAssertEqual(KernelModel.devOrder(2, 1, 2, 1), 1)  // group 0: the RAID0 test holds
    }

    /// 3.2's stripe cut, put order and pcol cap, from the table: two write_execs for
    /// pages 0..2 of a 2-page stripe, puts 0, 2, 1, 3 for pages 4..5, and 512 + 88 pages.
    func test3_2StripeCutPutOrderAndPcolCap() {
        let sync = KCommand.writepages(sync: true, range: nil, nr: nil)
        let cut = KernelModel.run([.profile(seed: true), .layout(parity: 1, devices: 3, stripeUnitPages: 1, mirrors: 1, groupWidth: nil, groupDepth: nil), .write(0...2), sync])
        XCTAssertEqual(cut.execs.map(\.pgFirst), [0, 2])
        XCTAssertEqual(cut.execs.last?.gets.map(\.index), [3])
        let puts = KernelModel.run([.profile(seed: true), .layout(parity: 1, devices: 4, stripeUnitPages: 2, mirrors: 1, groupWidth: nil, groupDepth: nil), .write(4...5), sync])
        XCTAssertEqual(puts.execs.first?.puts, [0, 2, 1, 3])
        let cap = KernelModel.run([.profile(seed: true), .layout(parity: 0, devices: 4, stripeUnitPages: 1, mirrors: 1, groupWidth: nil, groupDepth: nil), .write(0...599), sync])
        XCTAssertEqual(cap.execs.map(\.nrPages), [512, 88])
    }

    /// Sync writepages pumps twice: a run over two group boundaries strands its third part
    /// (locked, under writeback, no I/O), which `check` reports as rule 6 — and rule 1, its data
    /// never reached the devices.
    func testPumpTwiceStrandsTheThirdGroup() {
        let trace = KernelModel.run([
            .layout(parity: 1, devices: 3, stripeUnitPages: 1, mirrors: 1, groupWidth: 3, groupDepth: 1),
            .write(0...5), .writepages(sync: true, range: nil, nr: nil), .check,
        ])
        XCTAssertEqual(trace.execs.map(\.pgFirst), [0, 2])
        XCTAssertEqual(trace.checks, [[1, 6]])
        XCTAssertEqual(trace.finalFlags[4], "locked,writeback,uptodate")
    }

    /// A later wait on a stranded page never ends: the run stops with `kernel_bug` in the function
    /// that waits, after what the command did before it reached the page.
    func testWaitingOnAStrandedPageIsAKernelBug() {
        let strand: [KCommand] = [
            .layout(parity: 0, devices: 4, stripeUnitPages: 1, mirrors: 1, groupWidth: 2, groupDepth: 1),
            .write(0...5), .writepages(sync: true, range: nil, nr: nil),
        ]
        XCTAssertEqual(KernelModel.run(strand + [.write(3...4)]).kernelBug, "lock_page")
        XCTAssertEqual(KernelModel.run(strand + [.write(3...4)]).finalFlags[3], "dirty,uptodate")
        XCTAssertEqual(KernelModel.run(strand + [.truncate(size: 8192)]).kernelBug, "truncate_inode_pages")
        // The new end inside stranded page 4: find_lock_page waits on it before any removal.
        XCTAssertEqual(KernelModel.run(strand + [.truncate(size: 4 * 4096 + 100)]).kernelBug, "truncate_inode_pages")
        XCTAssertEqual(KernelModel.run(strand + [.fsync(range: 0...3)]).kernelBug, nil)
        XCTAssertEqual(KernelModel.run(strand + [.fsync(range: 4...4)]).kernelBug, "wait_on_page_writeback")
        XCTAssertNil(KernelModel.run(strand + [.writepages(sync: true, range: nil, nr: nil)]).kernelBug)
    }

    func testTruncateWithMirrorsIsAKernelBug() {
        let trace = KernelModel.run([
            .layout(parity: 0, devices: 4, stripeUnitPages: 1, mirrors: 2, groupWidth: nil, groupDepth: nil),
            .file(size: 40960, ino: nil), .truncate(size: 4096), .check,
        ])
        XCTAssertEqual(trace.kernelBug, "ore_comp_dev")
        XCTAssertEqual(trace.checks, [])
    }
}
