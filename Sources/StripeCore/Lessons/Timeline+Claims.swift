extension Timeline {
    /// The claims of the `expect` lines right after note event `seq` that do not hold in
    /// this run, with what does: what the TUI marks on the note.
    public func failedClaims(ofNoteAt seq: Int) -> [(claim: String, actual: String)] {
        var failed: [(claim: String, actual: String)] = []
        var n = seq + 1
        // An `expect` leaves no event of its own: its failures follow the note directly.
        while n < count, events[n].kind == .claimFailed, case .claimFailed(_, let claim, let actual) = payload(of: n) {
            failed.append((claim, actual))
            n += 1
        }
        return failed
    }
}
