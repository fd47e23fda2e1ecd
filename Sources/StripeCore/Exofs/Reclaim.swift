extension Engine {
    /// `reclaim pages=N` is not modelled yet; the parser rejects it before it gets here.
    func reclaim(pages: Int) {}

    /// `truncate size=` is not modelled yet; the parser rejects it before it gets here.
    func truncate(size: UInt64) {}
}
