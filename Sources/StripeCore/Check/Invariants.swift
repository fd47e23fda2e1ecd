extension Engine {
    /// Checks the invariants of SPEC 6 and emits a `violation` for each broken one.
    /// After ordinary commands a violation already reported is not repeated; the
    /// `check` command reports everything broken now.
    func checkInvariants(reportAll: Bool) {
        guard let layout = state.geometry else { return }
        var found: [(rule: Int, detail: String)] = []
        if state.isQuiescent {
            updateAudit(layout: layout)
            found += lostData(layout: layout).map { (1, $0) }
            found += inconsistentParity().map { (2, $0) }
        }
        let referenced = state.referencedPages
        if !referenced.isEmpty {
            found.append((3, "\(Self.list(referenced, noun: "page")) still \(referenced.count == 1 ? "holds" : "hold") a reference from r4w get_page after write_exec returned: get_page without put_page"))
        }
        let unlocked = state.unlockedWritebackPages
        if !unlocked.isEmpty, checksOreRules {
            found.append((5, "\(Self.list(unlocked, noun: "page")) \(unlocked.count == 1 ? "is" : "are") under writeback but unlocked before writepages_done"))
        }
        let stranded = state.strandedPages
        if !stranded.isEmpty {
            found.append((6, "\(Self.list(stranded, noun: "page")) \(stranded.count == 1 ? "is" : "are") stranded: locked or under writeback with no I/O in flight, left in a pcol that exofs_writepages / exofs_readpages returned without submitting (it pumps its last I/O only once); anything that waits on \(stranded.count == 1 ? "it" : "them") waits forever"))
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
    private func lostData(layout: any StripeGeometry) -> [String] {
        let lost = audit.lostPages
        guard let index = lost.first else { return [] }
        let copy = state.lostCopy(ofPage: index, layout: layout)!
        let first = "page \(index) on dev \(copy.dev) (object page \(layout.location(ofPage: index).objPage), stripe \(layout.stripe(ofPage: index))) holds \(Token.hex(copy.onDisk)) but the user last wrote \(Token.hex(expected[index]))"
        return ["data lost: \(Self.list(lost, noun: "page")) \(lost.count == 1 ? "does" : "do") not read back from the devices; \(first)"]
    }

    /// Rule 2: parity rows (P, and Q with RAID6) that do not match their data rows.
    private func inconsistentParity() -> [String] {
        audit.inconsistentStripes.compactMap { state.parityMismatch(stripe: UInt64($0)) }
    }

    /// "pages 3, 4, 5 and 12 more".
    static func list(_ indices: IndexBitmap, noun: String) -> String {
        let shown = indices.prefix(6).map(String.init).joined(separator: ", ")
        let more = indices.count > 6 ? " and \(indices.count - 6) more" : ""
        return "\(noun)\(indices.count == 1 ? "" : "s") \(shown)\(more)"
    }
}

extension SimState {
    /// Pages stranded: locked or under writeback once no I/O is in flight. Rule 6's pages,
    /// and what `expect stranded` and a question on them read; the page grid's `!`
    /// (`ViewState.isStranded`) marks them only outside kernel calls, a locked one only between lines.
    public var strandedPages: IndexBitmap { inflight.isEmpty ? busyPages : IndexBitmap() }
}
