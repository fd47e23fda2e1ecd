extension Engine {
    /// Checks the invariants of SPEC 6 and emits a `violation` for each broken one.
    /// After ordinary commands a violation already reported is not repeated; the
    /// `check` command reports everything broken now.
    func checkInvariants(reportAll: Bool) {
        guard let layout else { return }
        var found: [(rule: Int, detail: String)] = []
        if state.isQuiescent {
            found += lostData(layout: layout).map { (1, $0) }
            found += inconsistentParity(layout: layout).map { (2, $0) }
        }
        let referenced = (0..<state.pageSpan).filter { state.pages[$0].refs > 0 }
        if !referenced.isEmpty {
            found.append((3, "\(Self.list(referenced, noun: "page")) still \(referenced.count == 1 ? "holds" : "hold") a reference from r4w get_page after write_exec returned: get_page without put_page"))
        }
        let unlocked = (0..<state.pageSpan).filter {
            state.pages[$0].flags.contains(.writeback) && !state.pages[$0].flags.contains(.locked)
        }
        if !unlocked.isEmpty {
            found.append((5, "\(Self.list(unlocked, noun: "page")) \(unlocked.count == 1 ? "is" : "are") under writeback but unlocked before writepages_done"))
        }
        if state.inflight.isEmpty {
            let stranded = (0..<state.pageSpan).filter { !state.pages[$0].flags.isDisjoint(with: [.locked, .writeback]) }
            if !stranded.isEmpty {
                found.append((6, "\(Self.list(stranded, noun: "page")) \(stranded.count == 1 ? "is" : "are") stranded: locked or under writeback with no I/O in flight, left in a pcol that exofs_writepages / exofs_readpages returned without submitting (it pumps its last I/O only once); anything that waits on \(stranded.count == 1 ? "it" : "them") waits forever"))
            }
        }
        for (rule, detail) in found {
            let key = "\(rule):\(detail)"
            if reportAll || !reported.contains(key) {
                reported.insert(key)
                violation(rule: rule, detail)
            }
        }
    }

    /// Rule 1: pages below i_size whose device copy is not what the user last wrote.
    private func lostData(layout: OreLayout) -> [String] {
        let pages = Int((state.iSize + pageSize - 1) / pageSize)
        var lost: [Int] = []
        var first: String?
        let tail = state.iSize % pageSize
        for index in 0..<pages {
            let location = layout.location(ofPage: index)
            for dev in layout.devicesHolding(page: index) {
                let onDisk = state.devices[dev].objects[Int(location.objPage)]
                guard onDisk != expected[index] else { continue }
                // The file's partial last page reads back only up to i_size (readpage_strip
                // zeroes the rest): a write that landed after the truncate is still right.
                if index == pages - 1, tail != 0, Token.truncated(onDisk, keeping: tail) == expected[index] { continue }
                if first == nil {
                    first = "page \(index) on dev \(dev) (object page \(location.objPage), stripe \(layout.stripe(ofPage: index))) holds \(Token.hex(onDisk)) but the user last wrote \(Token.hex(expected[index]))"
                }
                lost.append(index)
                break
            }
        }
        guard let first else { return [] }
        return ["data lost: \(Self.list(lost, noun: "page")) \(lost.count == 1 ? "does" : "do") not read back from the devices; \(first)"]
    }

    /// Rule 2: parity rows (P, and Q with RAID6) that do not match their data rows.
    private func inconsistentParity(layout: OreLayout) -> [String] {
        var result: [String] = []
        for stripe in 0..<state.stripeSpan {
            if let mismatch = state.parityMismatch(stripe: stripe) { result.append(mismatch) }
        }
        return result
    }


    /// "pages 3, 4, 5 and 12 more".
    static func list(_ indices: [Int], noun: String) -> String {
        let shown = indices.prefix(6).map(String.init).joined(separator: ", ")
        let more = indices.count > 6 ? " and \(indices.count - 6) more" : ""
        return "\(noun)\(indices.count == 1 ? "" : "s") \(shown)\(more)"
    }
}
