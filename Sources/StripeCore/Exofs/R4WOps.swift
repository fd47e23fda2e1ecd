extension Engine {
    /// Models `__r4w_get_page`: the page the ORE wants to read into for a partial
    /// stripe. Returns the sp2d cell it fills and whether it is already uptodate.
    func r4wGetPage(_ index: Int) -> (cell: Sp2dCell, uptodate: Bool) {
        let source: PageSource
        let uptodate: Bool
        if index == r4wPrivate.thatLockedPage {
            (source, uptodate) = (.locked, true)
        } else if era.pastEndOfFile == .zeroPage && UInt64(index) * pageSize >= state.iSize {
            (source, uptodate) = (.zero, true)
        } else {
            if state.pages[index].present {
                source = .cache
            } else {
                source = .created
                emit(.pageAdd, i: UInt32(index))
            }
            let flags = state.pages[index].flags
            let dirtyCounts = switches.dirtyUptodate ?? era.dirtyCountsUptodate
            uptodate = flags.contains(.uptodate) || (dirtyCounts && !flags.isDisjoint(with: [.dirty, .writeback]))
        }
        emit(.r4wGetPage, a: source.rawValue | (uptodate ? Event.uptodateBit : 0), i: UInt32(index))
        switch source {
        case .zero: return (.zero, true)
        case .locked: return (.locked, true)
        case .cache, .created: return (.got, uptodate)
        }
    }

    /// Models `__r4w_put_page`: drops the reference, except for the zero page and
    /// `that_locked_page`, which were got without one.
    func r4wPutPage(_ index: Int, cell: Sp2dCell) {
        emit(.r4wPutPage, a: cell == .got ? 1 : 0, i: UInt32(index))
    }
}
