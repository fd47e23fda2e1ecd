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
        guard inflight.isEmpty else { return false }
        for index in 0..<pageSpan where pages[index].flags.contains(.dirty) { return false }
        return true
    }
}
