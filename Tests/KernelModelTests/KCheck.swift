extension KernelModel {
    /// `check`: the SPEC 6 rules that fail now (7 is judged per request, so not here).
    func check() -> [Int] {
        var rules = Set<Int>()
        let pages = cache.pages.values
        if inflight.isEmpty && !pages.contains(where: { $0.flags.contains(.dirty) }) {
            if dataLost() { rules.insert(1) }
            if (layout.parity == 1 && parityInconsistent()) || (layout.parity == 2 && syndromeInconsistent()) { rules.insert(2) }
        }
        if pages.contains(where: { $0.refs > 0 }) { rules.insert(3) }
        if pages.contains(where: { $0.flags.contains(.writeback) && !$0.flags.contains(.locked) }) { rules.insert(5) }
        if inflight.isEmpty && pages.contains(where: { !$0.flags.isDisjoint(with: [.locked, .writeback]) }) {
            rules.insert(6)
        }
        return rules.sorted()
    }

    /// Invariant 1: a page below i_size that does not read back, from where the mapping puts
    /// it (on the copy reads use), what the user last wrote.
    func dataLost() -> Bool {
        let copy = Int(objectID % UInt64(layout.mirrors))
        let pages = Int((iSize + KLayout.pageSize - 1) / KLayout.pageSize)
        return (0..<pages).contains { index in
            let home = layout.home(ofPage: index)
            let below = Int(min(KLayout.pageSize, iSize - UInt64(index) * KLayout.pageSize))
            let read = devices.content(dev: home.dev + copy, objPage: home.objPage)
            return read.truncated(below) != (expected[index] ?? .zero).truncated(below)
        }
    }

    /// Invariant 2 for RAID5: on every copy, each object page row of a group XORs to zero
    /// (data columns and the parity column together).
    func parityInconsistent() -> Bool {
        guard let last = devices.objects.flatMap(\.keys).max() else { return false }
        for group in 0..<layout.groupCount {
            for copy in 0..<layout.mirrors {
                for row in 0...last {
                    let xor = (0..<layout.groupWidth).reduce(KContent.zero) {
                        $0 ^ devices.content(dev: componentDev(group: group, column: $1, copy: copy), objPage: row)
                    }
                    if xor != .zero { return true }
                }
            }
        }
        return false
    }

    /// Invariant 2 for RAID6 (SPEC 6): on every copy, each object page row of a group holds
    /// the P and Q its data pages give.
    func syndromeInconsistent() -> Bool {
        guard let last = devices.objects.flatMap(\.keys).max() else { return false }
        for group in 0..<layout.groupCount {
            for copy in 0..<layout.mirrors {
                for row in 0...last {
                    let s = syndrome(group: group, copy: copy, row: row)
                    let dev = { self.componentDev(group: group, column: $0, copy: copy) }
                    if s.p != devices.content(dev: dev(s.pColumn), objPage: row)
                        || s.q != devices.content(dev: dev((s.pColumn + 1) % layout.groupWidth), objPage: row) {
                        return true
                    }
                }
            }
        }
        return false
    }
}
