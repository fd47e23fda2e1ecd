import StripeCore

/// A search under way (`/`, `.`, `,` on a long timeline, `c` and `C`), looked through a
/// slice at a time by the run loop between key reads (the model's idle work), so a key
/// is never kept waiting behind it: a repeat of the same key lets it go on, any other
/// key stops it, and `q` quits at once.
struct RunningSearch {
    enum Goal: Equatable {
        /// The event log's text, case aside (`/`, `.`, `,`).
        case text(query: String, needle: SearchNeedle)
        /// The next breakpoint (`c`, `C`).
        case breakpoint(Set<Breakpoint>)
    }

    let goal: Goal
    /// The action that started it: pressed again, it supersedes nothing and lets it go on.
    let action: KeyAction
    var scan: TimelineScan
}

extension DebuggerModel {
    /// Whether event `seq` matches the search (its event-log text, case-insensitive).
    private func matches(_ seq: Int, _ needle: SearchNeedle) -> Bool {
        needle.matches(timeline.summary(of: seq))
    }

    /// `.` / `,` and a new search: the next match in `direction`, wrapping at either end
    /// with a notice. A timeline of at most `searchChunk` events is searched whole at
    /// once, so the message counts the matches ("match k of n"); a longer one is searched
    /// `searchChunk` events a loop turn, with its progress on the status line.
    mutating func findMatch(_ direction: Direction, action: KeyAction) {
        guard let query = search, !query.isEmpty else {
            message = Message(text: "no search yet: / searches the event log", isError: true)
            return
        }
        let needle = SearchNeedle(query)
        let n = timeline.count
        guard n > searchChunk else {
            if searchMatches == nil { searchMatches = (0..<n).filter { matches($0, needle) } }
            let all = searchMatches!
            guard !all.isEmpty else {
                message = Message(text: "/\(query): no match in \(n) events", isError: true)
                return
            }
            let ahead = direction == .forward ? all.firstIndex { $0 > cursor } : all.lastIndex { $0 < cursor }
            let k = ahead ?? (direction == .forward ? 0 : all.count - 1)
            move(to: all[k])
            let wrapped = ahead == nil ? (direction == .forward ? " (wrapped to the first event)" : " (wrapped to the last event)") : ""
            message = Message(text: "/\(query): match \(k + 1) of \(all.count)\(wrapped)", isError: false)
            return
        }
        startSearch(RunningSearch(goal: .text(query: query, needle: needle), action: action,
                                  scan: TimelineScan(from: cursor, direction, wraps: true)))
    }

    /// `c` / `C`: on to the next breakpoint in `direction`, or to the end if none is there.
    mutating func continueToBreakpoint(_ direction: Direction, action: KeyAction) {
        guard !breakpoints.isEmpty else {
            message = Message(text: "no breakpoints: b or Space sets one on the current event, B lists them", isError: true)
            return
        }
        startSearch(RunningSearch(goal: .breakpoint(breakpointSet), action: action,
                                  scan: TimelineScan(from: cursor, direction, wraps: false)))
    }

    /// Starts it: a timeline of at most `searchChunk` events is looked through in the key
    /// press, as `findMatch` searches one whole (`c` moves at once); on a longer one the
    /// loop looks a slice at a time between keys, the first before the next frame unless
    /// a key queued behind this one stops it unread.
    private mutating func startSearch(_ search: RunningSearch) {
        running = search
        if timeline.count <= searchChunk { searchSlice() }
    }

    /// The work the loop does between keys: one slice of the search under way.
    mutating func searchSlice() {
        guard var search = running else { return }
        let t = timeline
        let outcome = switch search.goal {
        case .text(_, let needle): search.scan.run(in: t, slice: searchChunk) { matches($0, needle) }
        case .breakpoint(let set): search.scan.run(in: t, slice: searchChunk) { n in set.contains { $0.matches(n, in: t) } }
        }
        running = outcome == .searching ? search : nil
        let scan = search.scan
        let forward = scan.direction == .forward
        switch (search.goal, outcome) {
        case (.text(let query, _), .found(let seq)):
            move(to: seq)
            message = Message(text: "/\(query): event \(seq)\(scan.wrapped ? (forward ? " (wrapped to the start)" : " (wrapped to the end)") : "")", isError: false)
        case (.text(let query, _), .notFound):
            message = Message(text: "/\(query): no match in \(scan.looked) events", isError: true)
        case (.text(let query, _), .searching):
            message = Message(text: "/\(query): searching, \(scan.looked) of \(t.count) events looked at; Esc stops", isError: false)
        case (.breakpoint, .found(let seq)):
            move(to: seq)
            message = Message(text: hitMessage, isError: false)
        case (.breakpoint, .notFound):
            move(to: forward ? t.count - 1 : 0)
            message = Message(text: "no breakpoint \(forward ? "after" : "before") this event", isError: false)
        case (.breakpoint, .searching):
            message = Message(text: "continuing to a breakpoint: \(scan.looked) events looked at, up to event \(scan.position); Esc stops", isError: false)
        }
    }

    /// A key other than the search's own: the search stops where it got to.
    mutating func stopSearch() {
        guard let search = running else { return }
        running = nil
        message = Message(text: "search stopped after \(search.scan.looked) events, at event \(search.scan.position)", isError: false)
    }
}
