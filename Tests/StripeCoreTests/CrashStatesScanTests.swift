import Testing
@testable import StripeCore

/// `CrashStates` works out a state when asked, and treats the rows that only writes
/// never landing in a listed state touch as steady: each state it gives agrees with
/// one worked out from scratch — the landed writes applied to the devices in
/// submission order, then every row of every stripe and every page of the file looked
/// at — on random scenarios with many writes in flight (the scan kept as the oracle).
struct CrashStatesScanTests {
    static let layouts = ["raid5 devices=3 stripe-unit=4K", "raid5 devices=5 stripe-unit=8K", "raid6 devices=6 stripe-unit=4K",
                          "raid5 devices=6 stripe-unit=4K mirrors=2"]

    @Test(arguments: 0..<24 as Range<UInt64>)
    func statesAgreeWithAScanOfTheWholeArray(_ seed: UInt64) throws {
        var rng = SeededGenerator(state: seed)
        let filePages = Int.random(in: 8...40, using: &rng)
        var lines = ["layout \(Self.layouts.randomElement(using: &rng)!)", "file size=\(filePages * 4)K", "completions manual",
                     "set max-io-pages=\(Int.random(in: 1...3, using: &rng))"]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let first = Int.random(in: 0..<filePages, using: &rng)
            lines.append("write \(first)..\(min(filePages - 1, first + Int.random(in: 0...12, using: &rng)))")
        }
        lines.append("writepages")
        if Bool.random(using: &rng) { lines.append("complete \(Int.random(in: 1...3, using: &rng))") }
        let t = try run(lines.joined(separator: "\n") + "\n")
        let event = Int.random(in: t.count / 2..<t.count, using: &rng)
        for granularity in CrashGranularity.allCases {
            let crash = CrashStates(timeline: t, at: event, granularity: granularity)
            let picks = [0, crash.count - 1] + (0..<6).map { _ in Int.random(in: 0..<crash.count, using: &rng) }
            for n in picks {
                let (rows, degraded) = Self.scan(t, at: event, writes: crash.writes, landed: crash.landed(n))
                let state = crash.state(n)
                #expect(state.inconsistentRows == rows, "seed \(seed) \(granularity) state \(n) of \(crash.count)")
                #expect(crash.inconsistentRowCount(n) == rows.count, "seed \(seed) \(granularity) state \(n)")
                #expect(state.degraded == degraded, "seed \(seed) \(granularity) state \(n)")
            }
        }
    }

    /// The oracle: the devices after `landed` landed, every row checked, every page read.
    static func scan(_ t: Timeline, at event: Int, writes: [CrashStates.Write], landed: [CrashStates.Landing])
        -> (rows: [CrashStates.Row], degraded: [CrashStates.Degraded]) {
        let base = t.state(at: event)
        let layout = base.layout!
        let geometry = base.geometry ?? layout
        var written: [DevicePage: UInt64] = [:]
        for write in writes {
            guard let landing = landed.first(where: { $0.id == write.id }) else { continue }
            for entry in write.entries.prefix(landing.pages) { written[DevicePage(dev: write.request.dev, objPage: entry.objPage)] = entry.value }
        }
        let token = { (dev: Int, objPage: UInt64) in written[DevicePage(dev: dev, objPage: objPage)] ?? base.devices[dev].token(at: Int(objPage)) }
        var rows: [CrashStates.Row] = []
        for stripe in 0..<base.stripeSpan {
            for row in 0..<layout.pagesInUnit where !geometry.inconsistentUnits(stripe: stripe, row: row, token: token).isEmpty {
                rows.append(CrashStates.Row(stripe: stripe, row: row))
            }
        }
        let filePages = Int((base.iSize + pageSize - 1) / pageSize)
        let objectID = t.scenario.objectID
        let degraded = (0..<layout.devices).map { dev in
            var d = CrashStates.Degraded(failedDev: dev, oreEIO: [], mdWrong: [], mdEIO: [])
            for page in 0..<filePages {
                if layout.devicesHolding(page: page).contains(dev), layout.oreFails(page: page, failed: dev, objectID: objectID) { d.oreEIO.append(page) }
                guard geometry.devicesHolding(page: page).contains(dev) else { continue }
                switch geometry.mdRead(page: page, failed: [dev], token: token) {
                case .eio: d.mdEIO.append(page)
                case .token(let value): if value != token(dev, geometry.location(ofPage: page).objPage) { d.mdWrong.append(page) }
                }
            }
            return d
        }
        return (rows, degraded)
    }
}
