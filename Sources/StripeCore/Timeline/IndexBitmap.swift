/// A set of non-negative integers (page indices, request ids) kept as a bitmap in a
/// `ChunkedArray`: insert, remove and lookup cost O(1), members come out in ascending
/// order, and copies share storage, so a keyframe holding one stays small whatever the
/// set holds (a plain array or `Set` would be copied whole into every keyframe).
public struct IndexBitmap: Sendable, Equatable, Sequence {
    private var words = ChunkedArray<UInt64>(fill: 0)
    /// Members.
    public private(set) var count = 0
    /// The smallest member (0 when empty): lookups of the first members start here.
    private var low = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    /// The smallest member: the oldest request in flight, the lowest page.
    public var first: Int? { count > 0 ? low : nil }

    public func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    public mutating func insert(_ index: Int) {
        let bit: UInt64 = 1 << UInt64(index & 63)
        let word = words[index >> 6]
        guard word & bit == 0 else { return }
        words[index >> 6] = word | bit
        if count == 0 || index < low { low = index }
        count += 1
    }

    public mutating func remove(_ index: Int) {
        let bit: UInt64 = 1 << UInt64(index & 63)
        let word = words[index >> 6]
        guard word & bit != 0 else { return }
        words[index >> 6] = word & ~bit
        count -= 1
        if count == 0 {
            low = 0
        } else if index == low {
            low = member(atOrAfter: index + 1)!
        }
    }

    /// Inserts or removes `index`.
    public mutating func update(_ index: Int, member: Bool) {
        if member { insert(index) } else { remove(index) }
    }

    /// The smallest member not below `index`, if it is below `limit` (the words up to
    /// `limit` are all a search looks at).
    public func member(atOrAfter index: Int, below limit: Int = .max) -> Int? {
        guard count > 0 else { return nil }
        let start = Swift.max(index, low)
        guard start < limit else { return nil }
        var w = start >> 6
        var word = words[w] & (~0 << UInt64(start & 63))
        let end = Swift.min(words.capacity, limit == .max ? .max : (limit + 63) >> 6)
        while word == 0 {
            w += 1
            guard w < end else { return nil }
            word = words[w]
        }
        let member = w << 6 | word.trailingZeroBitCount
        return member < limit ? member : nil
    }

    public func makeIterator() -> Iterator { Iterator(set: self, upcoming: first, left: count) }

    public struct Iterator: IteratorProtocol {
        let set: IndexBitmap
        var upcoming: Int?
        var left: Int

        public mutating func next() -> Int? {
            guard left > 0, let current = upcoming else { return nil }
            left -= 1
            upcoming = left > 0 ? set.member(atOrAfter: current + 1) : nil
            return current
        }
    }
}

extension IndexBitmap {
    func heldBytes(seen: inout Set<UnsafeRawPointer>) -> Int { words.heldBytes(seen: &seen) }
}
