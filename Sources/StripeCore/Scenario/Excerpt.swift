/// Messages quote what the user wrote, but never more than a short excerpt: a 1 MB
/// token must not come back whole on the terminal.
extension StringProtocol {
    /// At most 40 characters, ending in `…` when cut.
    public var excerpt: String {
        let limit = 40
        guard count > limit else { return String(self) }
        return String(prefix(limit - 1)) + "…"
    }

    /// The excerpt in single quotes, as messages quote a word.
    public var quotedExcerpt: String { "'\(excerpt)'" }
}
