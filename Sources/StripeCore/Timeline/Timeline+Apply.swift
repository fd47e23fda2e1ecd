extension Timeline {
    /// Applies event `seq` to `s`. This is the only code that changes a `SimState`:
    /// the engine changes its live state through it too, so replay equals the run.
    func apply(_ seq: Int, to s: inout SimState) {
        let e = events[seq]
        if e.hasAux {
            for change in auxChanges(of: seq) { s.apply(change) }
        }
        switch e.kind {
        case .command:
            s.currentCommand = seq
        case .note:
            s.lastNote = seq
        case .xor:
            let rmw = args[Int(e.x) + 4]
            if rmw > 0 {
                s.counters.partialStripes += 1
                s.counters.rmwDevicePages += rmw
            }
        case .violation:
            s.counters.violations += 1
        case .kernelBug:
            s.kernelBug = seq
        case .mdDecision:
            // The stripe writes md scheduled, by how: a stripe that read first was decided
            // twice (`MdDecision.scheduled`).
            let (choice, scheduled) = MdDecision.choice(args: args, at: Int(e.x))
            guard scheduled else { break }
            switch choice {
            case .rmw: s.counters.mdRmw += 1
            case .rcw: s.counters.mdRcw += 1
            case .full: s.counters.mdFull += 1
            case .delayed: break
            }
        case .claimFailed:
            s.counters.claimsFailed += 1
        case .call:
            s.stack.append(seq)
            if e.a == KernelFunction.write_end.rawValue { s.counters.userPagesWritten += 1 }
        case .return:
            s.stack.removeLast()
        case .page:
            s.updatePage(Int(e.i)) { page in
                page.flags.formUnion(PageFlags(rawValue: e.a & 0x7f))
                page.flags.subtract(PageFlags(rawValue: e.b & ~Event.tokenRead))
                if e.a & Event.tokenChanged != 0 {
                    page.token = e.x
                    if e.b & Event.tokenRead != 0 { page.marks.insert(.readFromDevice) } else { page.marks.remove(.readFromDevice) }
                }
            }
            // A token put in a page left dirty is the user's (write_end, `cache dirty`, a
            // dirty tail zeroed by truncate_setsize): what the page should read back. No
            // aux change needed: the page event carries it.
            if e.a & Event.tokenChanged != 0, s.pages[Int(e.i)].flags.contains(.dirty) { s.expected[Int(e.i)] = e.x }
        case .pageAdd:
            let index = Int(e.i)
            s.updatePage(index) { page in
                page = Page()
                page.present = true
            }
            s.cachedPages += 1
            s.presentPages.insert(index)
            s.pageSpan = max(s.pageSpan, index + 1)
        case .pageRemove:
            s.updatePage(Int(e.i)) { $0 = Page() }
            s.cachedPages -= 1
            s.presentPages.remove(Int(e.i))
        case .r4wGetPage:
            let source = PageSource(rawValue: e.a & 0x7f)!
            let index = Int(e.i)
            if source == .cache || source == .created {
                s.updatePage(index) { page in
                    page.refs += 1
                    page.marks.insert(.r4wGot)
                }
            }
            if e.a & Event.uptodateBit != 0 { s.counters.r4wHits += 1 } else { s.counters.r4wMisses += 1 }
        case .r4wPutPage:
            if e.a & 1 != 0 {
                s.updatePage(Int(e.i)) { page in
                    page.refs -= 1
                    if page.refs == 0 { page.marks.remove(.r4wGot) }
                }
            }
        case .devRead, .devWrite:
            let request = requests[Int(e.i)]
            s.inflight.insert(Int(e.i))
            s.devices[request.dev].requests += 1
            let n = UInt64(request.entries.count)
            if request.isRead {
                s.devices[request.dev].pagesRead += n
                if request.purpose == .r4w { s.counters.r4wDevicePagesRead += n }
            } else {
                s.devices[request.dev].pagesWritten += n
                s.writePagesInFlight += n
            }
        case .ioDone:
            let id = Int(e.i)
            let request = requests[id]
            s.inflight.remove(id)
            if !request.isRead { s.writePagesInFlight -= UInt64(request.entries.count) }
            guard e.a & 1 == 0 else { break }
            for entry in entries[request.entries] {
                if request.isRead {
                    guard request.purpose.fillsPageCache else { continue }
                    let index = Int(entry.value)
                    // A read from inside the page (the tail of a partial last page)
                    // fills only what lies past the data the page holds.
                    if entry.start == 0 { s.pages[index].token = s.devices[request.dev].token(at: Int(entry.objPage)) }
                    s.pages[index].marks.insert(.readFromDevice)
                } else {
                    s.store(entry.value, dev: request.dev, objPage: entry.objPage, end: UInt64(entry.end))
                }
            }
        case .powercut:
            for fate in powercutFates(at: Int(e.x)) {
                s.inflight.remove(fate.id)
                let request = requests[fate.id]
                guard !request.isRead else { continue }
                s.writePagesInFlight -= UInt64(request.entries.count)
                for entry in entries[request.entries].prefix(fate.landed) {
                    s.store(entry.value, dev: request.dev, objPage: entry.objPage, end: UInt64(entry.end))
                }
            }
        }
    }
}

extension SimState {
    mutating func apply(_ change: AuxChange) {
        switch change {
        case .layout(let layout):
            self.layout = layout
            devices = Array(repeating: ObjectDevice(), count: layout.devices)
        case .profile(let profile):
            self.profile = profile
        case .switches(let switches):
            self.switches = switches
        case .completions(let manual):
            manualCompletions = manual
        case .writePath(let choice):
            writePath = choice
            // md's log lives on a device of its own after the array's.
            if case .md(let config) = choice, config.log != .none, let layout, devices.count == layout.devices {
                devices.append(ObjectDevice())
            }
        case .arrayDirty(let dirty):
            arrayDirty = dirty
        case .expected(let page, let token):
            expected[page] = token
        case .expectedZero(let start, let end):
            expected.zero(from: start, below: end)
        case .createFile(let size):
            createFile(size: size)
        case .iSize(let size):
            iSize = size
            iSizeHighWater = max(iSizeHighWater, size)
        case .pcol(let view):
            pcol = view
        case .sp2dBegin(let stripe):
            guard let layout else { break }
            sp2d = Sp2dView(stripe: stripe, rows: layout.pagesInUnit, dataColumns: layout.dataDevices,
                            parityColumns: layout.parity,
                            cells: Array(repeating: .empty, count: layout.pagesInUnit * layout.groupWidth))
        case .sp2dCell(let row, let column, let cell):
            sp2d?[row, column] = cell
        case .sp2dEnd:
            sp2d = nil
        case .mappingError(let error):
            mappingError = error
        case .deviceFailed(let dev, let failed):
            devices[dev].failed = failed
        case .deviceTruncate(let dev, let size):
            // Only a cut changes content: growing an object adds zeros. Only the pages
            // stored past the cut are zeroed (the rest read 0 already).
            if size < devices[dev].objectSize {
                let tail = size % pageSize
                var page = Int(size / pageSize)
                if tail != 0 {
                    devices[dev].setToken(Token.truncated(devices[dev].token(at: page), keeping: tail), at: page)
                    page += 1
                }
                devices[dev].cut(atPage: page)
            }
            devices[dev].objectSize = size
        }
    }

    /// `file size=SIZE`: the file's data and consistent parity are already on the devices.
    /// `file` comes first, on empty devices: their content is implied by the file and the
    /// page (`InitialContents`), so only the object sizes are worked out, from the last
    /// stripes: every stripe but the last is whole, and the stripes of two cycles of the
    /// groups hold a whole one of each group.
    private mutating func createFile(size: UInt64) {
        expected.create(fileSize: size)
        guard let layout = geometry else { return }
        iSize = size
        iSizeHighWater = max(iSizeHighWater, size)
        let pages = Int((size + pageSize - 1) / pageSize)
        let stripes = (pages + layout.pagesInStripe - 1) / layout.pagesInStripe
        var sizes = devices.map(\.objectSize)
        let window = 2 * layout.stripesPerCycle + 1
        for stripe in max(0, stripes - window)..<stripes {
            let first = stripe * layout.pagesInStripe
            for index in first..<min(pages, first + layout.pagesInStripe) {
                let objPage = layout.location(ofPage: index).objPage
                for dev in layout.devicesHolding(page: index) {
                    sizes[dev] = max(sizes[dev], objPage * pageSize + min(pageSize, size - UInt64(index) * pageSize))
                }
            }
            guard layout.parity > 0 else { continue }
            for row in 0..<layout.pagesInUnit {
                for slot in layout.paritySlots(stripe: UInt64(stripe), row: row) {
                    for dev in slot.devs { sizes[dev] = max(sizes[dev], (slot.objPage + 1) * pageSize) }
                }
            }
        }
        for dev in devices.indices {
            devices[dev].objectSize = sizes[dev]
            devices[dev].initial = InitialContents(layout: layout, fileSize: size, dev: dev, pages: Int((sizes[dev] + pageSize - 1) / pageSize))
        }
    }

    /// Writes one object page, growing the object to cover it.
    mutating func store(_ token: UInt64, dev: Int, objPage: UInt64, end: UInt64 = pageSize) {
        devices[dev].setToken(token, at: Int(objPage))
        devices[dev].objectSize = max(devices[dev].objectSize, objPage * pageSize + end)
    }
}
