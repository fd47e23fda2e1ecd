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
    /// A writeback is still on its way to the devices: I/O in flight, or a kernel call
    /// running that is not a completion ending it (`isLost`).
    let writebackUnderway: Bool
    /// Where pages live under the write path in use (`SimState.geometry`), looked up once:
    /// the page grid asks `isLost` of every cell it draws.
    let geometry: (any StripeGeometry)?
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
        writes = WriteTotals(s)
        geometry = s.geometry
        misplaced = damage.misplaced(at: cursor)
        writebackUnderway = !s.inflight.isEmpty || s.kernelBug == nil && s.stack.first.map { call in
            !Self.completions.contains(KernelFunction(rawValue: t.event(call).a))
        } ?? false
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

    /// A page below `i_size` whose device copy is not what the user last wrote, with
    /// nothing on its way to fix it (`SimState.isLost`: rule 1's pages), cached or not:
    /// the cache may still show a healthy `U`, or not hold the page at all.
    public func isLost(_ index: Int) -> Bool {
        guard let geometry else { return false }
        return state.isLost(index, layout: geometry, underway: writebackUnderway)
    }

    /// The completions that end a writeback: while one runs, nothing more is on its way.
    static let completions: Set<KernelFunction?> = [.writepages_done, .readpages_done, .raid5_end_write_request, .raid5_end_read_request]

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
