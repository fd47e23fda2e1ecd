import Testing
@testable import StripeCore

/// Commands cost what they touch, counted in pages looked at (`Timeline.pagesVisited`),
/// not in time. A truncate that cuts one page and the fsync of one written page once
/// audited or walked the whole file: 4× the file cost 4× per command, and a scenario of
/// many of them was quadratic.
struct CommandCostTests {
    /// Pages the commands `body` makes, repeated `times` times, visit after a cached,
    /// written-back file of `pages` pages (writing the file itself not counted).
    private func visits(pages: Int, times: Int, _ body: (Int) -> String) throws -> Int {
        let file = "layout raid5 devices=5 stripe-unit=16K\nwrite 0..\(pages - 1)\nwritepages sync\n"
        let base = try run(file)
        let timeline = try run(file + (0..<times).map(body).joined())
        #expect(timeline.isComplete)
        return timeline.pagesVisited - base.pagesVisited
    }

    /// Cutting the last page and growing back: the audit and the cache walk look at the
    /// stripe cut, not the file.
    private func truncatePairs(pages: Int) -> (Int) -> String {
        { _ in "truncate size=\((pages - 1) * 4)K\ntruncate size=\(pages * 4)K\n" }
    }

    /// One page written and fsynced, somewhere in the file each time.
    private func writeAndFsync(pages: Int) -> (Int) -> String {
        { n in "write \(n * 7919 % pages)\nfsync\n" }
    }

    @Test func truncateCostsWhatItCutsNotTheFile() throws {
        let small = try visits(pages: 1024, times: 32, truncatePairs(pages: 1024))
        let large = try visits(pages: 4096, times: 32, truncatePairs(pages: 4096))
        #expect(Double(large) <= 1.5 * Double(small), "pages visited: \(small) on 1024 pages, \(large) on 4096")
    }

    @Test func fsyncCostsThePagesUnderWritebackNotTheFile() throws {
        let small = try visits(pages: 1024, times: 32, writeAndFsync(pages: 1024))
        let large = try visits(pages: 4096, times: 32, writeAndFsync(pages: 4096))
        #expect(Double(large) <= 1.5 * Double(small), "pages visited: \(small) on 1024 pages, \(large) on 4096")
    }

    /// 4× the commands on one file cost 4× (at most 5×): linear, not quadratic.
    @Test func fourTimesTheCommandsCostFourTimes() throws {
        for body in [truncatePairs(pages: 2048), writeAndFsync(pages: 2048)] {
            let once = try visits(pages: 2048, times: 16, body)
            let four = try visits(pages: 2048, times: 64, body)
            #expect(once > 0)
            #expect(Double(four) <= 5 * Double(once), "pages visited: \(once) for 16 commands, \(four) for 64")
        }
    }
}
