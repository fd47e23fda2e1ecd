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

    /// Sets every parity page to the XOR of its row (RAID5), as a freshly written file has it.
    func writeConsistentParity() {
        guard layout.parity == 1, let last = devices.objects.flatMap(\.keys).max() else { return }
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
}
