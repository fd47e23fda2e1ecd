import Testing
@testable import StripeCore

/// Crash states worked out by hand on raid5 devices=3 stripe-unit=4K over a 16K file:
/// stripe 0 is page 0 on dev 0, page 1 on dev 1, parity on dev 2; stripe 1 is parity on
/// dev 1, page 2 on dev 2, page 3 on dev 0. A write of page 0 sends data to dev 0 and
/// parity to dev 2; of page 2, data to dev 2 and parity to dev 1.
struct CrashStateTests {
    static let head = """
        layout raid5 devices=3 stripe-unit=4K
        file size=16K
        completions manual

        """

    /// The crash states after the scenario's last event.
    static func states(_ body: String, granularity: CrashGranularity = .request) throws -> CrashStates {
        let timeline = try run(head + body)
        return CrashStates(timeline: timeline, at: timeline.count - 1, granularity: granularity)
    }

    static func rows(_ list: [(UInt64, Int)]) -> [CrashStates.Row] { list.map { .init(stripe: $0.0, row: $0.1) } }

    /// Which pages md returns wrong with each device failed, dev 0, 1, 2.
    static func wrong(_ state: CrashStates.State) -> [[Int]] { state.degraded.map(\.mdWrong) }

    /// The ORE fails exactly the failed device's pages, in every state, and md never fails.
    static func expectOREFailsOwnPages(_ crash: CrashStates) {
        for state in crash.states {
            #expect(state.degraded.map(\.oreEIO) == [[0, 3], [1], [2]])
            #expect(state.degraded.allSatisfy { $0.mdEIO.isEmpty })
        }
    }

    /// One write in flight (the parity; the data landed at `complete 1`): 2 states.
    @Test func oneInFlight() throws {
        let crash = try Self.states("write 0\nwritepages\ncomplete 1\n")
        #expect(crash.writes.map(\.request.dev) == [2])
        #expect(crash.total == 2)
        let parity = crash.writes[0].id
        #expect(crash.states.map { $0.landed.map(\.id) } == [[], [parity]])
        // Parity lost: new data under old parity; a rebuild of page 0 gives the old
        // page 0, of page 1 garbage: both differ from the disk.
        #expect(crash.states[0].inconsistentRows == Self.rows([(0, 0)]))
        #expect(Self.wrong(crash.states[0]) == [[0], [1], []])
        #expect(crash.states[1].inconsistentRows.isEmpty)
        #expect(Self.wrong(crash.states[1]) == [[], [], []])
        Self.expectOREFailsOwnPages(crash)
    }

    /// Data and parity of page 0 in flight: 4 states, stale when exactly one landed.
    @Test func twoInFlight() throws {
        let crash = try Self.states("write 0\nwritepages\n")
        #expect(crash.writes.map(\.request.dev) == [0, 2])
        #expect(crash.total == 4)
        let (data, parity) = (crash.writes[0].id, crash.writes[1].id)
        #expect(crash.states.map { $0.landed.map(\.id) } == [[], [data], [parity], [data, parity]])
        #expect(crash.states.map(\.inconsistentRows) == [[], Self.rows([(0, 0)]), Self.rows([(0, 0)]), []])
        #expect(crash.states.map(Self.wrong) == [[[], [], []], [[0], [1], []], [[0], [1], []], [[], [], []]])
        Self.expectOREFailsOwnPages(crash)
    }

    /// Page 0's parity (its data landed) and page 2's data and parity in flight: 8 states.
    /// Stripe 0 is stale unless its parity landed; stripe 1 when one of its two landed.
    @Test func threeInFlight() throws {
        let crash = try Self.states("write 0\nwrite 2\nwritepages\ncomplete 1\n")
        #expect(crash.writes.map(\.request.dev) == [2, 1, 2])
        #expect(crash.writes.map { $0.entries.contains(where: \.isParity) } == [true, true, false])
        #expect(crash.total == 8)
        for (n, state) in crash.states.enumerated() {
            let a = n & 1 != 0, b = n & 2 != 0, c = n & 4 != 0
            #expect(state.landed.map(\.id) == zip(crash.writes, [a, b, c]).filter(\.1).map(\.0.id))
            let stale0 = !a, stale1 = b != c
            #expect(state.inconsistentRows == Self.rows((stale0 ? [(0, 0)] : []) + (stale1 ? [(1, 0)] : [])), "state \(n)")
            #expect(Self.wrong(state) == [(stale0 ? [0] : []) + (stale1 ? [3] : []), stale0 ? [1] : [], stale1 ? [2] : []], "state \(n)")
        }
        Self.expectOREFailsOwnPages(crash)
    }

    /// With granularity page a two-page parity write lands 0, 1 or 2 of its pages.
    @Test func pagePrefixes() throws {
        let timeline = try run("""
            layout raid5 devices=3 stripe-unit=8K
            file size=32K
            completions manual
            write 0..1
            writepages
            complete 1
            """)
        let crash = CrashStates(timeline: timeline, at: timeline.count - 1, granularity: .page)
        #expect(crash.total == 3)
        #expect(crash.states.map { $0.landed.map(\.pages) } == [[], [1], [2]])
        #expect(crash.states.map(\.inconsistentRows) == [Self.rows([(0, 0), (0, 1)]), Self.rows([(0, 1)]), []])
        let request = CrashStates(timeline: timeline, at: timeline.count - 1, granularity: .request)
        #expect(request.total == 2)
    }

    /// Past 4096 states the count is said and the first 4096 are listed, in order.
    @Test func manyStatesAreCapped() throws {
        let timeline = try run("""
            layout raid5 devices=3 stripe-unit=4K
            file size=64K
            completions manual
            write 0..15
            set max-io-pages=2
            writepages
            """)
        let crash = CrashStates(timeline: timeline, at: timeline.count - 1, granularity: .page)
        #expect(crash.writes.count >= 12)
        #expect((crash.total ?? .max) > 4096)
        #expect(crash.states.count == CrashStates.limit)
        #expect(crash.states[0].landed.isEmpty)
        #expect(crash.states[1].landed == [.init(id: crash.writes[0].id, pages: 1)])
        #expect(crash.totalDescription.contains("the first 4096 are listed"))
    }
}
