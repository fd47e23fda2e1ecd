/// Page flags, named as SPEC 7 names them in `page` events.
struct KFlags: OptionSet, Hashable {
    let rawValue: UInt8
    static let locked = KFlags(rawValue: 1)
    static let dirty = KFlags(rawValue: 2)
    static let writeback = KFlags(rawValue: 4)
    static let uptodate = KFlags(rawValue: 8)
    static let error = KFlags(rawValue: 16)

    static let names: [(KFlags, String)] = [(.locked, "locked"), (.dirty, "dirty"), (.writeback, "writeback"),
                                            (.uptodate, "uptodate"), (.error, "error")]
    init(rawValue: UInt8) { self.rawValue = rawValue }
    init(names: [String]) {
        self = KFlags(Self.names.filter { names.contains($0.1) }.map(\.0))
    }
    var text: String { Self.names.filter { contains($0.0) }.map(\.1).joined(separator: ",") }
}

/// A page of the inode's mapping: flags, the references `find_get_page` took, its content.
struct KPage {
    var flags: KFlags = []
    var refs = 0
    var content = KContent.zero
}

/// The file's page cache (`address_space` of one inode): present pages by index.
struct KPageCache {
    var pages: [Int: KPage] = [:]

    /// `mapping->nrpages`.
    var nrPages: Int { pages.count }

    subscript(index: Int) -> KPage? {
        get { pages[index] }
        set { pages[index] = newValue }
    }

    mutating func set(_ index: Int, _ flags: KFlags) { pages[index]?.flags.formUnion(flags) }
    mutating func clear(_ index: Int, _ flags: KFlags) { pages[index]?.flags.subtract(flags) }
    func has(_ index: Int, _ flags: KFlags) -> Bool { pages[index]?.flags.isSuperset(of: flags) ?? false }

    /// The dirty-tag walk of `write_cache_pages`: dirty pages in [first, last], index order.
    func dirtyIndices(in range: ClosedRange<Int>) -> [Int] {
        pages.filter { range.contains($0.key) && $0.value.flags.contains(.dirty) }.map(\.key).sorted()
    }
}
