extension SimState {
    /// Stripes (file order) that hold file data or ever did, or that any device object
    /// reaches: a truncate does not take a stripe out of the parity check, whatever it
    /// left on the devices.
    public var stripeSpan: UInt64 {
        guard let layout = geometry, let arrayDevices = self.layout?.devices, let stripeBytes = self.layout?.stripeBytes else { return 0 }
        let bytes = max(iSizeHighWater, UInt64(pageSpan) * pageSize)
        var span = (bytes + stripeBytes - 1) / stripeBytes
        // Every parity row on the devices (SPEC 6), also where a misplaced unit wrote past
        // the file's data; md's log device holds no stripes.
        for (dev, device) in devices.enumerated() where device.objectSize > 0 && dev < arrayDevices {
            span = max(span, layout.stripe(onDevice: dev, objPage: (device.objectSize - 1) / pageSize) + 1)
        }
        return span
    }

    /// Rows of stripe `stripe` whose on-disk parity (P, or P and Q) does not agree with
    /// the on-disk data.
    public func inconsistentRows(stripe: UInt64) -> [Int] {
        guard let layout = geometry, layout.parity > 0 else { return [] }
        return (0..<layout.pagesInUnit).filter { !inconsistentUnits(stripe: stripe, row: $0).isEmpty }
    }

    /// The parity units (0 = P, 1 = Q) of row `row` of stripe `stripe` whose on-disk copy,
    /// on any mirror, is not what `ParityScheme` computes from the on-disk data (SPEC 6, rule 2).
    public func inconsistentUnits(stripe: UInt64, row: Int) -> [Int] {
        geometry?.inconsistentUnits(stripe: stripe, row: row) { devices[$0].token(at: Int($1)) } ?? []
    }

    /// Rule 2's sentence for stripe `stripe`, nil when its parity agrees with its data:
    /// the rows, and the parity unit of the first of them that disagrees, named P or Q
    /// with RAID6 ("parity" with RAID5's one unit).
    public func parityMismatch(stripe: UInt64) -> String? {
        guard let layout = geometry else { return nil }
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

extension StripeGeometry {
    /// The parity units (0 = P, 1 = Q) of row `row` of stripe `stripe` whose copy, on any
    /// mirror, is not what `ParityScheme` computes from the data, reading object pages
    /// through `token(dev, objPage)`: the devices now, or a crash state over them.
    public func inconsistentUnits(stripe: UInt64, row: Int, token: (Int, UInt64) -> UInt64) -> [Int] {
        rowSlots(stripe: stripe, row: row).inconsistentUnits(token: token)
    }
}
