extension Engine {
    /// Roughly how many events `scenario` makes, from the pages each command touches at
    /// the rates a sequential writeback shows. A low estimate on purpose: the up-front
    /// budget check must never turn away a scenario that would fit, and the checks
    /// while building catch what it misses.
    public static func estimatedEvents(of scenario: Scenario) -> Int {
        var dirty = 0
        return scenario.lines.reduce(0) { $0 + estimatedEvents(of: $1.command, dirty: &dirty) }
    }

    /// Events of one command: 7 a page written, 6 a page written back, 3 a page read,
    /// 2 a page cached. `dirty` follows the pages left dirty.
    static func estimatedEvents(of command: Command, dirty: inout Int) -> Int {
        switch command {
        case .write(let range):
            dirty += range.count
            return 1 + 7 * range.count
        case .writeBytes(_, let length):
            let pages = Int(min(length / pageSize + 1, UInt64(Int.max / 16)))
            dirty += pages
            return 1 + 7 * pages
        case .cache(let range, let isDirty):
            if isDirty { dirty += range.count }
            return 1 + 2 * range.count
        case .read(let range):
            return 1 + 3 * range.count
        case .writepages(_, let range, _), .fsync(let range):
            let pages = min(dirty, range?.count ?? dirty)
            dirty -= pages
            return 1 + 6 * pages
        default:
            return 1
        }
    }

    /// The events the whole run will have, projected from how far it is: the commands
    /// done (their events against their estimate scale the estimate of those to come)
    /// and the share of the current command's pages done.
    func projectedEvents() -> Int {
        let lines = timeline.scenario.lines
        let current = timeline.commandCount - 1
        var dirty = 0
        var estimatedDone = 0
        var estimatedLeft = 0
        var estimatedCurrent = 1
        for (n, line) in lines.enumerated() {
            let events = Self.estimatedEvents(of: line.command, dirty: &dirty)
            if n < current { estimatedDone += events } else if n == current { estimatedCurrent = events } else { estimatedLeft += events }
        }
        let rate = max(1, Double(commandStart.event) / Double(max(1, estimatedDone)))
        let inCommand = timeline.count - commandStart.event
        let share = commandShareDone()
        let inCurrent = share > 0.01 ? Double(inCommand) / share : max(Double(inCommand), Double(estimatedCurrent) * rate)
        return commandStart.event + Int(inCurrent) + Int(Double(estimatedLeft) * rate)
    }

    /// The share of the current command's pages done, when it works through pages.
    private func commandShareDone() -> Double {
        guard let line = currentCommandLine else { return 0 }
        switch line.command {
        case .write(let range):
            return Double(state.counters.userPagesWritten - commandStart.written) / Double(range.count)
        case .writepages, .fsync:
            guard commandStart.dirty > 0 else { return 0 }
            return Double(commandStart.dirty - min(commandStart.dirty, state.dirtyPages.count)) / Double(commandStart.dirty)
        default:
            return 0
        }
    }
}
