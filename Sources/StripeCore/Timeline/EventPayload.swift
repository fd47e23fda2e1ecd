/// What one event says, decoded from its packed `Event` and the timeline's side tables.
/// This is the only reader of the raw fields outside `Timeline+Apply` (the replay hot
/// path): the text and JSON traces, the Chrome trace, breakpoints, the CLI and every
/// panel read this, so they cannot disagree. A new kind or field is one case here.
public enum EventPayload: Sendable, Equatable {
    /// A scenario command: its line, its text, and its number among the commands run.
    case command(line: Int, text: String, number: Int)
    case note(line: Int, text: String)
    case call(KernelCall)
    case `return`(KernelCall)
    case page(PageChange)
    case pageAdd(index: Int)
    case pageRemove(index: Int)
    case r4wGetPage(GetPage)
    case r4wPutPage(index: Int, released: Bool)
    case devRead(DeviceRequest)
    case devWrite(DeviceRequest)
    case ioDone(IODone)
    case xor(ParityUpdate)
    case violation(rule: Int, detail: String)
    /// Where the kernel BUGs, oopses or waits forever: the last event of its run.
    case kernelBug(fn: KernelFunction, detail: String)
    /// md's `handle_stripe_dirtying`: what it counted and chose for one stripe_head.
    case mdDecision(MdDecision)
    /// The power failed: how much of each request in flight reached its device.
    case powercut(PowerLoss)
    /// An `expect` claim that does not hold: its line, the claim as written, what holds.
    case claimFailed(line: Int, claim: String, actual: String)

    /// A kernel function's call or return, with its arguments in `argumentNames` order.
    public struct KernelCall: Sendable, Equatable {
        public var function: KernelFunction
        public var values: [UInt64]

        /// Arguments with their kernel names; `UInt64.max` stands for "none" (`-`).
        public var arguments: [(name: String, value: UInt64)] {
            zip(function.argumentNames, values).map { ($0, $1) }
        }

        /// The page this call is about (`writepage_strip(index=7)`), if it names one.
        public var page: Int? { function.pageArgument.map { Int(values[$0]) } }

        /// The value of argument `name`, if the function has one by that name.
        public func argument(_ name: String) -> UInt64? {
            function.argumentNames.firstIndex(of: name).map { values[$0] }
        }
    }

    public struct PageChange: Sendable, Equatable {
        public var index: Int
        public var set: PageFlags
        public var clear: PageFlags
        /// The page's new content, when the event changed it.
        public var token: UInt64?
    }

    /// `__r4w_get_page`: the page asked for, where it came from, whether it is uptodate,
    /// and the sp2d cell it filled.
    public struct GetPage: Sendable, Equatable {
        public var index: Int
        public var source: PageSource
        public var uptodate: Bool
        /// The sp2d cell the returned page went into (row, column and what it holds).
        public var cell: (row: Int, column: Int, value: Sp2dCell)?

        public static func == (a: GetPage, b: GetPage) -> Bool {
            a.index == b.index && a.source == b.source && a.uptodate == b.uptodate
                && a.cell?.row == b.cell?.row && a.cell?.column == b.cell?.column && a.cell?.value == b.cell?.value
        }
    }

    /// A request submitted to a device (`dev_read` / `dev_write`).
    public struct DeviceRequest: Sendable, Equatable {
        public var id: Int
        public var request: IORequest
    }

    public struct IODone: Sendable, Equatable {
        public var id: Int
        public var request: IORequest
        public var error: Bool
    }

    /// What `_gen_xor_unit` recomputed.
    public struct ParityUpdate: Sendable, Equatable {
        public var stripe: UInt64
        public var rows: ClosedRange<Int>
        public var parityDev: Int
        /// RAID6's Q device; nil with one parity unit.
        public var qDev: Int?
        /// Device pages md's read-modify-write would have read for this stripe (0 when
        /// the stripe was written whole).
        public var readModifyWritePages: UInt64
    }

    /// What a power cut did to the requests in flight (SPEC 11).
    public struct PowerLoss: Sendable, Equatable {
        public struct Fate: Sendable, Equatable {
            public var id: Int
            public var request: IORequest
            /// Pages of the request that reached the device, a prefix in object order
            /// (0 for a lost write and for every read).
            public var landedPages: Int
        }

        public var requests: [Fate]
        public var landed: [Fate] { requests.filter { $0.landedPages > 0 } }
        public var lost: [Fate] { requests.filter { $0.landedPages == 0 } }
    }

    /// The event kind this payload belongs to.
    public var kind: EventKind {
        switch self {
        case .command: .command
        case .note: .note
        case .call: .call
        case .return: .return
        case .page: .page
        case .pageAdd: .pageAdd
        case .pageRemove: .pageRemove
        case .r4wGetPage: .r4wGetPage
        case .r4wPutPage: .r4wPutPage
        case .devRead: .devRead
        case .devWrite: .devWrite
        case .ioDone: .ioDone
        case .xor: .xor
        case .violation: .violation
        case .kernelBug: .kernelBug
        case .mdDecision: .mdDecision
        case .powercut: .powercut
        case .claimFailed: .claimFailed
        }
    }

    /// The page the event is about, if any (breakpoints, the page grid, page history).
    public var page: Int? {
        switch self {
        case .page(let change): change.index
        case .pageAdd(let index), .pageRemove(let index), .r4wPutPage(let index, _): index
        case .r4wGetPage(let get): get.index
        case .call(let call): call.page
        default: nil
        }
    }

    /// The device the event is about, if any.
    public var device: Int? {
        switch self {
        case .devRead(let r), .devWrite(let r): r.request.dev
        case .ioDone(let done): done.request.dev
        case .xor(let update): update.parityDev
        default: nil
        }
    }
}

extension KernelFunction {
    /// Which argument is the page the call is about (`index`), if any.
    public var pageArgument: Int? { argumentNames.firstIndex(of: "index") }

    /// The function's symbol in the kernel source, for the call stack: exofs's
    /// address-space operations carry the `exofs_` prefix there.
    public var kernelSymbol: String {
        switch self {
        case .writepages, .readpages, .readpage, .writepage, .write_begin, .write_end: "exofs_" + name
        default: name
        }
    }
}

extension PageSource {
    /// What `__r4w_get_page` returned, in the kernel's words.
    public var returned: String {
        switch self {
        case .cache: "cache page"
        case .created: "created page"
        case .zero: "ZERO_PAGE"
        case .locked: "that_locked_page"
        }
    }
}

extension Timeline {
    /// Event `seq`, decoded.
    public func payload(of seq: Int) -> EventPayload {
        let e = events[seq]
        switch e.kind {
        case .command: return .command(line: Int(e.i), text: scenario.lines[Int(e.x)].text, number: Int(e.x))
        case .note: return .note(line: Int(e.i), text: strings[Int(e.x)])
        case .call, .return:
            let fn = KernelFunction(rawValue: e.a)!
            let start = Int(e.x)
            let call = EventPayload.KernelCall(function: fn, values: Array(args[start..<(start + fn.argumentNames.count)]))
            return e.kind == .call ? .call(call) : .return(call)
        case .page:
            return .page(.init(index: Int(e.i), set: PageFlags(rawValue: e.a & 0x7f), clear: PageFlags(rawValue: e.b & ~Event.tokenRead),
                               token: e.a & Event.tokenChanged != 0 ? e.x : nil))
        case .pageAdd: return .pageAdd(index: Int(e.i))
        case .pageRemove: return .pageRemove(index: Int(e.i))
        case .r4wGetPage:
            return .r4wGetPage(.init(index: Int(e.i), source: PageSource(rawValue: e.a & 0x7f)!,
                                     uptodate: e.a & Event.uptodateBit != 0, cell: sp2dCellFilled(after: seq)))
        case .r4wPutPage: return .r4wPutPage(index: Int(e.i), released: e.a & 1 != 0)
        case .devRead: return .devRead(.init(id: Int(e.i), request: requests[Int(e.i)]))
        case .devWrite: return .devWrite(.init(id: Int(e.i), request: requests[Int(e.i)]))
        case .ioDone: return .ioDone(.init(id: Int(e.i), request: requests[Int(e.i)], error: e.a & 1 != 0))
        case .xor:
            let at = Int(e.x)
            return .xor(.init(stripe: args[at], rows: Int(args[at + 1])...Int(args[at + 2]), parityDev: Int(args[at + 3]),
                              qDev: args[at + 5] == 0 ? nil : Int(args[at + 5] - 1), readModifyWritePages: args[at + 4]))
        case .violation: return .violation(rule: Int(e.a), detail: strings[Int(e.x)])
        case .kernelBug: return .kernelBug(fn: KernelFunction(rawValue: e.a)!, detail: strings[Int(e.x)])
        case .mdDecision: return .mdDecision(MdDecision(args: args, at: Int(e.x)))
        case .powercut:
            return .powercut(.init(requests: powercutFates(at: Int(e.x)).map {
                .init(id: $0.id, request: requests[$0.id], landedPages: $0.landed)
            }))
        case .claimFailed: return .claimFailed(line: Int(e.i), claim: strings[Int(e.x)], actual: strings[Int(e.x) + 1])
        }
    }

    /// The requests a `powercut` event found in flight and how many pages of each
    /// landed, from the argument table at `offset` (count, then id and pages per request).
    func powercutFates(at offset: Int) -> [(id: Int, landed: Int)] {
        (0..<Int(args[offset])).map { (Int(args[offset + 1 + 2 * $0]), Int(args[offset + 2 + 2 * $0])) }
    }

    /// The kernel function of a `call` / `return` event, without decoding its arguments
    /// (the call stack and breakpoints ask this of many events).
    public func function(of seq: Int) -> KernelFunction? {
        let e = events[seq]
        guard e.kind == .call || e.kind == .return else { return nil }
        return KernelFunction(rawValue: e.a)
    }

    /// The page event `seq` is about (`EventPayload.page`), without decoding the rest:
    /// breakpoints and a page's history ask this of many events.
    public func pageIndex(of seq: Int) -> Int? {
        let e = events[seq]
        switch e.kind {
        case .page, .pageAdd, .pageRemove, .r4wGetPage, .r4wPutPage: return Int(e.i)
        case .call: return KernelFunction(rawValue: e.a)!.pageArgument.map { Int(args[Int(e.x) + $0]) }
        default: return nil
        }
    }

    /// The sp2d cell the engine filled with the page an `r4w_get_page` returned. The
    /// engine records the cell as a change riding on the next event; this reads it
    /// there, so views can show it at the `get_page` itself.
    func sp2dCellFilled(after seq: Int) -> (row: Int, column: Int, value: Sp2dCell)? {
        guard seq + 1 < count, events[seq + 1].hasAux else { return nil }
        for change in auxChanges(of: seq + 1) {
            if case .sp2dCell(let row, let column, let cell) = change, cell.isRead { return (row, column, cell) }
        }
        return nil
    }

    /// The state a viewer should see at event `seq`: the state after it, with what the
    /// event did that the engine records on the next event already in place (the sp2d
    /// cell a `get_page` filled), and, inside `_sp2d_reset`, the cells of pages already
    /// `put_page`d cleared (`page_is_read = false`), as the kernel's loop leaves them.
    public func shownState(at seq: Int, from state: SimState) -> SimState {
        guard seq >= 0, seq < count, var sp2d = state.sp2d, let layout = state.layout else { return state }
        if events[seq].kind == .r4wGetPage, let cell = sp2dCellFilled(after: seq) {
            sp2d[cell.row, cell.column] = cell.value
        } else if let reset = state.stack.last, function(of: reset) == ._sp2d_reset {
            let firstPage = Int(sp2d.stripe) * layout.pagesInStripe
            for n in reset...seq where events[n].kind == .r4wPutPage {
                guard case .r4wPutPage(let index, _) = payload(of: n) else { continue }
                let inStripe = index - firstPage
                sp2d[inStripe % layout.pagesInUnit, inStripe / layout.pagesInUnit] = .empty
            }
        } else {
            return state
        }
        var shown = state
        shown.sp2d = sp2d
        return shown
    }
}
