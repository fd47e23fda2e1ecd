/// State changes that have no event of their own in SPEC 7 (the pcol, the sp2d, the
/// layout, ...). They ride on the next event, so the public event numbering stays the
/// SPEC's while every state the TUI shows can still be rebuilt from the timeline.
enum AuxChange: Sendable {
    indirect case layout(OreLayout)
    case profile(Profile)
    case switches(Switches)
    case createFile(size: UInt64)
    case iSize(UInt64)
    case pcol(PageCollect)
    case sp2dBegin(stripe: UInt64)
    case sp2dCell(row: Int, column: Int, cell: Sp2dCell)
    case sp2dEnd
    case mappingError(Bool)
    case deviceFailed(dev: Int, failed: Bool)
    /// The object shrinks (or grows) to `size` bytes; data past it reads as zeros.
    case deviceTruncate(dev: Int, size: UInt64)
    case completions(manual: Bool)
    case writePath(WritePathChoice)
    /// What page `page` should read back now (`SimState.expected`): a user write, a
    /// truncated tail, what a power cut left.
    case expected(page: Int, token: UInt64)
    /// Pages from `from` on read back zeros (a truncate).
    case expectedZero(from: Int, below: Int)
    /// md's array is dirty (after an unclean shutdown) or clean again (after `resync`).
    case arrayDirty(Bool)
}

