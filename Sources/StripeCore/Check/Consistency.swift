extension SimState {
    /// Stripes (file order) that hold file data or ever did: a truncate does not take
    /// a stripe out of the parity check, whatever it left on the devices.
    public var stripeSpan: UInt64 {
        guard let layout else { return 0 }
        let bytes = max(iSizeHighWater, UInt64(pageSpan) * pageSize)
        return (bytes + layout.stripeBytes - 1) / layout.stripeBytes
    }

    /// Rows of stripe `stripe` whose on-disk parity is not the XOR of the on-disk data
    /// (every mirror copy of the parity is compared).
    public func inconsistentRows(stripe: UInt64) -> [Int] {
        guard let layout, layout.parity > 0 else { return [] }
        var rows: [Int] = []
        let firstPage = Int(stripe) * layout.pagesInStripe
        for row in 0..<layout.pagesInUnit {
            var xor: UInt64 = 0
            for column in 0..<layout.dataDevices {
                let location = layout.location(ofPage: firstPage + column * layout.pagesInUnit + row)
                xor ^= devices[location.dev].objects[Int(location.objPage)]
            }
            let slot = layout.paritySlot(stripe: stripe, row: row)
            if slot.devs.contains(where: { devices[$0].objects[Int(slot.objPage)] != xor }) { rows.append(row) }
        }
        return rows
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
