/// Why a device request was issued.
public enum IOPurpose: UInt8, Sendable {
    /// A read that completes a partial stripe (`_read_4_write_execute`).
    case r4w
    /// A page-cache read (`read_exec`).
    case read
    /// A write of data and parity units (`ore_write`, md's `ops_run_io`).
    case write
    /// md reads an old block into its stripe cache: for read-modify-write, for
    /// reconstruct-write, or to resync a row.
    case rmw, rcw, resync

    /// The read fills a page of the page cache (`entry.value` is the file page); md's
    /// stripe reads fill its stripe cache instead.
    public var fillsPageCache: Bool { self == .r4w || self == .read }

    public var name: String { "\(self)" }
}

/// One page a request moves: object page, whether it is parity, the bytes of the page
/// it moves, and its payload.
public struct RequestEntry: Sendable, Equatable {
    public var objPage: UInt64
    public var isParity: Bool
    /// Bytes `start ..< end` of the page: all of it, except at the file's partial last
    /// page, where an I/O ends inside the page (or `_add_to_r4w_last_page` reads from
    /// there to the page's end).
    public var start: UInt16 = 0
    public var end = UInt16(pageSize)
    /// For writes the token written; for reads the file page index read into.
    public var value: UInt64
    /// The page lies at another object offset than `ore_calc_stripe_info` maps it to
    /// (invariant 7): `_prepare_for_striping` misplaced its unit.
    public var misplaced = false
}

/// One request to one device, as the ORE submits it (one per device per I/O).
public struct IORequest: Sendable, Equatable {
    public var dev: Int
    public var purpose: IOPurpose
    public var entries: Range<Int>

    public var isRead: Bool { purpose != .write }
}

extension Timeline {
    /// The pages request `request` moves, in object order.
    public func entries(of request: IORequest) -> ArraySlice<RequestEntry> { entries[request.entries] }

    /// Object byte extents ([offset, length]) of a request, contiguous pages merged.
    public func extents(of request: IORequest, parityOnly: Bool = false) -> [(offset: UInt64, length: UInt64)] {
        Self.extents(of: entries[request.entries], parityOnly: parityOnly)
    }

    /// Object byte extents ([offset, length]) of `entries`, contiguous pages merged.
    static func extents(of entries: ArraySlice<RequestEntry>, parityOnly: Bool) -> [(offset: UInt64, length: UInt64)] {
        var result: [(offset: UInt64, length: UInt64)] = []
        for entry in entries where !parityOnly || entry.isParity {
            let offset = entry.objPage * pageSize + UInt64(entry.start)
            let length = UInt64(entry.end - entry.start)
            if let last = result.last, last.offset + last.length == offset {
                result[result.count - 1].length += length
            } else {
                result.append((offset, length))
            }
        }
        return result
    }
}
