import Testing
@testable import StripeCore

/// Crash states under md, worked out by hand on RAID6 over 4 disks of 4K chunks and an
/// 8K file. md's row 0 (`raid5_compute_sector`, left-symmetric RAID6): P on disk
/// 4 - 1 - 0 = 3, Q on 0, data column 0 (page 0) on (3 + 2 + 0) % 4 = 1, column 1
/// (page 1) on 2. The ORE's own RAID6 row 0 is pages 0 and 1 on devs 0 and 1, P on 2,
/// Q on 3: a crash state judged on the ORE's rows would look at the wrong disks.
///
/// `write 0` costs rcw 1 (page 1's block) against rmw 3 (page 0, P, Q): md reads
/// page 1, and after `complete 1` writes P, page 0 and Q together, issued from the last
/// disk down: request ids P (dev 3), data (dev 1), Q (dev 0).
struct MdCrashStateTests {
    static let scenario = """
        layout raid6 devices=4 stripe-unit=4K
        write-path md
        file size=8K
        completions manual
        write 0
        writepages
        complete 1

        """

    @Test func raid6ThreeWritesInFlight() throws {
        let t = try run(Self.scenario)
        let crash = CrashStates(timeline: t, at: t.count - 1, granularity: .request)
        #expect(crash.writes.map(\.request.dev) == [3, 1, 0])
        #expect(crash.total == 8)
        let (p, data, q) = (crash.writes[0].id, crash.writes[1].id, crash.writes[2].id)
        #expect(crash.states.map { $0.landed.map(\.id) } == [[], [p], [data], [p, data], [q], [p, q], [data, q], [p, data, q]])
        // The row is consistent only when none or all of the three landed.
        #expect(crash.states.map { $0.inconsistentRows.count } == [0, 1, 1, 1, 1, 1, 1, 0])
        // One failed data disk is rebuilt from P (Q is not needed): wrong exactly when
        // P and page 0's data did not land together, whatever Q did.
        let pAndDataDisagree = crash.states.map { state in
            let landed = Set(state.landed.map(\.id))
            return landed.contains(p) != landed.contains(data)
        }
        #expect(pAndDataDisagree == [false, true, true, false, false, true, true, false])
        for (state, disagree) in zip(crash.states, pAndDataDisagree) {
            // Failed dev 1 loses page 0, dev 2 page 1; devs 0 and 3 hold only Q and P.
            #expect(state.degraded.map(\.mdWrong) == (disagree ? [[], [0], [1], []] : [[], [], [], []]))
            #expect(state.degraded.allSatisfy { $0.mdEIO.isEmpty })
            // The ORE fails the pages its own layout puts on the failed device.
            #expect(state.degraded.map(\.oreEIO) == [[0], [1], [], []])
        }
    }

    /// md's log device holds no row of the array: with `log=ppl` the partial parity in
    /// flight (on the log device, dev 3 of a 3-disk array) is a write of its own, and
    /// touches no row; landing or not, the array's row 0 stays as it was.
    @Test func logWritesTouchNoRow() throws {
        let t = try run("""
            layout raid5 devices=3 stripe-unit=4K
            write-path md log=ppl
            file size=16K
            completions manual
            write 0
            writepages
            complete 1
            """)
        let crash = CrashStates(timeline: t, at: t.count - 1, granularity: .request)
        #expect(crash.writes.map(\.request.dev) == [3])
        #expect(crash.states.map(\.inconsistentRows) == [[], []])
        #expect(crash.states.allSatisfy { $0.degraded.count == 3 && $0.degraded.allSatisfy(\.mdWrong.isEmpty) })
    }
}
