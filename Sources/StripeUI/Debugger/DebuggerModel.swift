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
        /// `o`: a bundled scenario's name or a file.
        case open
    }

    public enum Mode: Sendable, Equatable {
        case normal
        case help
        /// The whole current event, wrapped (Enter): no line is ever only cut.
        case detail
        case breakpoints(selected: Int)
        case prompt(PromptKind, String)
        /// `x`: the crash states at the cursor (its own keys: `CrashBrowser.key`).
        case crash(CrashBrowser)
        /// A question before `q` or `o` drops edits not written with `:w`: `y` goes on.
        case confirmDiscard(Discarding)
        /// An `ask` line waits for the student's answer (`questions.session`).
        case question
    }

    /// What would drop the edits.
    public enum Discarding: Sendable, Equatable {
        case quit
        case open(String)
    }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var isError: Bool

        public init(text: String, isError: Bool) {
            self.text = text
            self.isError = isError
        }
    }

    public private(set) var timeline: Timeline
    /// The event the cursor stands on; the state shown is the state after it.
    public private(set) var cursor: Int
    /// The state every panel shows at the cursor: the state after the event, with what
    /// the event produced in place (`Timeline.shownState`).
    public private(set) var state: SimState
    /// The state after the cursor's event, as replay leaves it: what stepping moves on from.
    private var replayed: SimState
    /// While an `ore_write` runs, the pcol its r4w ops see (`ViewState.pcolCopy`).
    public var pcolCopy: PageCollect? { viewState.pcolCopy }
    /// What each r4w `get_page` of the stripe being prepared returned, by page (`ViewState.gotPages`).
    public var gotPages: [Int: EventPayload.GetPage] { viewState.gotPages }
    /// The facts every panel shows at the cursor, worked out once per move (`settle`).
    public private(set) var viewState: ViewState!
    /// Misplaced units found so far in this timeline, read once as the cursor goes on.
    private var damage = DamageIndex()
    /// The answers of the `ask`s about the current command, found once each: the header
    /// shows them at every frame, and finding one reads the events of the command asked
    /// about (millions for a writeback of a large file). Kept once the timeline is whole.
    private(set) var shownAnswers: [Int: ShownAnswer] = [:]
    /// The focus the page grid and the stripe map stay on since the user scrolled them
    /// (they no longer follow the I/O), until the next command line or Esc.
    public internal(set) var pinned: ViewFocus?
    public var focus = Focus.log
    /// The key bindings in force: the table's, with the user's config applied.
    public var keys = KeyMap.defaults
    /// Whether clicks and the wheel act (`--no-mouse` and the config turn it off).
    public var mouse = true
    public var mode = Mode.normal
    public var breakpoints: [NumberedBreakpoint] = []
    /// Whether stepping stops at an `ask` for an answer (not in a compare world).
    public var asksQuestions = true
    /// Presentation mode (`--present`): the whole note and the legend stay on screen.
    public var present = false
    /// The scenario's questions: asked, score, the one being answered (SPEC 12).
    public internal(set) var questions = QuestionBook()
    /// The bundled lessons with their marks, listed under the `o` prompt.
    public internal(set) var lessons = LessonList()
    /// The number the next breakpoint gets: numbers are never reused, as in gdb.
    var nextBreakpointNumber = 1
    public var search: String?
    /// Events a search looks through per loop turn, so a key never waits long behind it
    /// on a timeline of millions of events (a slice costs tens of milliseconds).
    public var searchChunk = 50_000
    /// The search under way, looked through a slice a loop turn (`searchSlice`).
    var running: RunningSearch?
    /// Every match of the search, for a timeline short enough to search whole.
    var searchMatches: [Int]?
    public var message: Message?
    public var playing = false
    /// Where in `PlaySpeed.all` the play speed stands.
    public var speedIndex = PlaySpeed.defaultIndex
    /// Ticks waited since play last moved (slow speeds move once every few ticks).
    var ticksWaited = 0
    /// Whether play stops at each note until a key is pressed (`p` lets it run through).
    public var stopAtNotes = true
    /// Play is waiting at a note for a key.
    public internal(set) var heldAtNote = false
    /// Earlier versions of the scenario, newest last: what `u` goes back to. Only the
    /// scenarios are kept (a few lines each), not their timelines, which `u` builds again
    /// within the memory budget: six edits of a 1 GiB scenario kept six timelines.
    var undoStack: [(scenario: Scenario, cursor: Int, rows: [String]?)] = []
    /// The timeline `:`, `u` or `o` asked for, being built between keys.
    var pendingBuild: PendingBuild?
    /// What the model asked the loop for since the loop last took them (`takeEffects`).
    var effects: [Effect] = []
    /// The files asked for and not read yet, oldest first, each with what it is for.
    var pendingReads: [(path: String, purpose: PendingRead)] = []
    /// The `:w` writes asked for and not done yet: the prompt, text and command count.
    var pendingWrites: [(path: String, prompt: String, text: String, commands: Int)] = []
    /// The scenario's file as read when it was opened (nil: none, or a bundled one).
    var openedBytes: [UInt8]?
    /// The scenario's text by line once it was edited (nil: as opened).
    var editedRows: [String]?
    /// The scenario text `:w` last wrote: edits up to there are not lost by `q` or `o`.
    var savedText: String?
    /// The bundled scenarios, and the files the loop reads and writes for `o` and `:w`
    /// (never `update`); the program hands in real files.
    public var files = ScenarioFiles.none
    /// The page cursor of the page cache panel (arrows move it while it has the focus).
    public internal(set) var pageCursor = 0
    /// Rows scrolled away from the automatic position, per panel.
    public var scroll: [Focus: Int] = [:]
    public var selectedPage: Int? {
        didSet { if selectedPage != oldValue { findPageHistory() } }
    }
    /// The latest events up to the cursor about the selected page, newest first.
    public private(set) var pageHistory: [Int] = []
    /// The latest completed device write to the selected page's place on its device, if
    /// one is within reach: the event a lost page's damage dates from.
    public private(set) var pageLastLanded: Int?
    public var width: Int
    public var height: Int
    public var theme: Theme
    /// The run still building the timeline: the screen shows what exists and the loop
    /// builds the rest between key presses (asked by the `.build` effect set here).
    public var building: EngineRun? {
        didSet { if let run = building, run !== oldValue { effects.append(.build(run)) } }
    }
    /// The memory a timeline may take, for the one a `:` command recomputes.
    public var budget: MemoryBudget?
    /// Events built per step between key reads (tens of milliseconds), so keys stay live.
    public var buildChunk = 50_000
    /// End was pressed while building: go to the last event once it exists.
    var endPending = false

    /// The smallest screen the debugger draws; below it, it says so.
    public static let minimumWidth = DebuggerLayout.minimumWidth
    public static let minimumHeight = DebuggerLayout.minimumHeight

    public init(timeline: Timeline, width: Int, height: Int, ascii: Bool = false, monochrome: Bool = false, at seq: Int = 0) {
        self.timeline = timeline
        self.width = width
        self.height = height
        theme = Theme(ascii: ascii, monochrome: monochrome)
        cursor = max(0, min(seq, timeline.count - 1))
        replayed = timeline.state(at: cursor)
        state = replayed
        settle()
        // The scenario's own text, for `:` edits that keep its comments: the bytes it was
        // read from, or the file read again.
        if let source = timeline.scenario.source {
            openedBytes = source
        } else {
            read(timeline.scenario.name, for: .source)
        }
    }

    /// Derives what is shown at the cursor from the replayed state. Bounded work: the
    /// pcol copy costs one keyframe roll, the get_page results one stripe's events.
    private mutating func settle() {
        state = timeline.shownState(at: cursor, from: replayed)
        let t = timeline
        // `write_exec` copied the pcol before resetting it (`ios->private`, pcol_copy): the
        // pcol the running `ore_write`'s r4w ops see is the pcol at that call.
        let pcolCopy = state.stack.contains { t.function(of: $0) == .ore_write }
            ? state.stack.last { t.function(of: $0) == .write_exec }.map { t.state(at: $0).pcol } : nil
        var gotPages: [Int: EventPayload.GetPage] = [:]
        if let unit = state.stack.last(where: { t.function(of: $0) == ._ore_add_parity_unit }) {
            for seq in unit...cursor where t.event(seq).kind == .r4wGetPage {
                if case .r4wGetPage(let get) = t.payload(of: seq) { gotPages[get.index] = get }
            }
        }
        damage.extend(t, to: cursor + 1)
        if t.isComplete, let command = state.currentCommand {
            for ask in t.questions(about: command) where shownAnswers[ask] == nil { shownAnswers[ask] = t.answer(toQuestionAt: ask) }
        }
        viewState = ViewState(timeline: t, cursor: cursor, state: state, oreWritePages: oreWritePages, pcolCopy: pcolCopy,
                              gotPages: gotPages, damage: damage)
    }

    /// Events of the selected page's history the page panel can show at most.
    static let pageHistoryLength = 60

    /// The selected page's latest events up to the cursor, from the timeline's index by
    /// page: a step or a click costs the same on any timeline.
    private mutating func findPageHistory() {
        pageHistory = selectedPage.map { timeline.pageHistory($0, upTo: cursor, limit: Self.pageHistoryLength) } ?? []
        pageLastLanded = nil
        guard let index = selectedPage, let location = state.geometry?.location(ofPage: index) else { return }
        // The latest write of the page's device page (from the index), then its completion
        // if it came by the cursor: a bounded walk from that submission on.
        let objPage = location.objPage
        for submitted in timeline.submissions(touching: objPage..<(objPage + 1), in: 0...cursor).reversed() {
            guard timeline.event(submitted).kind == .devWrite, case .devWrite(let write) = timeline.payload(of: submitted),
                  write.request.dev == location.dev else { continue }
            var seq = submitted + 1
            let stop = min(cursor, submitted + Self.completionSearch)
            while seq <= stop {
                if timeline.event(seq).kind == .ioDone, case .ioDone(let done) = timeline.payload(of: seq), done.id == write.id {
                    if !done.error { pageLastLanded = seq }
                    break
                }
                seq += 1
            }
            if pageLastLanded != nil { return }
        }
    }

    /// How far after a write's submission its completion is looked for.
    static let completionSearch = 100_000

    /// Moves the cursor to event `seq` (clamped) and brings the state along.
    public mutating func move(to seq: Int) {
        let target = max(0, min(seq, timeline.count - 1))
        timeline.advance(&replayed, from: cursor, to: target)
        cursor = target
        let command = state.currentCommand
        settle()
        findPageHistory()
        // A pinned grid and map stay where the user put them until the next command line.
        let pinned = pinned != nil && state.currentCommand == command
        scroll = pinned ? scroll.filter { $0.key == .pages || $0.key == .stripes } : [:]
        if !pinned { self.pinned = nil }
    }

    /// Replaces the timeline (after a `:` command, `u` or `o`) and stands at `seq`.
    mutating func replace(_ timeline: Timeline, at seq: Int) {
        self.timeline = timeline
        damage = DamageIndex()
        shownAnswers = [:]
        pinned = nil
        // Questions are events of the timeline they were asked in.
        questions = QuestionBook()
        searchMatches = nil
        running = nil
        cursor = max(0, min(seq, timeline.count - 1))
        replayed = timeline.state(at: cursor)
        settle()
        findPageHistory()
        scroll = [:]
    }

    /// The first of `total` stripes the page grid or the stripe map (`panel`) shows,
    /// `visible` at a time: the stripes the event touches, or where the user pinned them.
    func firstStripe(of panel: Focus, visible: Int, total: Int) -> Int {
        if panel == .pages, focus == .pages {
            return ViewFocus(stripes: pageCursor / pagesPerStripe...pageCursor / pagesPerStripe).firstRow(visible: visible, total: total)
        }
        guard let focus = pinned ?? viewState.focus else { return 0 }
        return ViewFocus.clampFirst(focus.firstRow(visible: visible, total: total) + scroll[panel, default: 0], visible: visible, total: total)
    }

    /// Data pages in a stripe (one row of the grid).
    var pagesPerStripe: Int { state.layout?.pagesInStripe ?? 1 }

    /// The page the current event is about, if any.
    public var currentPage: Int? { timeline.pageIndex(of: cursor) }

    /// The file pages of the `ore_write` the cursor is inside, if any (the last one may
    /// be the file's partial last page).
    var oreWritePages: Range<Int>? {
        state.stack.last { timeline.function(of: $0) == .ore_write }.flatMap { call in
            guard case .call(let write) = timeline.payload(of: call), let offset = write.argument("offset"),
                  let length = write.argument("length") else { return nil }
            return Int(offset / pageSize)..<Int((offset + length + pageSize - 1) / pageSize)
        }
    }
}
