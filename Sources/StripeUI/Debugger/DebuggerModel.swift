import StripeCore

/// Everything the debugger screen is drawn from: the timeline, where the cursor
/// stands in it, and the user's view settings. `update` changes it, `view` draws it.
public struct DebuggerModel {
    /// Panels that take the focus (Tab) and scroll (↑ ↓ j k).
    public enum Focus: String, CaseIterable, Sendable {
        case log, pages, stripes, stack, sp2d
    }

    public enum PromptKind: Sendable, Equatable {
        case goTo, search, command, breakpoint
    }

    public enum Mode: Sendable, Equatable {
        case normal
        case help
        case breakpoints(selected: Int)
        case prompt(PromptKind, String)
    }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    public private(set) var timeline: Timeline
    /// The event the cursor stands on; the state shown is the state after it.
    public private(set) var cursor: Int
    public private(set) var state: SimState
    public var focus = Focus.log
    public var mode = Mode.normal
    public var breakpoints: [Breakpoint] = []
    public var search: String?
    /// Events one search key press looks through, so a key never stalls the screen on a
    /// timeline of millions of events; pressing again searches on from where it stopped.
    public var searchChunk = 250_000
    /// Where a search that ran out of its chunk will go on, and in which direction.
    var searchResume: (seq: Int, direction: Direction)?
    public var message: Message?
    public var playing = false
    /// Events per play tick.
    public var speed = 1
    /// Rows scrolled away from the automatic position, per panel.
    public var scroll: [Focus: Int] = [:]
    public var selectedPage: Int?
    public var width: Int
    public var height: Int
    public var theme: Theme

    public init(timeline: Timeline, width: Int, height: Int, ascii: Bool = false, monochrome: Bool = false, at seq: Int = 0) {
        self.timeline = timeline
        self.width = width
        self.height = height
        theme = Theme(ascii: ascii, monochrome: monochrome)
        cursor = max(0, min(seq, timeline.count - 1))
        state = timeline.state(at: cursor)
    }

    /// Moves the cursor to event `seq` (clamped) and brings the state along.
    public mutating func move(to seq: Int) {
        let target = max(0, min(seq, timeline.count - 1))
        timeline.advance(&state, from: cursor, to: target)
        cursor = target
        scroll = [:]
    }

    /// Replaces the timeline (after a `:` command) and stands at `seq`.
    mutating func replace(_ timeline: Timeline, at seq: Int) {
        self.timeline = timeline
        cursor = max(0, min(seq, timeline.count - 1))
        state = timeline.state(at: cursor)
        scroll = [:]
    }

    /// The page the current event is about, if any.
    public var currentPage: Int? { timeline.pageIndex(of: cursor) }

    /// The file pages of the `ore_write` the cursor is inside, if any (the last one may
    /// be the file's partial last page).
    var oreWritePages: Range<Int>? {
        state.stack.last { timeline.function(of: $0) == .ore_write }.map { call in
            let args = timeline.arguments(of: call)
            let (offset, length) = (args[0].value, args[1].value)
            return Int(offset / pageSize)..<Int((offset + length + pageSize - 1) / pageSize)
        }
    }
}
