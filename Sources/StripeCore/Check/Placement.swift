extension Engine {
    /// The object page `ore_calc_stripe_info` maps a bio page to.
    private func expectedObjPage(_ page: OrePerDevState.BioPage, layout: OreLayout) -> UInt64 {
        switch page {
        case .data(let index, _): layout.location(ofPage: index).objPage
        case .parity(_, let stripe, let row, let unit): layout.paritySlots(stripe: stripe, row: row)[unit].objPage
        }
    }

    /// `entries` with each page that lies elsewhere than its mapping marked `misplaced`.
    func placed(_ bio: [OrePerDevState.BioPage], _ entries: [RequestEntry], layout: OreLayout) -> [RequestEntry] {
        var entries = entries
        for k in entries.indices where entries[k].objPage != expectedObjPage(bio[k], layout: layout) {
            entries[k].misplaced = true
        }
        return entries
    }

    /// Invariant 7, when a request is submitted: every unit it writes or reads lies at
    /// the object offset `ore_calc_stripe_info` maps its pages to. Says which page went
    /// where, and why the code put it there.
    func checkPlacement(_ bio: [OrePerDevState.BioPage], entries: [RequestEntry], dev: Int, op: String,
                        layout: OreLayout) {
        var misplaced: [(what: String, at: UInt64, expected: UInt64)] = []
        for (page, entry) in zip(bio, entries) where entry.misplaced {
            let expected = expectedObjPage(page, layout: layout)
            switch page {
            case .data(let index, _):
                misplaced.append(("page \(index) (stripe \(layout.stripe(ofPage: index)))", entry.objPage, expected))
            case .parity(_, let stripe, let row, let unit):
                misplaced.append(("\(unit == 0 ? "P" : "Q") row \(row) of stripe \(stripe)", entry.objPage, expected))
            }
        }
        guard let first = misplaced.first else { return }
        let more = misplaced.count > 1 ? " (and \(misplaced.count - 1) more page\(misplaced.count == 2 ? "" : "s") of this request)" : ""
        let why = switch placement {
        case .advanceAtParity:
            "the final _prepare_for_striping gives a device first used after the I/O's first unit the offset si->obj_offset - si->unit_off and advances si->obj_offset only at a parity unit"
        case .devOrder where layout.parity == 0:
            "3.2's _dev_order misses its RAID0 test outside group 0 (si->par_dev = group_width is not past this group), so the unit's order is one off and it lands a stripe row away"
        case .devOrder:
            "_prepare_for_striping's dev_order comparison put the unit there"
        }
        violation(rule: 7, "misplaced unit: dev \(dev) \(op) \(first.what) at object page \(first.at), but ore_calc_stripe_info maps it to object page \(first.expected)\(more): \(why)")
    }
}
