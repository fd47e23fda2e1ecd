import StripeCore

/// An asciicast v2 recording of the debugger playing a timeline event by event:
/// a header line, then `[time, "o", frame]` output events and `[time, "m", label]`
/// markers at `command` and `note` events. `asciinema play` and `asciinema cat` read it.
public struct Asciicast {
    /// At most this many frames; longer timelines skip events evenly (the last is kept).
    public static let maxFrames = 5000

    public var timeline: Timeline
    public var width: Int
    public var height: Int
    /// Seconds between two frames.
    public var secondsPerFrame: Double
    /// Extra seconds a frame showing a new note stays, as the TUI's play waits at notes.
    public var secondsAtNote: Double

    public init(timeline: Timeline, width: Int, height: Int, secondsPerFrame: Double, secondsAtNote: Double = 0) {
        self.timeline = timeline
        self.width = width
        self.height = height
        self.secondsPerFrame = secondsPerFrame
        self.secondsAtNote = secondsAtNote
    }

    /// The events that become frames: all of them, or an even sample ending at the last.
    public var frameEvents: [Int] { Self.frameEvents(count: timeline.count) }

    /// Of `count` events, those that become frames: all, or an even sample ending at the last.
    static func frameEvents(count n: Int) -> [Int] {
        guard n > Self.maxFrames else { return Array(0..<n) }
        return (0..<Self.maxFrames).map { $0 * (n - 1) / (Self.maxFrames - 1) }
    }

    /// Writes the recording line by line.
    public func write(to out: (String) -> Void) {
        var model = DebuggerModel(timeline: timeline, width: width, height: height)
        Self.write(title: "StripeScope: \(timeline.scenario.title)", timeline: timeline, width: width, height: height,
                   secondsPerFrame: secondsPerFrame, secondsAtNote: secondsAtNote, to: out) { seq in
            model.move(to: seq)
            return model.view()
        }
    }

    /// Writes a recording of `timeline`'s frame events, each drawn by `frame`, with a
    /// marker at every `command` and `note` on the way.
    static func write(title: String, timeline: Timeline, width: Int, height: Int, secondsPerFrame: Double,
                      secondsAtNote: Double = 0, to out: (String) -> Void, frame: (Int) -> Screen) {
        let header: JSONValue = .object([
            ("version", .int(2)), ("width", .int(Int64(width))), ("height", .int(Int64(height))),
            ("title", .string(title)),
            ("env", .object([("TERM", .string("xterm-256color")), ("SHELL", .string("/bin/sh"))])),
        ])
        out(header.encoded)
        var previous = -1
        var clock = 0.0
        // Where each question's answer shows: that frame stays as long as a note.
        let answers = secondsAtNote > 0 ? Set((0..<timeline.count).compactMap { timeline.answer(toQuestionAt: $0)?.shownAt }) : []
        for seq in frameEvents(count: timeline.count) {
            let time = JSONValue.decimal(clock)
            let screen = frame(seq)
            clock += secondsPerFrame + (answers.contains(seq) ? secondsAtNote : 0)
            for marked in (previous + 1)...seq {
                let kind = timeline.event(marked).kind
                guard kind == .command || kind == .note, let text = timeline.message(of: marked) else { continue }
                out(JSONValue.array([time, .string("m"), .string(text)]).encoded)
                // A question stays as long as a note: the class answers before it goes on.
                if kind == .note || timeline.question(at: marked) != nil { clock += secondsAtNote }
            }
            previous = seq
            let output = "\u{1b}[H\u{1b}[2J" + ANSIFrame.render(screen, separator: "\r\n")
            out(JSONValue.array([time, .string("o"), .string(output)]).encoded)
        }
    }
}
