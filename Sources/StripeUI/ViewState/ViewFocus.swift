import StripeCore

/// What the event at the cursor touches, as a debugger's program counter: the stripes
/// (file order) the page grid and the stripe map must show, the pages and the devices.
public struct ViewFocus: Sendable, Equatable {
    /// File-order stripes the event touches, lowest to highest.
    public var stripes: ClosedRange<Int>
    /// The file pages the event is about (one page for a page event; an `ore_write`'s pages).
    public var pages: Range<Int>?
    /// Devices the event's request goes to.
    public var devices: [Int] = []

    public init(stripes: ClosedRange<Int>, pages: Range<Int>? = nil, devices: [Int] = []) {
        self.stripes = stripes
        self.pages = pages
        self.devices = devices
    }

    /// The first of `total` rows to show, `visible` at a time, so that the focused
    /// stripes are on screen: all of them centred when they fit, else from the first.
    public func firstRow(visible: Int, total: Int) -> Int {
        Self.clampFirst(stripes.count <= visible ? (stripes.lowerBound + stripes.upperBound + 1) / 2 - visible / 2 : stripes.lowerBound,
                        visible: visible, total: total)
    }

    /// `first` kept inside `0 ... total - visible`.
    public static func clampFirst(_ first: Int, visible: Int, total: Int) -> Int {
        max(0, min(first, total - visible))
    }
}

extension ViewFocus {
    /// Events looked back at when the cursor's own event touches nothing (a command, a
    /// call without a page): the focus stays where the I/O last was instead of jumping
    /// back to stripe 0. Bounded, so a step costs the same on any timeline.
    static let lookBack = 512

    /// The focus at `cursor`: what its event touches; else what the running I/O is
    /// about (the stripe being prepared, the `ore_write`'s pages, the pcol); else the
    /// latest event before that touched something.
    static func at(_ cursor: Int, in t: Timeline, state s: SimState, oreWritePages: Range<Int>?) -> ViewFocus? {
        guard let layout = s.layout else { return nil }
        if let focus = touched(by: cursor, in: t, layout: layout) { return focus }
        if let sp2d = s.sp2d { return ViewFocus(stripes: Int(sp2d.stripe)...Int(sp2d.stripe)) }
        if let pages = oreWritePages, !pages.isEmpty { return ViewFocus(pages: pages, layout: layout) }
        if let first = s.pcol.pages.first { return ViewFocus(pages: first..<(first + 1), layout: layout) }
        var seq = cursor - 1
        while seq >= max(0, cursor - lookBack) {
            if let focus = touched(by: seq, in: t, layout: layout) { return focus }
            seq -= 1
        }
        return nil
    }

    init(pages: Range<Int>, layout: OreLayout) {
        self.init(stripes: pages.lowerBound / layout.pagesInStripe...(pages.upperBound - 1) / layout.pagesInStripe, pages: pages)
    }

    /// What event `seq` itself touches: its page, its request's object pages (their
    /// stripes, misplaced ones included), the stripe whose parity it computed.
    static func touched(by seq: Int, in t: Timeline, layout: OreLayout) -> ViewFocus? {
        let kind = t.event(seq).kind
        switch kind {
        case .devRead, .devWrite, .ioDone:
            let request: IORequest
            switch t.payload(of: seq) {
            case .devRead(let r), .devWrite(let r): request = r.request
            case .ioDone(let done): request = done.request
            default: return nil
            }
            var low = Int.max, high = Int.min
            for entry in t.entries(of: request) {
                let stripe = Int(layout.stripe(onDevice: request.dev, objPage: entry.objPage))
                low = min(low, stripe)
                high = max(high, stripe)
            }
            return low <= high ? ViewFocus(stripes: low...high, devices: [request.dev]) : nil
        case .xor:
            guard case .xor(let update) = t.payload(of: seq) else { return nil }
            return ViewFocus(stripes: Int(update.stripe)...Int(update.stripe), devices: [update.parityDev] + (update.qDev.map { [$0] } ?? []))
        default:
            guard let page = t.pageIndex(of: seq) else { return nil }
            return ViewFocus(pages: page..<(page + 1), layout: layout)
        }
    }
}
