/// Rules 1 and 2 kept up to date instead of recomputed: the pages whose device copies
/// are not what the user last wrote and the stripes whose parity is not the XOR of
/// their data, as of the last audit. An audit looks again only at what changed since:
/// stripes the devices wrote, pages written by the user, pages and stripes that came
/// into or left the file, stripes from an object truncate's cut on; a new layout starts
/// over, a new file (whole and consistent on empty devices) starts clean.
struct DiskAudit {
    /// Events already looked at for device writes and layout changes.
    var scannedEvents = 0
    var lostPages = IndexBitmap()
    var inconsistentStripes = IndexBitmap()
    /// `i_size` and stripe span at the last audit.
    var iSize: UInt64 = 0
    var stripeSpan: UInt64 = 0
}

extension Engine {
    /// Brings `audit` up to the live state.
    func updateAudit(layout: any StripeGeometry) {
        var pages = expectedChanged
        expectedChanged.removeAll(keepingCapacity: true)
        var stripes = Set<UInt64>()
        var startOver = false
        // The first stripe an object truncate cut: it and every stripe after it may
        // have changed (a device's object pages run in stripe order), none before it.
        var firstCut: UInt64?
        var created = false
        for seq in audit.scannedEvents..<timeline.count {
            let e = timeline.events[seq]
            if e.hasAux {
                for change in timeline.auxChanges(of: seq) {
                    switch change {
                    case .layout:
                        startOver = true
                        created = false
                    case .createFile:
                        // A file created on empty devices reads back whole, with
                        // consistent parity: only what changes after it is looked at.
                        startOver = true
                        created = true
                        stripes = []
                    case .deviceTruncate(let dev, let size):
                        let stripe = layout.stripe(onDevice: dev, objPage: size / pageSize)
                        firstCut = min(firstCut ?? stripe, stripe)
                    default: break
                    }
                }
            }
            // Device writes land at their completion, or at a power cut (what of them landed).
            var landed: [(id: Int, pages: Int)] = []
            if e.kind == .ioDone, e.a & 1 == 0 {
                landed = [(Int(e.i), Int.max)]
            } else if e.kind == .powercut {
                landed = timeline.powercutFates(at: Int(e.x)).map { ($0.id, $0.landed) }
            }
            for (id, pages) in landed {
                let request = timeline.requests[id]
                guard !request.isRead else { continue }
                var last: UInt64?
                for entry in timeline.entries[request.entries].prefix(pages) {
                    let stripe = layout.stripe(onDevice: request.dev, objPage: entry.objPage)
                    if stripe != last { stripes.insert(stripe) }
                    last = stripe
                }
            }
        }
        let filePages = Int((state.iSize + pageSize - 1) / pageSize)
        let span = state.stripeSpan
        if startOver {
            audit = DiskAudit()
            if created {
                audit.iSize = state.iSize
                audit.stripeSpan = span
            } else {
                pages = Array(0..<filePages)
            }
        } else if audit.iSize != state.iSize {
            let auditedPages = Int((audit.iSize + pageSize - 1) / pageSize)
            // The last page reads back only up to i_size: it changes with i_size.
            if auditedPages > 0 { pages.append(auditedPages - 1) }
            if filePages > 0 { pages.append(filePages - 1) }
            pages += auditedPages..<max(auditedPages, filePages)
            for index in filePages..<max(filePages, auditedPages) { audit.lostPages.remove(index) }
        }
        audit.scannedEvents = timeline.count
        stripes.formUnion(audit.stripeSpan..<max(audit.stripeSpan, span))
        if let firstCut { stripes.formUnion(firstCut..<max(firstCut, audit.stripeSpan, span)) }
        audit.iSize = state.iSize
        audit.stripeSpan = span

        timeline.pagesVisited += stripes.count + pages.count
        for stripe in stripes {
            // A stripe the devices no longer reach holds nothing to disagree.
            guard stripe < span else {
                audit.inconsistentStripes.remove(Int(stripe))
                continue
            }
            audit.inconsistentStripes.update(Int(stripe), member: !state.inconsistentRows(stripe: stripe).isEmpty)
            if startOver, !created { continue }
            let first = Int(stripe) * layout.pagesInStripe
            for index in first..<min(first + layout.pagesInStripe, max(first, filePages)) {
                audit.lostPages.update(index, member: state.lostCopy(ofPage: index, layout: layout) != nil)
            }
        }
        for index in pages where index < filePages {
            audit.lostPages.update(index, member: state.lostCopy(ofPage: index, layout: layout) != nil)
        }
    }
}

extension SimState {
    /// A page below `i_size` whose device copy is not what the user last wrote, leaving
    /// out those not written back yet (dirty, or locked or under writeback while a
    /// writeback is `underway`: clear_page_dirty_for_io comes before set_page_writeback):
    /// rule 1's pages, also while the file is busy, cached or not. Once quiescent (and
    /// nothing underway), exactly the pages rule 1 names.
    public func isLost(_ index: Int, layout: any StripeGeometry, underway: Bool) -> Bool {
        guard UInt64(index) * pageSize < iSize else { return false }
        let flags = pages[index].flags
        if flags.contains(.dirty) || (!flags.isDisjoint(with: [.writeback, .locked]) && underway) { return false }
        return lostCopy(ofPage: index, layout: layout) != nil
    }

    /// The first device whose copy of file page `index` does not read back what the user
    /// last wrote (`expected`), with what it holds: rule 1 for one page, cached or not.
    public func lostCopy(ofPage index: Int, layout: any StripeGeometry) -> (dev: Int, onDisk: UInt64)? {
        let location = layout.location(ofPage: index)
        let tail = iSize % pageSize
        let last = index == Int((iSize + pageSize - 1) / pageSize) - 1
        for dev in layout.devicesHolding(page: index) where dev < devices.count {
            let onDisk = devices[dev].token(at: Int(location.objPage))
            guard onDisk != expected[index] else { continue }
            // The file's partial last page reads back only up to i_size (readpage_strip
            // zeroes the rest): a write that landed after the truncate is still right.
            if last, tail != 0, Token.truncated(onDisk, keeping: tail) == expected[index] { continue }
            return (dev, onDisk)
        }
        return nil
    }
}
