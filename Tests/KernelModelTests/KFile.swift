extension KernelModel {
    /// `file size=`: the objects already hold the file, with consistent parity; nothing cached.
    func createFile(size: UInt64) {
        iSize = size
        let pages = Int((size + KLayout.pageSize - 1) / KLayout.pageSize)
        for index in 0..<pages {
            var content = freshContent()
            if UInt64(index + 1) * KLayout.pageSize > size { content = content.truncated(Int(size % KLayout.pageSize)) }
            expected[index] = content
            let home = layout.home(ofPage: index)
            for copy in 0..<layout.mirrors { devices.write(dev: home.dev + copy, objPage: home.objPage, content: content) }
        }
        writeConsistentParity()
    }

    /// Sets every parity page to the XOR of its row (RAID5), or P and Q (RAID6), as a freshly
    /// written file has it.
    func writeConsistentParity() {
        guard layout.parity > 0, let last = devices.objects.flatMap(\.keys).max() else { return }
        if layout.parity == 2 {
            for row in 0...last {
                for group in 0..<layout.groupCount {
                    for copy in 0..<layout.mirrors {
                        let s = syndrome(group: group, copy: copy, row: row)
                        let dev = { self.componentDev(group: group, column: $0, copy: copy) }
                        devices.write(dev: dev(s.pColumn), objPage: row, content: s.p)
                        devices.write(dev: dev((s.pColumn + 1) % layout.groupWidth), objPage: row, content: s.q)
                    }
                }
            }
            return
        }
        for row in 0...last {
            for group in 0..<layout.groupCount {
                let parityColumn = parityColumn(objPage: row)
                for copy in 0..<layout.mirrors {
                    var xor = KContent.zero
                    for column in 0..<layout.groupWidth where column != parityColumn {
                        xor = xor ^ devices.content(dev: componentDev(group: group, column: column, copy: copy), objPage: row)
                    }
                    devices.write(dev: componentDev(group: group, column: parityColumn, copy: copy), objPage: row, content: xor)
                }
            }
        }
    }

    func componentDev(group: Int, column: Int, copy: Int) -> Int {
        group * layout.devsInGroup + column * layout.mirrors + copy
    }

    /// The parity column (within its group) of the stripe that object page `objPage` is in.
    func parityColumn(objPage: Int) -> Int {
        let stripe = UInt64(objPage / layout.pagesInUnit)
        let n = layout.groupDepth == UInt64.max ? stripe : stripe % layout.groupDepth
        let w = layout.groupWidth
        return (2 * w - 1 - Int(n % UInt64(w))) % w
    }

    /// RAID6, one object page row of a group: P's column and the P and Q its data pages give.
    /// `ore_calc_stripe_info`: R = N % (lcm(W, 2) / 2), P on column (2W - 2 - 2R) % W, Q after
    /// it, data column i (file order) on (2W + i - 2R) % W; Q = Σ g^i · D_i (SPEC 6).
    func syndrome(group: Int, copy: Int, row: Int) -> (pColumn: Int, p: KContent, q: KContent) {
        let w = layout.groupWidth
        let stripe = UInt64(row / layout.pagesInUnit)
        let n = layout.groupDepth == UInt64.max ? stripe : stripe % layout.groupDepth
        let rxp = Int(n % UInt64((w % 2 == 0 ? w : 2 * w) / 2)) * 2
        var p = KContent.zero, q = KContent.zero
        var coefficient: UInt8 = 1
        for i in 0..<(w - 2) {
            let data = devices.content(dev: componentDev(group: group, column: (2 * w + i - rxp) % w, copy: copy), objPage: row)
            let c = coefficient
            p = p ^ data
            q = q ^ data.mapTokens { KGaloisField.multiply($0, by: c) }
            coefficient = KGaloisField.multiply(coefficient, 2)
        }
        return ((2 * w - 2 - rxp) % w, p, q)
    }
}
