/// Whether a write in flight at a power cut lands whole or not (`request`), or lands a
/// prefix of its pages (`page`, as ALICE splits a write into its blocks).
public enum CrashGranularity: String, Sendable, CaseIterable {
    case request, page
}

/// Every state the devices can be in if the power fails right after one event
/// (CrashMonkey's and ALICE's enumeration): each write in flight lands or not, or lands
/// a prefix of its pages. For each state: the parity rows that disagree with their data,
/// and, per failed device, what a read of each file page returns under the ORE (which
/// fails it) and under md (which rebuilds it; wrong when the rebuild differs from what
/// the failed device held: a stale row). Rows are md's (`MdGeometry`) when md writes
/// the scenario, the ORE layout's otherwise; the ORE's failed pages are always where the
/// ORE's own layout reads them. Writes to md's log device touch no row; what md's
/// journal or PPL would repair at power-on is not applied to the states (`powercut`
/// applies it).
///
/// States are numbered in this order: the writes in flight by request id, the first the
/// lowest digit; with `request` a state's bit i says whether write i landed (state 0:
/// none, the last: all); with `page` digit i, from 0 to write i's page count, is how
/// many of its pages landed. Writes landing on the same page apply in submission order.
public struct CrashStates: Sendable {
    /// Past this many states only the first ones are enumerated.
    public static let limit = 4096

    public struct Write: Sendable {
        public var id: Int
        public var request: IORequest
        /// Its pages: slices of one array the writes share (millions of writes in
        /// flight are not millions of arrays to allocate and free).
        public var entries: ArraySlice<RequestEntry>
    }

    /// A write that landed, whole or its first `pages` pages.
    public struct Landing: Sendable, Equatable {
        public var id: Int
        public var pages: Int
    }

    public struct Row: Sendable, Hashable, Comparable {
        public var stripe: UInt64
        public var row: Int

        public init(stripe: UInt64, row: Int) {
            self.stripe = stripe
            self.row = row
        }

        public static func < (a: Row, b: Row) -> Bool { (a.stripe, a.row) < (b.stripe, b.row) }
    }

    /// What reads return with device `failedDev` failed (file page indices).
    public struct Degraded: Sendable, Equatable {
        public var failedDev: Int
        public var oreEIO: [Int]
        public var mdWrong: [Int]
        public var mdEIO: [Int]
    }

    public struct State: Sendable {
        public var landed: [Landing]
        public var inconsistentRows: [Row]
        public var degraded: [Degraded]
    }

    public var event: Int
    public var granularity: CrashGranularity
    /// The writes in flight after `event`, by id.
    public var writes: [Write]
    /// How many states there are; nil when more than `UInt64.max`.
    public var total: UInt64?
    /// How many states are listed: the first `limit` in the stated order.
    public let count: Int
    /// Each write's digit base: 2 with `request`, its page count + 1 with `page`.
    private let radix: [UInt64]
    /// What does not change from one listed state to the next, worked out once: a
    /// state is computed when asked for (the crash browser shows one and a screen of
    /// list rows, not all of them; millions of writes in flight are one list).
    private let world: CrashWorld?
    /// With whole writes (`request`), the stale-row count of every listed state, found at
    /// once: the browser's list shows one a row at every frame.
    private let staleRowCounts: [Int]

    /// The first `limit` states in the stated order, each worked out now.
    public var states: [State] { (0..<count).map(state) }

    /// The crash states after event `event` of `timeline`.
    public init(timeline: Timeline, at event: Int, granularity: CrashGranularity) {
        self.event = event
        self.granularity = granularity
        let base = timeline.state(at: event)
        let ids = base.inflight.filter { !timeline.request($0).isRead }
        var pages: [RequestEntry] = []
        var ranges: [Range<Int>] = []
        for id in ids {
            let start = pages.count
            pages += timeline.entries(of: timeline.request(id))
            ranges.append(start..<pages.count)
        }
        writes = zip(ids, ranges).map { Write(id: $0, request: timeline.request($0), entries: pages[$1]) }
        radix = writes.map { granularity == .request ? UInt64(2) : UInt64($0.entries.count + 1) }
        total = radix.reduce(UInt64(1) as UInt64?) { product, r in
            product.flatMap { let (m, overflow) = $0.multipliedReportingOverflow(by: r); return overflow ? nil : m }
        }
        guard let layout = base.layout else {
            count = 0
            world = nil
            staleRowCounts = []
            return
        }
        count = Int(min(total ?? UInt64.max, UInt64(Self.limit)))
        let world = CrashWorld(base: base, layout: layout, geometry: base.geometry ?? layout, writes: writes,
                               landing: Self.landingWrites(radix, count: count), objectID: timeline.scenario.objectID)
        staleRowCounts = granularity == .request ? world.staleRowCounts(states: count) : []
        self.world = world
    }

    /// How many writes, first in the order, land in some listed state: write i does when
    /// the states before its first non-zero digit (the product of the digits before it)
    /// are fewer than `count`. The others stay in flight in every listed state.
    static func landingWrites(_ radix: [UInt64], count: Int) -> Int {
        var before: UInt64 = 1
        for (i, r) in radix.enumerated() {
            guard before < UInt64(count) else { return i }
            before = before.multipliedReportingOverflow(by: r).overflow ? UInt64.max : before * r
        }
        return radix.count
    }

    /// The writes state `number` (below `count`) lands.
    public func landed(_ number: Int) -> [Landing] {
        var rest = UInt64(number)
        var landed: [Landing] = []
        for (write, r) in zip(writes, radix) {
            guard rest > 0 else { break }
            let digit = Int(rest % r)
            rest /= r
            guard digit > 0 else { continue }
            landed.append(Landing(id: write.id, pages: granularity == .request ? write.entries.count : digit))
        }
        return landed
    }

    /// State `number` (below `count`).
    public func state(_ number: Int) -> State {
        world!.state(landed: landed(number))
    }

    /// How many parity rows disagree with their data in state `number`, without what
    /// reads return: what a list row of the crash browser says.
    public func inconsistentRowCount(_ number: Int) -> Int {
        granularity == .request ? staleRowCounts[number] : world!.inconsistentRowCount(landed: landed(number))
    }
}

/// The devices before the power cut and what does not change from one crash state to
/// the next: the rows no write that lands in a listed state touches. The rows those
/// writes touch are worked out once (`RowSlots`), with, for each block in them, the
/// writes that would put a token there; a state then only picks tokens.
private struct CrashWorld: Sendable {
    struct Slot: Hashable, Sendable {
        var dev: Int
        var objPage: UInt64
    }

    /// A row some write in flight touches, and the slot of each device's block in it.
    struct TouchedRow: Sendable {
        var stripe: UInt64
        var row: Int
        var slots: RowSlots
        /// Index into `baseTokens` / `covers` of the block device `dev` holds, by dev
        /// (-1: the device holds nothing of this row).
        var slotOfDev: [Int]
    }

    let layout: OreLayout
    /// Where rows live: md's geometry when md writes the scenario (its rows are its
    /// own, RAID6 rotates otherwise), else the ORE layout.
    let geometry: any StripeGeometry
    let writeIndex: [Int: Int]
    let filePages: Int
    let rows: [TouchedRow]
    /// What each block of a touched row held before the cut, and the writes (index in
    /// the state's landing, entry number, token) that land on it, in submission order.
    var baseTokens: [UInt64] = []
    var covers: [[(write: Int, entry: Int, token: UInt64)]] = []
    /// Inconsistent rows and md's wrong / EIO pages outside the touched rows, the same in every state.
    let steadyRows: [CrashStates.Row]
    var steadyWrong: [Int: [Int]] = [:]
    var steadyEIO: [Int: [Int]] = [:]
    /// The ORE's failed pages per device: the page's read copy is there, in every state.
    var oreEIO: [Int: [Int]] = [:]

    /// `landing`: the first writes, the only ones a listed state lands (the rest stay
    /// in flight: their rows are steady, as untouched ones).
    init(base: SimState, layout: OreLayout, geometry: any StripeGeometry, writes allWrites: [CrashStates.Write], landing: Int, objectID: UInt64) {
        self.layout = layout
        self.geometry = geometry
        let writes = allWrites.prefix(landing)
        writeIndex = Dictionary(uniqueKeysWithValues: writes.enumerated().map { ($1.id, $0) })
        filePages = Int((base.iSize + pageSize - 1) / pageSize)
        // The devices alone: a closure over the whole state copied it at every read.
        let devices = base.devices
        let baseToken = { (dev: Int, objPage: UInt64) in devices[dev].token(at: Int(objPage)) }
        var touchedKeys = Set<CrashStates.Row>()
        // md's log device holds no row of the array.
        for write in writes where write.request.dev < layout.devices {
            for entry in write.entries {
                let stripe = geometry.stripe(onDevice: write.request.dev, objPage: entry.objPage)
                touchedKeys.insert(CrashStates.Row(stripe: stripe, row: Int(entry.objPage % UInt64(layout.pagesInUnit))))
            }
        }
        var slotIndex: [Slot: Int] = [:]
        var rows: [TouchedRow] = []
        for key in touchedKeys.sorted() {
            let slots = geometry.rowSlots(stripe: key.stripe, row: key.row)
            var slotOfDev = [Int](repeating: -1, count: layout.devices)
            for block in slots.data + slots.parity {
                for dev in block.devs {
                    let slot = Slot(dev: dev, objPage: block.objPage)
                    let index = slotIndex[slot] ?? baseTokens.count
                    if index == baseTokens.count {
                        slotIndex[slot] = index
                        baseTokens.append(baseToken(dev, block.objPage))
                        covers.append([])
                    }
                    slotOfDev[dev] = index
                }
            }
            rows.append(TouchedRow(stripe: key.stripe, row: key.row, slots: slots, slotOfDev: slotOfDev))
        }
        for (w, write) in writes.enumerated() {
            for (n, entry) in write.entries.enumerated() {
                if let index = slotIndex[Slot(dev: write.request.dev, objPage: entry.objPage)] {
                    covers[index].append((w, n, entry.value))
                }
            }
        }
        self.rows = rows
        for page in 0..<filePages {
            for failed in layout.devicesHolding(page: page) where layout.oreFails(page: page, failed: failed, objectID: objectID) {
                oreEIO[failed, default: []].append(page)
            }
        }
        // Row by row (its slots worked out once): the stale rows on the devices, and
        // what md reads of the file's pages there. A consistent row without mirrors
        // rebuilds every page right (as `state(landed:)` skips it); RAID0 has no parity
        // to rebuild from, so its pages are read.
        var steadyRows: [CrashStates.Row] = []
        let perStripe = geometry.pagesInStripe
        let stripes = max(Int(base.stripeSpan), (filePages + perStripe - 1) / perStripe)
        for stripe in 0..<UInt64(stripes) {
            for row in 0..<layout.pagesInUnit where !touchedKeys.contains(CrashStates.Row(stripe: stripe, row: row)) {
                let slots = geometry.rowSlots(stripe: stripe, row: row)
                let consistent = slots.inconsistentUnits(token: baseToken).isEmpty
                if !consistent, stripe < base.stripeSpan { steadyRows.append(CrashStates.Row(stripe: stripe, row: row)) }
                if consistent && layout.mirrors == 1 && geometry.parity > 0 { continue }
                for (column, page) in slots.pages.enumerated() where page < filePages {
                    for failed in slots.data[column].devs {
                        switch Self.judge(slots, column: column, failed: failed, token: baseToken) {
                        case .wrong: steadyWrong[failed, default: []].append(page)
                        case .eio: steadyEIO[failed, default: []].append(page)
                        case .right: break
                        }
                    }
                }
            }
        }
        self.steadyRows = steadyRows
    }

    enum Verdict { case right, wrong, eio }

    /// md's read of data column `column` with device `failed` gone, against what that
    /// device holds for it in this state: a rebuild from a row whose parity disagrees
    /// with its data returns something else (data nobody wrote, or the old version of a
    /// write that had landed), silently.
    static func judge(_ slots: RowSlots, column: Int, failed: Int, token: (Int, UInt64) -> UInt64) -> Verdict {
        switch slots.mdRead(column: column, failed: [failed], token: token) {
        case .eio: return .eio
        case .token(let t): return t == token(failed, slots.data[column].objPage) ? .right : .wrong
        }
    }

    /// What each block of a touched row holds once `landed` landed.
    private func tokens(landed: [CrashStates.Landing]) -> [UInt64] {
        var pagesLanded = [Int](repeating: 0, count: writeIndex.count)
        for landing in landed { pagesLanded[writeIndex[landing.id]!] = landing.pages }
        return baseTokens.indices.map { index in
            covers[index].last { pagesLanded[$0.write] > $0.entry }?.token ?? baseTokens[index]
        }
    }

    /// With whole writes landing (`request`: bit i of a state's number is whether write
    /// i landed, and the `count` states are every subset of the first writes): the
    /// stale-row count of each state. The touched rows are grouped by the writes that
    /// cover them, each row checked once for each subset of its own writes, and a
    /// group's counts spread over the states that land that subset of its writes — not
    /// every touched row looked at for every state (a writeback of a large file touches
    /// every row of it).
    func staleRowCounts(states count: Int) -> [Int] {
        var table: [Int: [Int: Int]] = [:]
        for row in rows {
            let covering = row.slotOfDev.reduce(0) { mask, index in
                index < 0 ? mask : covers[index].reduce(mask) { $0 | 1 << $1.write }
            }
            var groupStale = table[covering] ?? [:]
            var landed = covering
            // Every subset of the covering writes, down to none.
            while true {
                let token = { (dev: Int, _: UInt64) -> UInt64 in
                    let index = row.slotOfDev[dev]
                    return self.covers[index].last { landed & 1 << $0.write != 0 }?.token ?? self.baseTokens[index]
                }
                if !row.slots.inconsistentUnits(token: token).isEmpty { groupStale[landed, default: 0] += 1 }
                guard landed > 0 else { break }
                landed = (landed - 1) & covering
            }
            table[covering] = groupStale
        }
        var counts = [Int](repeating: steadyRows.count, count: count)
        let every = max(0, count - 1)
        for (covering, stale) in table {
            let free = every & ~covering
            for (landed, rows) in stale {
                // The states landing exactly `landed` of these writes: with any of the others.
                var others = free
                while true {
                    if landed | others < count { counts[landed | others] += rows }
                    guard others > 0 else { break }
                    others = (others - 1) & free
                }
            }
        }
        return counts
    }

    /// The number of rows `state(landed:)` finds inconsistent, reads left out.
    func inconsistentRowCount(landed: [CrashStates.Landing]) -> Int {
        let tokens = tokens(landed: landed)
        return steadyRows.count + rows.count { row in
            !row.slots.inconsistentUnits(token: { dev, _ in tokens[row.slotOfDev[dev]] }).isEmpty
        }
    }

    func state(landed: [CrashStates.Landing]) -> CrashStates.State {
        let tokens = tokens(landed: landed)
        var stale = steadyRows
        var wrong = steadyWrong
        var eio = steadyEIO
        for row in rows {
            let token = { (dev: Int, _: UInt64) in tokens[row.slotOfDev[dev]] }
            let consistent = row.slots.inconsistentUnits(token: token).isEmpty
            if !consistent { stale.append(CrashStates.Row(stripe: row.stripe, row: row.row)) }
            // A rebuild from a row whose parity agrees with its data gives the data back;
            // with mirrors the surviving copy may still differ, so look then.
            if consistent && layout.mirrors == 1 { continue }
            for (column, page) in row.slots.pages.enumerated() where page < filePages {
                for failed in row.slots.data[column].devs {
                    switch Self.judge(row.slots, column: column, failed: failed, token: token) {
                    case .wrong: wrong[failed, default: []].append(page)
                    case .eio: eio[failed, default: []].append(page)
                    case .right: break
                    }
                }
            }
        }
        let degraded = (0..<layout.devices).map { dev in
            CrashStates.Degraded(failedDev: dev, oreEIO: oreEIO[dev] ?? [], mdWrong: (wrong[dev] ?? []).sorted(),
                                 mdEIO: (eio[dev] ?? []).sorted())
        }
        return CrashStates.State(landed: landed, inconsistentRows: stale.sorted(), degraded: degraded)
    }
}
