/// The content of one page at byte granularity, without the bytes: pieces, each naming the
/// token whose bytes fill it (SPEC 3's 64-bit token, 0 = zeros). A partial write, a tail read
/// from a device and a truncate that cuts a page keep their exact byte ranges, and parity is
/// the piecewise XOR, so invariants 1 and 2 stay exact when pages are only partly written.
struct KContent: Equatable {
    struct Piece: Equatable {
        let start: Int
        let token: UInt64
    }
    /// Sorted by start, the first at 0, no two neighbours with the same token.
    private(set) var pieces: [Piece]

    static let zero = KContent(token: 0)

    init(token: UInt64) { pieces = [Piece(start: 0, token: token)] }

    private init(normalizing pieces: [Piece]) {
        var result: [Piece] = []
        for piece in pieces where piece.start < Int(KLayout.pageSize) {
            if let last = result.last, last.start == piece.start { result.removeLast() }
            if let last = result.last, last.token == piece.token { continue }
            result.append(piece)
        }
        self.pieces = result
    }

    /// The token at byte `offset` of the page.
    func token(at offset: Int) -> UInt64 { pieces.last { $0.start <= offset }!.token }

    /// Bytewise XOR (parity).
    static func ^ (a: KContent, b: KContent) -> KContent {
        let starts = Set(a.pieces.map(\.start) + b.pieces.map(\.start)).sorted()
        return KContent(normalizing: starts.map { Piece(start: $0, token: a.token(at: $0) ^ b.token(at: $0)) })
    }

    /// The first `length` bytes of `head`, then `tail` from there on (a write or read of part
    /// of a page over what the page held).
    static func splice(_ head: KContent, _ length: Int, _ tail: KContent) -> KContent {
        let front = head.pieces.filter { $0.start < length }
        let back = [Piece(start: length, token: tail.token(at: length))] + tail.pieces.filter { $0.start > length }
        return KContent(normalizing: front + back)
    }

    /// The token of a page that holds one token throughout, nil for a page of pieces.
    var singleToken: UInt64? { pieces.count == 1 ? pieces[0].token : nil }

    /// Each piece's token through `f` (which keeps 0 as 0): a bytewise function of the page.
    func mapTokens(_ f: (UInt64) -> UInt64) -> KContent {
        KContent(normalizing: pieces.map { Piece(start: $0.start, token: f($0.token)) })
    }

    /// Zeros from byte `length` on (a truncate inside the page).
    func truncated(_ length: Int) -> KContent { Self.splice(self, length, .zero) }
}
