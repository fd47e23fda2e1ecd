/// A growable array split into fixed-size chunks.
///
/// Copies share every chunk until one is written (copy-on-write per chunk), so the
/// timeline can keep a full state snapshot every few thousand events and pay only
/// for the chunks that changed in between.
public struct ChunkedArray<Element>: Sendable where Element: Sendable {
    @usableFromInline static var shift: Int { 9 }
    @usableFromInline static var chunkSize: Int { 1 << shift }

    @usableFromInline var chunks: [[Element]] = []
    @usableFromInline let fill: Element

    /// An empty array whose unwritten elements read as `fill`.
    public init(fill: Element) { self.fill = fill }

    /// Number of elements reachable without growing (a multiple of the chunk size).
    public var capacity: Int { chunks.count << Self.shift }

    /// Reads `fill` past the end; writing past the end grows the array.
    public subscript(index: Int) -> Element {
        @inlinable get {
            let c = index >> Self.shift
            return c < chunks.count ? chunks[c][index & (Self.chunkSize - 1)] : fill
        }
        @inlinable set {
            let c = index >> Self.shift
            if c >= chunks.count { grow(to: c) }
            chunks[c][index & (Self.chunkSize - 1)] = newValue
        }
    }

    @usableFromInline mutating func grow(to chunk: Int) {
        while chunks.count <= chunk {
            chunks.append([Element](repeating: fill, count: Self.chunkSize))
        }
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        let n = max(lhs.chunks.count, rhs.chunks.count)
        for c in 0..<n {
            let l = c < lhs.chunks.count ? lhs.chunks[c] : nil
            let r = c < rhs.chunks.count ? rhs.chunks[c] : nil
            switch (l, r) {
            case let (l?, r?): if l != r { return false }
            case let (l?, nil): if l.contains(where: { $0 != rhs.fill }) { return false }
            case let (nil, r?): if r.contains(where: { $0 != lhs.fill }) { return false }
            case (nil, nil): break
            }
        }
        return true
    }
}
