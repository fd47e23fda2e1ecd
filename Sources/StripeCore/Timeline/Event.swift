/// One timeline event: a small value, 24 bytes, with variable parts kept in side tables.
///
/// The meaning of `a`, `b`, `i` and `x` depends on `kind`:
///
/// | kind | a | b | i | x |
/// |---|---|---|---|---|
/// | command | | | scenario line | command number |
/// | note | | | scenario line | string id |
/// | call / return | function | | | argument-table offset |
/// | page | flags set (bit 7: token changed) | flags cleared (bit 7: the token is what a read returned) | page index | new token |
/// | page_add / page_remove | | | page index | |
/// | r4w_get_page | source (bit 7: uptodate) | | page index | |
/// | r4w_put_page | bit 0: released | | page index | |
/// | dev_read / dev_write / io_done | bit 0: error (io_done) | | request id | |
/// | xor | | | | argument-table offset (stripe, min row, max row, parity dev, RMW pages) |
/// | violation | rule | | | string id |
/// | powercut | | | | argument-table offset (count, then request id and pages landed each) |
/// | claim_failed | | | scenario line | string id of the claim (the actual value follows) |
public struct Event: Sendable, Equatable {
    public var kindRaw: UInt8
    public var depth: UInt8
    public var a: UInt8
    public var b: UInt8
    public var i: UInt32
    public var x: UInt64

    @inlinable public var kind: EventKind { EventKind(rawValue: kindRaw & 0x7f)! }
    /// The event also carries auxiliary state changes (pcol, sp2d, layout, ...).
    @inlinable public var hasAux: Bool { kindRaw & 0x80 != 0 }

    init(_ kind: EventKind, depth: UInt8, a: UInt8 = 0, b: UInt8 = 0, i: UInt32 = 0, x: UInt64 = 0) {
        self.kindRaw = kind.rawValue
        self.depth = depth
        self.a = a
        self.b = b
        self.i = i
        self.x = x
    }

    static let tokenChanged: UInt8 = 0x80
    /// On a `page` event's `b`: the new token is what a read returned (md's rebuilt
    /// block), not something a user wrote, so rule 8 judges it instead of learning it.
    static let tokenRead: UInt8 = 0x80
    static let uptodateBit: UInt8 = 0x80
}
