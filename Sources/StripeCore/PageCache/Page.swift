/// Page flags, lettered as the kernel's page-types tool does (L U D W E).
public struct PageFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let locked = PageFlags(rawValue: 1 << 0)
    public static let dirty = PageFlags(rawValue: 1 << 1)
    public static let writeback = PageFlags(rawValue: 1 << 2)
    public static let uptodate = PageFlags(rawValue: 1 << 3)
    public static let error = PageFlags(rawValue: 1 << 4)

    /// Every flag with its JSON name and its page-types letter, in display order.
    public static let named: [(flag: PageFlags, name: String, letter: Character)] = [
        (.locked, "locked", "L"), (.uptodate, "uptodate", "U"), (.dirty, "dirty", "D"),
        (.writeback, "writeback", "W"), (.error, "error", "E"),
    ]

    /// JSON names of the flags set here, in display order.
    public var names: [String] { Self.named.filter { contains($0.flag) }.map(\.name) }

    /// Letters of the flags set here ("LUD"), in display order.
    public var letters: String { String(Self.named.filter { contains($0.flag) }.map(\.letter)) }
}

/// Teaching marks on a page: what the current write did with it.
public struct PageMarks: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Held by r4w `get_page`, not yet `put_page`.
    public static let r4wGot = PageMarks(rawValue: 1 << 0)
    /// Its content last came from a device read.
    public static let readFromDevice = PageMarks(rawValue: 1 << 1)
}

/// One page of the page cache; `present == false` means the index is not cached.
public struct Page: Sendable, Equatable {
    public var present = false
    public var flags = PageFlags()
    public var marks = PageMarks()
    /// References taken by r4w `get_page`.
    public var refs: UInt16 = 0
    /// The content, as a token (see SPEC 3).
    public var token: UInt64 = 0

    public init() {}
}
