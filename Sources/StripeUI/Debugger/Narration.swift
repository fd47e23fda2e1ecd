import StripeCore

/// A play speed: one event every `ticks` ticks, or `events` events a tick; a lesson
/// starts slow enough to talk over (4 s an event), a debugging session runs at full speed.
public struct PlaySpeed: Sendable, Equatable {
    public var ticks: Int
    public var events: Int

    /// From 4 s an event up to full speed (to the next stop in one tick).
    public static let all = [PlaySpeed(ticks: 50, events: 1), PlaySpeed(ticks: 25, events: 1), PlaySpeed(ticks: 10, events: 1),
                             PlaySpeed(ticks: 5, events: 1), PlaySpeed(ticks: 1, events: 1), PlaySpeed(ticks: 1, events: 5),
                             PlaySpeed(ticks: 1, events: 50), PlaySpeed(ticks: 1, events: 1000), PlaySpeed(ticks: 1, events: .max)]
    /// One event a tick, about 12 a second.
    public static let defaultIndex = 4

    /// As the status line says it: `4 s/event`, `12 events/s`, `full speed`.
    public var label: String {
        if events == .max { return "full speed" }
        if ticks > 1 {
            let tenths = ticks * TerminalLoop.tickMilliseconds / 100
            return "\(tenths / 10)\(tenths % 10 == 0 ? "" : ".\(tenths % 10)") s/event"
        }
        return "\(events * 1000 / TerminalLoop.tickMilliseconds) events/s"
    }
}

extension DebuggerModel {
    public var speed: PlaySpeed { PlaySpeed.all[speedIndex] }

    /// `P`: starts or stops play.
    mutating func togglePlay() {
        playing.toggle()
        heldAtNote = false
        ticksWaited = 0
        // The status line says the speed while playing; the message only the keys.
        message = Message(text: playing ? "P stops, + - speed, p \(stopAtNotes ? "runs past notes" : "stops at notes")" : "paused", isError: false)
    }

    mutating func changeSpeed(by step: Int) {
        speedIndex = max(0, min(PlaySpeed.all.count - 1, speedIndex + step))
        message = Message(text: "speed: \(speed.label)", isError: false)
    }

    /// A tick while playing: moves on by the speed, stopping at a breakpoint, and at a
    /// note when `stopAtNotes` (held there until a key is pressed).
    mutating func play() {
        guard !heldAtNote else { return }
        ticksWaited += 1
        guard ticksWaited >= speed.ticks else { return }
        ticksWaited = 0
        let last = timeline.count - 1
        let target = speed.events >= last - cursor ? last : cursor + speed.events
        // Only the events this tick moves over are searched: a tick costs the same on any
        // timeline (it searched to the end for a note that was not there).
        let breakpoint = timeline.nextBreakpoint(from: cursor, .forward, upTo: target, breakpointSet)
        let note = stopAtNotes ? timeline.find(from: cursor, .forward, upTo: target) { timeline.event($0).kind == .note } : nil
        let ask = questionStop(upTo: target)
        let stop = [breakpoint, note, ask].compactMap { $0 }.min()
        if let ask, stop == ask {
            playing = false
            return startQuestion(at: ask)
        }
        move(to: stop ?? target)
        if let breakpoint, breakpoint == cursor {
            playing = false
            message = Message(text: hitMessage, isError: false)
        } else if note != nil {
            heldAtNote = true
            message = nil  // the status line says what a key does now
        } else if cursor == last {
            playing = false
            message = Message(text: "end of the timeline", isError: false)
        }
    }

    /// A key while play waits at a note: `P` stops, `p` and any other key play on.
    mutating func keyAtNote(_ key: Key) -> Bool {
        heldAtNote = false
        switch keys.action(for: key, in: .notePause) {
        case .quit: return perform(.quit)  // asks first when edits would be lost
        case .play: togglePlay()
        case .runThroughNotes: toggleStopAtNotes()
        default: message = nil
        }
        return true
    }

    mutating func toggleStopAtNotes() {
        stopAtNotes.toggle()
        message = Message(text: stopAtNotes ? "play stops at each note" : "play runs past notes", isError: false)
    }

    /// `]` `[`: the next or previous note, whose text the header then shows.
    mutating func jumpToNote(_ direction: Direction) {
        let t = timeline
        step(to: t.find(from: cursor, direction) { t.event($0).kind == .note },
             else: direction == .forward ? "no later note" : "no earlier note")
    }

    /// `}` `{`: the next or previous scenario command.
    mutating func jumpToCommand(_ direction: Direction) {
        let t = timeline
        step(to: t.find(from: cursor, direction) { t.event($0).kind == .command },
             else: direction == .forward ? "no later command" : "no earlier command")
    }
}
