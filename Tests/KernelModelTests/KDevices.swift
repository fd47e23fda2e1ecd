/// The component objects: object page → content token, per component (mirror copies included).
struct KDevices {
    var objects: [[Int: UInt64]]

    init(count: Int) { objects = Array(repeating: [:], count: count) }

    func token(dev: Int, objPage: Int) -> UInt64 { objects[dev][objPage] ?? 0 }
    mutating func write(dev: Int, objPage: Int, token: UInt64) { objects[dev][objPage] = token }

    /// `ore_truncate` sets the object's logical length: whole pages past it read as zeros.
    /// (Tokens are per page, so the page holding the new end keeps its token.)
    mutating func truncate(dev: Int, toBytes size: UInt64) {
        let keep = Int((size + KLayout.pageSize - 1) / KLayout.pageSize)
        objects[dev] = objects[dev].filter { $0.key < keep }
    }
}

/// One OSD request in flight: a write of one `per_dev` (or one mirror copy of it), completed in
/// submission order; `ios` finds the `writepages_done` it belongs to.
struct KRequest {
    let dev: Int
    let writes: [(objPage: Int, token: UInt64)]
    let ios: Int
}
