import StripeCore

extension DebuggerModel {
    /// Events built before the first frame: a small scenario is then whole at once, a
    /// huge one shows in a fraction of a second.
    public static let firstFrameEvents = 20_000

    /// The loop built the next chunk of the timeline shown; false when the build stopped
    /// at the memory budget (the program quits and says so).
    mutating func builtStep(_ run: EngineRun) -> Bool {
        searchMatches = nil
        guard run.failure == nil else { return false }
        if run.isFinished {
            building = nil
            if endPending {
                endPending = false
                move(to: timeline.count - 1)
            }
        }
        return true
    }

    /// The status line while the timeline is being built: how far it is.
    var buildProgress: Message? {
        if let pending = pendingBuild {
            let what = switch pending.goal {
            case .edit(let text, _, _, _): "':\(text)'"
            case .undo: "the undo"
            case .open(let name, _): name
            }
            return Message(text: "building \(what): \(pending.run.timeline.count) events so far; Esc cancels, keys work meanwhile", isError: false)
        }
        guard let run = building else { return nil }
        let done = run.isFinished ? run.commandsRun : max(0, run.commandsRun - 1)
        let percent = run.commandTotal == 0 ? 100 : done * 100 / run.commandTotal
        let end = endPending ? "; End: going to the last event when it is built" : "; step, search and break in what exists"
        return Message(text: "building the timeline: \(timeline.count) events, \(percent)% of commands\(end)", isError: false)
    }
}
