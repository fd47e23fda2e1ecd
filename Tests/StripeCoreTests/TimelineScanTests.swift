import Testing
@testable import StripeCore

/// `TimelineScan` looks at the same events, in the same order, whatever its slices:
/// its answer is the one-shot `find`'s (or, going round, the first match after the
/// start in the order start+1 … end, 0 … start), and it looks at each event once.
struct TimelineScanTests {
    @Test(arguments: [1, 3, 64, 100_000])
    func slicesFindWhatOneScanFinds(slice: Int) throws {
        let t = try run("layout raid5 devices=4 stripe-unit=4K\nwrite 0..20\nwritepages sync\nwrite 3\nwritepages\n")
        let kinds: [EventKind] = [.ioDone, .r4wGetPage, .note, .violation]
        for kind in kinds {
            let hit = { (n: Int) in t.event(n).kind == kind }
            for start in [0, 1, t.count / 2, t.count - 2, t.count - 1] {
                for direction in [Direction.forward, .backward] {
                    for wraps in [false, true] {
                        var scan = TimelineScan(from: start, direction, wraps: wraps)
                        var outcome = TimelineScan.Outcome.searching
                        var slices = 0
                        while outcome == .searching {
                            outcome = scan.run(in: t, slice: slice, where: hit)
                            slices += 1
                        }
                        let straight = t.find(from: start, direction, where: hit)
                        let around = direction == .forward ? t.find(from: -1, .forward, upTo: start, where: hit) : t.find(from: t.count, .backward, where: hit).flatMap { $0 >= start ? $0 : nil }
                        let expected = straight ?? (wraps ? around : nil)
                        #expect(outcome == (expected.map { .found($0) } ?? .notFound), "\(kind) from \(start) \(direction) wraps \(wraps)")
                        if expected == nil {
                            let events = wraps ? t.count : direction == .forward ? t.count - 1 - start : start
                            #expect(scan.looked == events && slices == max(1, (events + slice - 1) / slice))
                        }
                    }
                }
            }
        }
    }
}
