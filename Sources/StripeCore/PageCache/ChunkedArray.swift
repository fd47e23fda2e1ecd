/// A growable array split into fixed-size chunks, grouped in fixed-size shelves.
///
/// Copies share every chunk until one is written (copy-on-write per chunk), so the
/// timeline can keep a full state snapshot every few thousand events and pay only
/// for the chunks that changed in between. The chunks hang off shelves of 512 so a
/// copy costs one reference per shelf (one per 262,144 elements), not one per chunk:
/// the keyframes of a 16 GiB file stay as small as those of a 1 GiB one.
public struct ChunkedArray<Element>: Sendable where Element: Sendable {
    @usableFromInline static var shift: Int { 9 }
    @usableFromInline static var chunkSize: Int { 1 << shift }

    @usableFromInline var shelves: [[[Element]]] = []
    @usableFromInline let fill: Element

    /// An empty array whose unwritten elements read as `fill`.
    public init(fill: Element) { self.fill = fill }

    /// Number of elements reachable without growing (a multiple of the chunk size).
    public var capacity: Int {
        guard let last = shelves.last else { return 0 }
        return ((shelves.count - 1) << (2 * Self.shift)) + (last.count << Self.shift)
    }

    /// Reads `fill` past the end; writing past the end grows the array.
    public subscript(index: Int) -> Element {
        @inlinable get {
            let c = index >> Self.shift
            let s = c >> Self.shift
            guard s < shelves.count else { return fill }
            let k = c & (Self.chunkSize - 1)
            return k < shelves[s].count ? shelves[s][k][index & (Self.chunkSize - 1)] : fill
        }
        @inlinable set {
            let c = index >> Self.shift
            if c >= capacity >> Self.shift { grow(to: c) }
            shelves[c >> Self.shift][c & (Self.chunkSize - 1)][index & (Self.chunkSize - 1)] = newValue
        }
    }

    @usableFromInline mutating func grow(to chunk: Int) {
        while capacity >> Self.shift <= chunk {
            if shelves.isEmpty || shelves[shelves.count - 1].count == Self.chunkSize { shelves.append([]) }
            shelves[shelves.count - 1].append([Element](repeating: fill, count: Self.chunkSize))
        }
    }

    /// Chunk `c`, or nil past the end.
    func chunk(_ c: Int) -> [Element]? {
        let s = c >> Self.shift, k = c & (Self.chunkSize - 1)
        return s < shelves.count && k < shelves[s].count ? shelves[s][k] : nil
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        let n = max(lhs.capacity, rhs.capacity) >> Self.shift
        for c in 0..<n {
            switch (lhs.chunk(c), rhs.chunk(c)) {
            case let (l?, r?): if l != r { return false }
            case let (l?, nil): if l.contains(where: { $0 != rhs.fill }) { return false }
            case let (nil, r?): if r.contains(where: { $0 != lhs.fill }) { return false }
            case (nil, nil): break
            }
        }
        return true
    }
}

extension ChunkedArray {
    /// Bytes of storage not already in `seen` (shelves and chunks shared with another
    /// copy count once), added to `seen`.
    func heldBytes(seen: inout Set<UnsafeRawPointer>) -> Int {
        var bytes = Footprint.unique(shelves, &seen)
        for shelf in shelves {
            bytes += Footprint.unique(shelf, &seen)
            for chunk in shelf { bytes += Footprint.unique(chunk, &seen) }
        }
        return bytes
    }
}

/// Counting the storage of values that share it.
enum Footprint {
    /// `array`'s buffer, unless `seen` has it already.
    static func unique<T>(_ array: [T], _ seen: inout Set<UnsafeRawPointer>) -> Int {
        guard array.capacity > 0, let base = array.withUnsafeBufferPointer({ $0.baseAddress }),
              seen.insert(UnsafeRawPointer(base)).inserted else { return 0 }
        return array.capacity * MemoryLayout<T>.stride
    }
}
