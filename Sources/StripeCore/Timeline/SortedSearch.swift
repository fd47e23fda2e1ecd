/// Binary search in an ascending collection: the one search the event index, the aux
/// table and the crash browser's sorted page lists share.
extension RandomAccessCollection {
    /// The first index whose element `isBelow` does not hold for, the elements being
    /// ordered so that it holds for a prefix of them; `endIndex` when it holds for all.
    @inlinable
    public func partitionPoint(_ isBelow: (Element) -> Bool) -> Index {
        var lo = startIndex, n = count
        while n > 0 {
            let half = n / 2
            let mid = index(lo, offsetBy: half)
            if isBelow(self[mid]) {
                lo = index(after: mid)
                n -= half + 1
            } else {
                n = half
            }
        }
        return lo
    }
}

extension RandomAccessCollection where Element: Comparable {
    /// Whether the collection, ascending, holds `value`.
    @inlinable
    public func sortedContains(_ value: Element) -> Bool {
        let at = partitionPoint { $0 < value }
        return at != endIndex && self[at] == value
    }
}
