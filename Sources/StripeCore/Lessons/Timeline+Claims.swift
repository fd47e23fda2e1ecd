extension Timeline {
    /// The claims of the `expect` lines right after note event `seq` that do not hold in
    /// this run, with what does: what the TUI marks on the note.
    public func failedClaims(ofNoteAt seq: Int) -> [(claim: String, actual: String)] {
        var failed: [(claim: String, actual: String)] = []
        var n = seq + 1
        while n < count {
            let e = events[n]
            if e.kind == .claimFailed, case .claimFailed(_, let claim, let actual) = payload(of: n) {
                failed.append((claim, actual))
            } else if e.kind != .command || !(scenario.lines[Int(e.x)].command.isExpect) {
                break
            }
            n += 1
        }
        return failed
    }
}

extension Command {
    var isExpect: Bool {
        if case .expect = self { return true }
        return false
    }
}
