extension Engine {
    /// `powercut`: the power fails now. Each device write in flight lands whole, a prefix
    /// of its pages (`granularity=page`), or not at all, as `cut` says; reads in flight
    /// are lost, and so is everything in memory: the page cache, the pcol, the sp2d, the
    /// I/Os waiting for completions. `i_size` stays; the devices keep what landed. One
    /// `powercut` event names what landed, then a `page_remove` for every cached page.
    /// Writes that had not landed are lost, which is allowed (rule 8 says so): from here
    /// on the file should read back what the devices hold.
    func powercut(_ cut: Powercut) {
        let inFlight = Array(state.inflight)
        var fates = [UInt64(inFlight.count)]
        for id in inFlight {
            let request = timeline.requests[id]
            let pages = request.entries.count
            var landed = 0
            if !request.isRead {
                switch cut.landed {
                case .all: landed = pages
                case .none: landed = 0
                case .some(let list): landed = list.first { $0.request == id }.map { min($0.pages ?? pages, pages) } ?? 0
                }
            }
            fates += [UInt64(id), UInt64(landed)]
        }
        pcol = PageCollect()
        r4wPrivate = PageCollect()
        publishPcol()
        if state.sp2d != nil { stage(.sp2dEnd) }
        if state.mappingError { stage(.mappingError(false)) }
        let offset = timeline.args.count
        timeline.args.append(contentsOf: fates)
        emit(.powercut, x: UInt64(offset))
        ios.removeAll()
        requestOwner.removeAll()
        for index in 0..<state.pageSpan where state.pages[index].present { emit(.pageRemove, i: UInt32(index)) }
        if case .some(let list) = cut.landed {
            let strangers = list.map(\.request).filter { !inFlight.contains($0) || timeline.requests[$0].isRead }
            if !strangers.isEmpty {
                note("powercut: request\(strangers.count == 1 ? "" : "s") \(strangers.map(String.init).joined(separator: ", ")) named in landed \(strangers.count == 1 ? "was" : "were") not a write in flight; only writes in flight can land")
            }
        }
        guard let layout, let geometry = state.geometry else { return }
        powerReturned(layout: layout)
        // What the file reads back from now on: what its data pages hold after recovery.
        for page in 0..<Int((state.iSize + pageSize - 1) / pageSize) {
            let location = geometry.location(ofPage: page)
            setExpected(page, state.devices[layout.readCopy(of: location.dev, objectID: objectID)].token(at: Int(location.objPage)))
        }
    }

    /// Where a write path's recovery runs once the power is back, the one hook for it:
    /// md marks its array dirty (`recovery_cp` 0: reconstruct-write until `resync`),
    /// replays its journal or recovers parity from its PPL (`MdRaid5.powerReturned`).
    /// The ORE has none of these: parity stays as it landed, and a note says which
    /// stripes it left stale.
    func powerReturned(layout: OreLayout) {
        if let md = writePath as? MdRaid5 { return md.powerReturned(self) }
        let stale = (0..<state.stripeSpan).filter { !state.isParityConsistent(stripe: $0) }
        guard layout.parity > 0, !stale.isEmpty else { return }
        let list = stale.prefix(6).map(String.init).joined(separator: ", ") + (stale.count > 6 ? " and \(stale.count - 6) more" : "")
        note("The ORE has no resync, journal or partial parity log: stripe\(stale.count == 1 ? "" : "s") \(list) keep\(stale.count == 1 ? "s" : "") the parity the power cut left, which disagrees with the data; a read that had to rebuild a page from it would get data nobody wrote (the ORE never rebuilds: it fails the read)")
    }
}
