import StripeCore

/// Every fact the screen shows at the cursor, worked out once per cursor move: what
/// the event touches, the damage still on disk, the note in effect, the counters and
/// the stripe numbering. Every panel, `render`, the exports and the tests read these
/// instead of each deriving its own (which let the header and Enter show different
/// notes and the counters disagree with `trace --format summary`).
public struct ViewState: Sendable {
    public let timeline: Timeline
    public let cursor: Int
    /// The state after the cursor's event, as the panels show it.
    public let state: SimState
    /// What the event touches; nil before a layout exists.
    public let focus: ViewFocus?
    /// The `note` event in effect: from the start of a `note` line's command on, until the next one.
    public let note: Int?
    /// Device and user pages written, as every output counts them.
    public let writes: WriteTotals
    /// Misplaced object pages still marked, with the event that wrote each there.
    public let misplaced: [UnitPage: Int]
    /// The file pages of the running `ore_write`, the pcol its r4w ops see, and what
    /// each r4w `get_page` of the stripe being prepared returned (`DebuggerModel.settle`).
    public let oreWritePages: Range<Int>?
    public let pcolCopy: PageCollect?
    public let gotPages: [Int: EventPayload.GetPage]

    init(timeline t: Timeline, cursor: Int, state s: SimState, oreWritePages: Range<Int>?, pcolCopy: PageCollect?,
         gotPages: [Int: EventPayload.GetPage], damage: DamageIndex) {
        timeline = t
        self.cursor = cursor
        state = s
        self.oreWritePages = oreWritePages
        self.pcolCopy = pcolCopy
        self.gotPages = gotPages
        focus = ViewFocus.at(cursor, in: t, state: s, oreWritePages: oreWritePages)
        if let command = s.currentCommand, command + 1 < t.count, t.event(command + 1).kind == .note, command + 1 > cursor {
            note = command + 1
        } else {
            note = s.lastNote.flatMap { $0 <= cursor ? $0 : nil }
        }
        writes = WriteTotals(s, in: t)
        misplaced = damage.misplaced(at: cursor)
    }

    public var layout: OreLayout? { state.layout }
}

extension ViewState {
    /// Under writeback (or locked between two lines of the scenario) while no I/O is in
    /// flight, outside every kernel call or once the kernel hung (invariant 6): every
    /// later sync would wait on it forever. A page a `write` holds locked for a moment is not.
    public func isStranded(_ index: Int) -> Bool {
        guard (state.stack.isEmpty || state.kernelBug != nil) && state.inflight.isEmpty else { return false }
        let flags = state.pages[index].flags
        let betweenLines: Set<EventKind> = [.command, .note, .violation, .kernelBug]
        return flags.contains(.writeback) || flags.contains(.locked) && betweenLines.contains(timeline.event(cursor).kind)
    }

    /// A clean, uptodate cached page below `i_size` whose copy on a working device is
    /// not what the cache holds, with nothing on its way to fix it: the user's data was
    /// lost on disk (invariant 1), though the cache still shows a healthy `U`.
    public func isLost(_ index: Int) -> Bool {
        guard let layout = state.geometry, UInt64(index) * pageSize < state.iSize else { return false }
        let page = state.pages[index]
        guard page.present, page.flags.contains(.uptodate), page.flags.isDisjoint(with: [.dirty, .writeback, .locked]) else { return false }
        let location = layout.location(ofPage: index)
        let tail = state.iSize % pageSize
        let last = index == Int((state.iSize - 1) / pageSize)
        for dev in layout.devicesHolding(page: index) where dev < state.devices.count && !state.devices[dev].failed {
            let onDisk = state.devices[dev].token(at: Int(location.objPage))
            if onDisk == page.token { continue }
            // The partial last page reads back only up to i_size (readpage_strip zeroes the rest).
            if last, tail != 0, Token.truncated(onDisk, keeping: tail) == Token.truncated(page.token, keeping: tail) { continue }
            return true
        }
        return false
    }

    /// The stripe holding file page `index`, named as the grid names it (`sN`, file
    /// order), with its cycle, group and the stripe within the group beside it when the
    /// layout has groups.
    public func stripeName(ofPage index: Int) -> String? {
        guard let layout else { return nil }
        let info = layout.stripeInfo(at: UInt64(index) * pageSize)
        let stripe = "s\(layout.stripe(ofPage: index))"
        // ore_calc_stripe_info's M, G and N: the cycle over all groups, the group, the stripe in it.
        return layout.groupDepth == nil ? stripe : "\(stripe) (cycle \(info.cycle), group \(info.group), stripe \(info.stripe) of the group)"
    }
}
