/// What `/` looks for: the query, without case. A search reads millions of event-log
/// lines, nearly all ASCII, so an ASCII query is matched on their bytes, folding ASCII
/// letters; a line or query with other characters is lowercased whole, as before
/// (lowercasing can turn a non-ASCII character into ASCII: the Kelvin sign is "k").
struct SearchNeedle: Equatable {
    /// The query lowercased: what a line, lowercased, must contain.
    let lowered: String
    /// Its bytes when it is all ASCII; nil otherwise.
    private let ascii: [UInt8]?

    init(_ query: String) {
        lowered = query.lowercased()
        ascii = lowered.utf8.allSatisfy { $0 < 0x80 } ? Array(lowered.utf8) : nil
    }

    /// Whether `line` holds the query, case aside.
    func matches(_ line: String) -> Bool {
        guard let ascii, !ascii.isEmpty else { return line.lowercased().contains(lowered) }
        var line = line
        let found: Bool? = line.withUTF8 { Self.find(ascii, in: $0) }
        return found ?? line.lowercased().contains(lowered)
    }

    /// Whether `bytes` contain `needle` with ASCII letters folded; nil when they are not
    /// all ASCII (the caller then lowercases the line).
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let n = needle.count
        guard bytes.count >= n else { return false }
        return (0...(bytes.count - n)).contains { start in
            (0..<n).allSatisfy { fold(bytes[start + $0]) == needle[$0] }
        }
    }

    @inline(__always) private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
