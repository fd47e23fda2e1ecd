extension Engine {
    /// Rule 8 (honest reads), where a read completes: each page of `pages` must hold a
    /// token the user once wrote to it or its initial one (an error is honest too). The
    /// last write or the content after a power cut is the usual answer and costs one
    /// comparison; anything else is looked up in the page's history on the timeline.
    func checkHonestReads(_ pages: Range<Int>) {
        for page in dishonestPages(pages, reading: { state.pages[$0].token }) {
            // Where the write path reads the page (md's geometry under md); a failed device's
            // page was rebuilt from its row.
            let location = state.geometry.map { geometry -> String in
                let (dev, objPage) = geometry.location(ofPage: page)
                let copy = readMirror(dev)
                return "dev \(copy) object page \(objPage)" + (state.devices[copy].failed ? " (failed: rebuilt from its row)" : "")
            } ?? "its device"
            violation(rule: 8, "dishonest read: page \(page) read \(Token.hex(state.pages[page].token)) from \(location), a token never written to page \(page) (it should read \(Token.hex(expected[page])))")
        }
    }

    /// The pages of `pages` whose token as `reading` gives it was never written to them.
    func dishonestPages(_ pages: Range<Int>, reading token: (Int) -> UInt64) -> [Int] {
        let suspects = pages.filter { token($0) != expected[$0] }
        guard !suspects.isEmpty else { return [] }
        let honest = honestTokens(of: Set(suspects))
        return suspects.filter { honest[$0]?.contains(token($0)) != true }
    }

    /// Every token each of `pages` ever held by a user write, a zeroing, the file's
    /// creation (its initial token, or 0 for a page past the created size), or a power
    /// cut (what then landed), from the timeline so far; not what a read returned. The
    /// page's own events come from the timeline's index by page and the creations from
    /// the `file` lines already run, so a suspect read costs its page's history, not a
    /// walk of the whole timeline.
    private func honestTokens(of pages: Set<Int>) -> [Int: Set<UInt64>] {
        let sizes = timeline.scenario.lines.prefix { $0.line < currentLine }.compactMap { line -> UInt64? in
            if case .file(let size, _) = line.command { size } else { nil }
        }
        var honest: [Int: Set<UInt64>] = [:]
        for page in pages {
            var tokens: Set<UInt64> = [expected[page]]
            for size in sizes { tokens.insert(UInt64(page) * pageSize < size ? Token.initial(page: page, fileSize: size) : 0) }
            if sizes.isEmpty { tokens.insert(0) }
            for seq in timeline.pageHistory(page, upTo: timeline.count - 1, limit: .max) {
                let e = timeline.events[seq]
                if e.kind == .page, e.a & Event.tokenChanged != 0, e.b & Event.tokenRead == 0 { tokens.insert(e.x) }
            }
            honest[page] = tokens
        }
        return honest
    }
}
