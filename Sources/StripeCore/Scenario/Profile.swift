/// Which kernel behaviour to model (SPEC 5).
public enum Profile: String, Sendable, CaseIterable {
    /// The last upstream exofs: the zero page past `i_size`; uptodate is `PageUptodate`.
    case final
    /// The patch as posted, on Linux 3.2: no zero page; dirty or writeback counts as
    /// uptodate; 3.2's ORE (`KernelEra.linux3_2` lists every difference).
    case seed
}

/// How often sync `exofs_writepages` (and `exofs_readpages`) call `write_exec` / `read_exec`
/// after the walk (`set pump=twice|loop`).
public enum PumpMode: String, Sendable, CaseIterable {
    /// Twice, as the kernel does ("pump the last reminder"): a pcol over two group boundaries strands pages.
    case twice
    /// Until the pcol is empty: the fix.
    case loop
}

/// What-if switches (`set KEY=on|off`): each brings back or removes one behaviour.
public struct Switches: Sendable, Equatable {
    /// The old single-page `.writepage` is back (reclaim writes dirty pages one at a time).
    public var writepage = false
    /// `writepage_strip` records `that_locked_page`.
    public var lockedPage = false
    /// The r4w ops exist; off models the kernel before the patch.
    public var r4w = true
    /// Dirty or writeback counts as uptodate in `get_page`; nil follows the profile.
    public var dirtyUptodate: Bool? = nil
    /// Cap on pcol pages per I/O (`set max-io-pages=N`); nil uses the layout's max_io_length.
    public var maxIOPages: Int? = nil
    /// `set pump=twice|loop`: how the pcol left after the walk is submitted; nil follows the era.
    public var pump: PumpMode? = nil
    /// `set placement=final|seed`: whose `_prepare_for_striping` object offsets; nil follows the profile.
    public var placement: Profile? = nil

    public init() {}
}
