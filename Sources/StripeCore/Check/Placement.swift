extension Engine {
    /// Invariant 7, when a request is submitted: every unit it writes or reads lies at
    /// the object offset `ore_calc_stripe_info` maps its pages to. Says which page went
    /// where, and why the code put it there.
    func checkPlacement(_ bio: [OrePerDevState.BioPage], entries: [RequestEntry], dev: Int, op: String,
                        layout: OreLayout) {
        var misplaced: [(what: String, at: UInt64, expected: UInt64)] = []
        for (page, entry) in zip(bio, entries) {
            switch page {
            case .data(let index, _):
                let expected = layout.location(ofPage: index).objPage
                if entry.objPage != expected {
                    misplaced.append(("page \(index) (stripe \(layout.stripe(ofPage: index)))", entry.objPage, expected))
                }
            case .parity(_, let stripe, let row, let unit):
                let expected = layout.paritySlots(stripe: stripe, row: row)[unit].objPage
                if entry.objPage != expected {
                    misplaced.append(("\(unit == 0 ? "P" : "Q") row \(row) of stripe \(stripe)", entry.objPage, expected))
                }
            }
        }
        guard let first = misplaced.first else { return }
        let more = misplaced.count > 1 ? " (and \(misplaced.count - 1) more page\(misplaced.count == 2 ? "" : "s") of this request)" : ""
        let why = placementEra == .final
            ? "the final _prepare_for_striping gives a device first used after the I/O's first unit the offset si->obj_offset - si->unit_off and advances si->obj_offset only at a parity unit"
            : "_prepare_for_striping's dev_order comparison put the unit there"
        violation(rule: 7, "misplaced unit: dev \(dev) \(op) \(first.what) at object page \(first.at), but ore_calc_stripe_info maps it to object page \(first.expected)\(more): \(why)")
    }
}
