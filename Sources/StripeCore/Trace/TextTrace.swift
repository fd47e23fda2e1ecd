extension Timeline {
    /// `trace --format text`: one line per event, indented by call depth, with a line
    /// whenever a stripe's write-hole window opens or closes.
    public func writeTextTrace(to write: (String) -> Void) {
        var tracker = WriteHoleTracker(timeline: self)
        for seq in 0..<count {
            write(text(of: seq))
            for change in tracker.advance(to: seq) {
                write(String(repeating: " ", count: 9 + 2 * Int(events[seq].depth)) + change.description)
            }
        }
    }
}
