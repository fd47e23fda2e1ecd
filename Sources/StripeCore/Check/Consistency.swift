extension SimState {
    /// Stripes (file order) that hold file data or ever did, or that any device object
    /// reaches: a truncate does not take a stripe out of the parity check, whatever it
    /// left on the devices.
    public var stripeSpan: UInt64 {
        guard let layout else { return 0 }
        let bytes = max(iSizeHighWater, UInt64(pageSpan) * pageSize)
        var span = (bytes + layout.stripeBytes - 1) / layout.stripeBytes
        // Every parity row on the devices (SPEC 6), also where a misplaced unit wrote past
        // the file's data.
        for (dev, device) in devices.enumerated() where device.objectSize > 0 {
            span = max(span, layout.stripe(onDevice: dev, objPage: (device.objectSize - 1) / pageSize) + 1)
        }
        return span
    }

    /// Rows of stripe `stripe` whose on-disk parity (P, or P and Q) does not agree with
    /// the on-disk data.
    public func inconsistentRows(stripe: UInt64) -> [Int] {
        guard let layout, layout.parity > 0 else { return [] }
        return (0..<layout.pagesInUnit).filter { !inconsistentUnits(stripe: stripe, row: $0).isEmpty }
    }

    /// The parity units (0 = P, 1 = Q) of row `row` of stripe `stripe` whose on-disk copy,
    /// on any mirror, is not what `ParityScheme` computes from the on-disk data (SPEC 6, rule 2).
    public func inconsistentUnits(stripe: UInt64, row: Int) -> [Int] {
        guard let layout, layout.parity > 0 else { return [] }
        let parity = ParityScheme.parity(stripe: stripe, row: row, layout: layout) { page in
            let location = layout.location(ofPage: page)
            return devices[location.dev].token(at: Int(location.objPage))
        }
        let slots = layout.paritySlots(stripe: stripe, row: row)
        return slots.indices.filter { unit in
            slots[unit].devs.contains { devices[$0].token(at: Int(slots[unit].objPage)) != parity[unit] }
        }
    }

    /// Rule 2's sentence for stripe `stripe`, nil when its parity agrees with its data:
    /// the rows, and the parity unit of the first of them that disagrees, named P or Q
    /// with RAID6 ("parity" with RAID5's one unit).
    public func parityMismatch(stripe: UInt64) -> String? {
        guard let layout else { return nil }
        let rows = inconsistentRows(stripe: stripe)
        guard let row = rows.first else { return nil }
        let slots = layout.paritySlots(stripe: stripe, row: row)
        let dataDevs = (0..<layout.dataDevices).map {
            String(layout.location(ofPage: Int(stripe) * layout.pagesInStripe + $0 * layout.pagesInUnit).dev)
        }.joined(separator: ", ")
        let units = inconsistentUnits(stripe: stripe, row: row).map { unit in
            let name = layout.parity == 1 ? "parity" : ParityScheme.name(ofUnit: unit)
            let rule = unit == 0 ? "the XOR" : "the syndrome Σ gⁱ·Dᵢ"
            return "\(name) on dev \(slots[unit].devs.lowerBound) (object page \(slots[unit].objPage)) is not \(rule)"
        }.joined(separator: " and ")
        return "stripe \(stripe) \(rows.count == 1 ? "row" : "rows") \(rows.map(String.init).joined(separator: ", ")): \(units) of the data on devs \(dataDevs)"
    }

    /// Whether stripe `stripe`'s on-disk parity agrees with its on-disk data: false in
    /// the RAID5 write-hole window.
    public func isParityConsistent(stripe: UInt64) -> Bool { inconsistentRows(stripe: stripe).isEmpty }

    /// No dirty page and nothing in flight (SPEC 6). A page stranded under writeback does
    /// not make the file busy: no I/O will ever write it.
    public var isQuiescent: Bool {
        inflight.isEmpty && dirtyPages.isEmpty
    }
}
