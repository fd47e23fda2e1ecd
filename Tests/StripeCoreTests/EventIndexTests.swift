import Testing
@testable import StripeCore

/// The timeline's indexes (events by page, submissions by object page, r4w `get_page`
/// by file page) agree with a full scan of the timeline, the scan kept here as the
/// oracle, on random scenarios of every command.
struct EventIndexTests {
    @Test(arguments: 0..<40 as Range<UInt64>)
    func indexesAgreeWithAFullScan(_ seed: UInt64) throws {
        let t = try run(RandomScenario.make(seed: seed, safe: seed % 2 == 0))
        var rng = SeededGenerator(state: seed ^ 0xA5A5)
        for _ in 0..<20 {
            let seq = Int.random(in: 0..<t.count, using: &rng)
            let page = Int.random(in: 0...64, using: &rng)
            // Page history, newest first.
            let scanned = (0...seq).reversed().filter { t.pageIndex(of: $0) == page }
            #expect(t.pageHistory(page, upTo: seq, limit: 8) == Array(scanned.prefix(8)), "seed \(seed) page \(page) at \(seq)")
            // Submissions moving an object page in a range, in a window of events.
            let from = Int.random(in: 0...seq, using: &rng)
            let low = UInt64.random(in: 0...40, using: &rng)
            let objPages = low..<(low + UInt64.random(in: 1...24, using: &rng))
            let submitted = (from...seq).filter { n in
                switch t.payload(of: n) {
                case .devRead(let s), .devWrite(let s): t.entries(of: s.request).contains { objPages.contains($0.objPage) }
                default: false
                }
            }
            #expect(t.submissions(touching: objPages, in: from...seq) == submitted, "seed \(seed) \(objPages) in \(from)...\(seq)")
            // get_page events of a range of file pages.
            let pages = page..<(page + Int.random(in: 1...70, using: &rng))
            let got = (from...seq).filter { n in
                if case .r4wGetPage(let get) = t.payload(of: n) { return pages.contains(get.index) }
                return false
            }
            #expect(t.getPages(of: pages, in: from...seq) == got, "seed \(seed) pages \(pages) in \(from)...\(seq)")
        }
    }

    /// The write-hole tracker looks only at the stripes an event can change; comparing
    /// every stripe before and after every event that changes the disks finds the same
    /// windows. Random scenarios (files created, or not) ending with a truncate.
    @Test(arguments: 0..<30 as Range<UInt64>)
    func writeHoleWindowsAgreeWithComparingEveryStripe(_ seed: UInt64) throws {
        let text = RandomScenario.make(seed: seed, safe: false) + "\ntruncate size=\(seed % 5 * 8)K\nwrite 0..3\nwritepages sync\n"
        let t = try run(text)
        var tracker = WriteHoleTracker(timeline: t)
        var state = SimState()
        for seq in 0..<t.count {
            let before = state
            t.apply(seq, to: &state)
            var expected: [WriteHoleTracker.Change] = []
            if WriteHoleTracker.mayChange(seq, in: t) {
                for stripe in 0..<max(before.stripeSpan, state.stripeSpan) {
                    let was = before.isParityConsistent(stripe: stripe), now = state.isParityConsistent(stripe: stripe)
                    if was, !now { expected.append(.opens(stripe: stripe)) }
                    if !was, now { expected.append(.closes(stripe: stripe)) }
                }
            }
            #expect(tracker.advance(to: seq).sorted { $0.description < $1.description } == expected.sorted { $0.description < $1.description }, "seed \(seed) event \(seq)")
            #expect(tracker.state == state, "seed \(seed) event \(seq)")
        }
    }
}
