extension Timeline {
    /// Bytes the timeline holds: its events and side tables, and every keyframe, with
    /// the chunks keyframes share counted once. A work counter, not a measurement of
    /// the process: the same scenario always gives the same figure, so tests can check
    /// that it grows in proportion to the events.
    public var heldBytes: Int {
        var bytes = events.count * MemoryLayout<Event>.stride
            + args.count * MemoryLayout<UInt64>.stride
            + strings.reduce(0) { $0 + MemoryLayout<String>.stride + $1.utf8.count }
            + requests.count * MemoryLayout<IORequest>.stride
            + entries.count * MemoryLayout<RequestEntry>.stride
            + aux.count * MemoryLayout<AuxChange>.stride
            + (auxOwners.count + auxStarts.count) * MemoryLayout<Int>.stride
            + eventIndex.heldBytes
        var seen = Set<UnsafeRawPointer>()
        for keyframe in keyframes { bytes += keyframe.heldBytes(seen: &seen) }
        return bytes
    }
}

extension SimState {
    /// This state's bytes not already in `seen`.
    func heldBytes(seen: inout Set<UnsafeRawPointer>) -> Int {
        var bytes = MemoryLayout<SimState>.stride
            + pages.heldBytes(seen: &seen)
            + Footprint.unique(devices, &seen)
            + Footprint.unique(stack, &seen)
            + Footprint.unique(sp2d?.cells ?? [], &seen)
        for device in devices { bytes += device.heldBytes(seen: &seen) }
        bytes += expected.heldBytes(seen: &seen)
        for set in [inflight, dirtyPages, presentPages, referencedPages, unlockedWritebackPages, busyPages] {
            bytes += set.heldBytes(seen: &seen)
        }
        return bytes
    }
}
