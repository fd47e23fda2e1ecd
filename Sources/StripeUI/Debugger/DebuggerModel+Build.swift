import StripeCore

extension DebuggerModel {
    /// Events past the cursor built before the first frame: more than the tallest event
    /// log shows below it, so the first screen is drawn whole, and its cost is a tiny
    /// scenario's whatever the size; the rest is built between key reads (`buildChunk` a
    /// turn, so a small scenario is whole one turn later).
    static let firstFrameMargin = 512

    /// The events the first frame of a timeline opened at its start needs built (`o`, a
    /// compare world opened at event 0): `firstFrameEvents(at: 0)`.
    public static let firstFrameEvents = firstFrameMargin

    /// The events the first frame of a timeline opened at event `seq` needs built.
    public static func firstFrameEvents(at seq: Int) -> Int {
        seq > Int.max - firstFrameMargin ? Int.max : seq + firstFrameMargin
    }

    /// The loop built the next chunk of the timeline shown; false when the build stopped
    /// at the memory budget (the program quits and says so).
    mutating func builtStep(_ run: EngineRun) -> Bool {
        searchMatches = nil
        guard run.failure == nil, run.parseError == nil else { return false }
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
        let end = endPending ? "; End: going to the last event when it is built" : "; step, search and break in what exists"
        // A scenario read as a stream has no command total until it is parsed: how far
        // through its file the build is, then.
        guard let total = run.commandTotal else {
            return Message(text: "building the timeline: \(timeline.count) events, \(run.percentParsed)% of the file\(end)", isError: false)
        }
        let done = run.isFinished ? run.commandsRun : max(0, run.commandsRun - 1)
        let percent = total == 0 ? 100 : done * 100 / total
        return Message(text: "building the timeline: \(timeline.count) events, \(percent)% of commands\(end)", isError: false)
    }
}
