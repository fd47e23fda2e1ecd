/// One cell of the ORE's `struct __stripe_pages_2d`.
public enum Sp2dCell: UInt8, Sendable, Equatable {
    case empty
    /// A page of this I/O being written.
    case written
    /// A cache page got through r4w `get_page` (`page_is_read`).
    case got
    /// The zero page, for an offset at or past `i_size`.
    case zero
    /// `that_locked_page`, returned without a reference.
    case locked
    /// A parity page computed by `_gen_xor_unit`.
    case parity

    /// Held through `get_page`, so `_sp2d_reset` will `put_page` it.
    public var isRead: Bool { self == .got || self == .zero || self == .locked }
}

/// The sp2d of the stripe being prepared: pages-per-unit rows × (D + P) columns.
public struct Sp2dView: Sendable, Equatable {
    /// File-order stripe number (file offset / stripe data bytes).
    public var stripe: UInt64
    public var rows: Int
    public var dataColumns: Int
    public var parityColumns: Int
    public var cells: [Sp2dCell]

    public var columns: Int { dataColumns + parityColumns }

    public subscript(row: Int, column: Int) -> Sp2dCell {
        get { cells[row * columns + column] }
        set { cells[row * columns + column] = newValue }
    }

    /// Rows with any page written (`_sp2d_min_pg` ... `_sp2d_max_pg`), nil when none.
    public var writtenRows: ClosedRange<Int>? {
        let rows = (0..<rows).filter { r in (0..<dataColumns).contains { self[r, $0] == .written } }
        guard let lo = rows.first, let hi = rows.last else { return nil }
        return lo...hi
    }
}
