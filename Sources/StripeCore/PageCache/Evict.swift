extension Engine {
    /// Models `invalidate_mapping_pages`: drops clean, unlocked, unreferenced pages;
    /// a page that is dirty, locked, under writeback or referenced stays, with a note.
    func evict(_ range: PageRange) {
        traced(.invalidate_mapping_pages, UInt64(range.lowerBound), UInt64(range.upperBound)) {
            for index in range where state.pages[index].present {
                let page = state.pages[index]
                var reasons: [String] = []
                if page.flags.contains(.dirty) { reasons.append("dirty") }
                if page.flags.contains(.locked) { reasons.append("locked") }
                if page.flags.contains(.writeback) { reasons.append("under writeback") }
                if page.refs > 0 { reasons.append("referenced") }
                if reasons.isEmpty {
                    emit(.pageRemove, i: UInt32(index))
                } else {
                    note("evict: page \(index) stays in the cache, it is \(reasons.joined(separator: " and "))")
                }
            }
        }
    }
}
