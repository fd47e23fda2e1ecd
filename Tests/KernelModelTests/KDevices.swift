/// The component objects: object page → content, per component (mirror copies included).
struct KDevices {
    var objects: [[Int: KContent]]

    init(count: Int) { objects = Array(repeating: [:], count: count) }

    func content(dev: Int, objPage: Int) -> KContent { objects[dev][objPage] ?? .zero }
    mutating func write(dev: Int, objPage: Int, content: KContent) { objects[dev][objPage] = content }

    /// `ore_truncate` sets the object's logical length: pages past it are gone (read as zeros)
    /// and the page holding the new end keeps only the bytes before it.
    mutating func truncate(dev: Int, toBytes size: UInt64) {
        let keep = Int((size + KLayout.pageSize - 1) / KLayout.pageSize)
        objects[dev] = objects[dev].filter { $0.key < keep }
        let inPage = Int(size % KLayout.pageSize)
        if inPage != 0, let cut = objects[dev][keep - 1] { objects[dev][keep - 1] = cut.truncated(inPage) }
    }
}

/// One OSD request in flight: a write of one `per_dev` (or one mirror copy of it), completed in
/// submission order; each page carries the content it sends and how many of its bytes (a
/// partial last page sends only the bytes below i_size); `ios` finds the `writepages_done`.
struct KRequest {
    let dev: Int
    let writes: [(objPage: Int, content: KContent, length: Int)]
    let ios: Int
}
