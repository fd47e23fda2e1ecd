import StripeCore

extension DebuggerModel {
    /// Reacts to one message. Returns false when the user quits.
    public mutating func update(_ msg: DebuggerMsg) -> Bool {
        switch msg {
        case .resize(let w, let h):
            width = w
            height = h
            return true
        case .tick:
            if playing { play() }
            return true
        case .notice(let text):
            message = Message(text: text, isError: true)
            return true
        case .done(let result):
            return effectDone(result)
        case .key(let key):
            switch mode {
            case .normal:
                if playing, heldAtNote { return keyAtNote(key) }
                return normalKey(key)
            case .help, .detail:
                mode = .normal
                return true
            case .breakpoints(let selected):
                breakpointListKey(key, selected: selected)
                return true
            case .crash(var browser):
                let open = browser.key(key, action: keys.action(for: key, in: .crashBrowser),
                                       unbound: keys.unboundReason(key, in: .crashBrowser))
                mode = open ? .crash(browser) : .normal
                return true
            case .confirmDiscard(let discarding):
                mode = .normal
                guard keys.action(for: key, in: .confirm) == .accept else {
                    message = Message(text: "kept the edits (:w FILE writes them)", isError: false)
                    return true
                }
                switch discarding {
                case .quit: return false
                case .open(let name): open(name, confirmed: true)
                }
                return true
            case .question:
                return questionKey(key)
            case .prompt(let kind, var text):
                // The mode lets go of the text, so typing appends in place instead of
                // copying the whole line a key.
                mode = .normal
                promptKey(key, kind: kind, text: &text)
                return true
            }
        }
    }

    /// A key in normal mode or the page cursor: what the key map in force says it does,
    /// or why it does nothing here. A click selects a page.
    private mutating func normalKey(_ key: Key) -> Bool {
        message = nil
        switch key {
        case .click(let x, let y):
            if mouse { click(x: x, y: y) }
            return true
        case .wheel(_, _, let down):
            if mouse { scroll(by: down ? 3 : -3) }
            return true
        default: break
        }
        guard let action = keys.action(for: key, in: keyMode) else {
            message = Message(text: keys.unboundReason(key, in: keyMode), isError: false)
            return true
        }
        if let search = running {
            // Its own key again (a queued repeat) lets it go on; any other stops it first.
            if action == search.action { return true }
            if action != .quit { stopSearch() }
        }
        return perform(action, slicing: true)
    }

    /// A click: on a page cell or a unit of the stripe map, selects that page (its
    /// detail opens; again closes it); on an event row, goes to that event.
    private mutating func click(x: Int, y: Int) {
        let layout = DebuggerLayout(self)
        if let page = layout.page(atX: x, y: y, model: self) ?? layout.unitPage(atX: x, y: y, model: self) {
            selectedPage = selectedPage == page ? nil : page
            pageCursor = page
        } else if let seq = layout.event(atX: x, y: y, model: self) {
            move(to: seq)
        }
    }

    /// The key map set in force: the key bar names it.
    public var keyMode: KeyMode {
        switch mode {
        case .prompt: return .prompt
        case .breakpoints: return .breakpointList
        case .crash: return .crashBrowser
        case .confirmDiscard: return .confirm
        case .question: return .question
        case .normal, .help, .detail:
            if playing, heldAtNote { return .notePause }
            return focus == .pages ? .pageCursor : .normal
        }
    }

    /// Does what the key table's `action` says; false to quit. A search it starts on a
    /// long timeline goes on in slices between keys when `slicing` (the debugger's own
    /// keys, through the run loop); else it is finished here (a compare world's keys).
    mutating func perform(_ action: KeyAction, slicing: Bool = false) -> Bool {
        defer { if !slicing { while running != nil { searchSlice() } } }
        switch action {
        case .quit:
            guard hasUnsavedEdits else { return false }
            mode = .confirmDiscard(.quit)
        case .cursorRight: movePageCursor(by: 1)
        case .cursorLeft: movePageCursor(by: -1)
        case .cursorUp: movePageCursor(by: -pagesPerStripe)
        case .cursorDown: movePageCursor(by: pagesPerStripe)
        case .step: step(to: cursor + 1)
        case .stepBack: step(to: cursor - 1)
        case .next: step(to: timeline.stepOver(from: cursor, .forward), else: "no later event at this depth")
        case .nextBack: step(to: timeline.stepOver(from: cursor, .backward), else: "no earlier event at this depth")
        case .finish: step(to: timeline.finish(from: cursor, .forward), else: "not inside a call")
        case .finishBack: step(to: timeline.finish(from: cursor, .backward), else: "not inside a call")
        case .continueForward: continueToBreakpoint(.forward, action: action)
        case .continueBack: continueToBreakpoint(.backward, action: action)
        case .first: move(to: 0)
        case .last:
            move(to: timeline.count - 1)
            endPending = building != nil
        case .goTo: mode = .prompt(.goTo, "")
        case .nextNote: jumpToNote(.forward)
        case .previousNote: jumpToNote(.backward)
        case .nextCommand: jumpToCommand(.forward)
        case .previousCommand: jumpToCommand(.backward)
        case .toggleBreakpoint: toggleBreakpoint(breakpointHere)
        case .listBreakpoints: mode = .breakpoints(selected: 0)
        case .search: mode = .prompt(.search, "")
        case .nextMatch: findMatch(.forward, action: action)
        case .previousMatch: findMatch(.backward, action: action)
        case .command: mode = .prompt(.command, "")
        case .undo: undo()
        case .open: openLessons()
        case .nextLesson: openNextLesson()
        case .play: togglePlay()
        case .runThroughNotes: toggleStopAtNotes()
        case .faster: changeSpeed(by: 1)
        case .slower: changeSpeed(by: -1)
        case .focusNext: moveFocus(by: 1)
        case .focusPrevious: moveFocus(by: Focus.allCases.count - 1)
        case .up: scroll(by: -1)
        case .down: scroll(by: 1)
        case .pageUp: scroll(by: -10)
        case .pageDown: scroll(by: 10)
        case .help: mode = .help
        case .crash: pullThePlug()
        case .enter: enter()
        case .escape:
            // Esc closes the page first; then it lets the grid and the map follow the I/O again.
            if pendingBuild != nil {
                cancelPendingBuild()
                message = Message(text: "build cancelled; the timeline is as it was", isError: false)
            } else if selectedPage != nil { selectedPage = nil } else { unpin() }
            questions.result = nil
        case .redraw, .suspend: break  // the run loop's keys
        // Other modes' actions: `keyMode` never maps a key to them here.
        case .mark, .accept, .cancel, .complete, .deleteBackward, .addBreakpoint, .deleteBreakpoint, .switchWorld,
             .nextDivergence, .previousDivergence, .nextRaid, .fewerDevices, .moreDevices, .smallerUnit, .largerUnit,
             .fewerMirrors, .moreMirrors, .narrowerGroups, .widerGroups, .shallowerGroups, .deeperGroups:
            break
        }
        return true
    }

    private mutating func moveFocus(by step: Int) {
        focus = Focus.allCases[(Focus.allCases.firstIndex(of: focus)! + step) % Focus.allCases.count]
        if focus == .pages { pageCursor = selectedPage ?? currentPage ?? state.pcol.pages.first ?? pageCursor }
    }

    private mutating func scroll(by rows: Int) {
        // Scrolling the grid or the map pins both where they are now.
        if focus == .pages || focus == .stripes, pinned == nil { pinned = viewState.focus }
        scroll[focus, default: 0] += rows
    }

    /// The grid and the map follow the I/O again.
    mutating func unpin() {
        pinned = nil
        scroll[.pages] = nil
        scroll[.stripes] = nil
    }


    /// The pages the cursor moves over: the file's and any cached past its end.
    private var pageCount: Int { max(1, state.pageSpan, Int((state.iSize + pageSize - 1) / pageSize)) }

    private mutating func movePageCursor(by step: Int) {
        pageCursor = max(0, min(pageCount - 1, pageCursor + step))
        if selectedPage != nil { selectedPage = pageCursor }
    }

    /// The event row the log's cursor is on, when it was moved off the current event.
    public var logRow: Int? {
        let offset = scroll[.log, default: 0]
        guard focus == .log, offset != 0 else { return nil }
        return max(0, min(timeline.count - 1, cursor + offset))
    }

    /// Enter: in the page cache, the page under the cursor; in the log, the event row
    /// the cursor was moved to; otherwise the whole current event.
    private mutating func enter() {
        if focus == .pages {
            selectedPage = pageCursor
        } else if let row = logRow {
            move(to: row)
        } else {
            mode = .detail
        }
    }

    /// Moves to `seq` if there is one there; otherwise says why not.
    mutating func step(to seq: Int?, else reason: String = "") {
        guard let seq, seq >= 0, seq < timeline.count else {
            let edge = (seq ?? 0) < 0 ? "at the first event" : "at the last event"
            message = Message(text: reason.isEmpty ? edge : reason, isError: false)
            return
        }
        // A question on the way stops the step there, as a breakpoint would.
        if let ask = questionStop(upTo: seq) { return startQuestion(at: ask) }
        move(to: seq)
    }

    /// What `b` sets a breakpoint on: in the page cache the page under its cursor, else
    /// the current event's function, page, device, or kind.
    var breakpointHere: Breakpoint {
        if focus == .pages { return .page(pageCursor) }
        let payload = timeline.payload(of: cursor)
        switch payload {
        case .call(let call), .return(let call): return .function(call.function)
        case .violation: return .violation
        default:
            if let dev = payload.device { return .device(dev) }
            if let page = payload.page { return .page(page) }
            return .kind(payload.kind)
        }
    }

    mutating func toggleBreakpoint(_ bp: Breakpoint) {
        if let at = breakpoints.firstIndex(where: { $0.breakpoint == bp }) {
            let removed = breakpoints.remove(at: at)
            message = Message(text: "Deleted breakpoint \(removed.number): \(bp)", isError: false)
        } else {
            addBreakpoint(bp)
        }
    }

    /// Sets `bp` under the next number, as gdb's `break` does.
    mutating func addBreakpoint(_ bp: Breakpoint) {
        breakpoints.append(NumberedBreakpoint(number: nextBreakpointNumber, breakpoint: bp))
        message = Message(text: "Breakpoint \(nextBreakpointNumber): \(bp) (c continues to it, C goes back)", isError: false)
        nextBreakpointNumber += 1
    }

    /// The breakpoints to stop at.
    var breakpointSet: Set<Breakpoint> { Set(breakpoints.map(\.breakpoint)) }

    /// What gdb says on stopping: `Breakpoint 2, __r4w_get_page(index=9) at event 61`.
    var hitMessage: String {
        let hit = breakpoints.first { $0.breakpoint.matches(cursor, in: timeline) }
        return "Breakpoint \(hit?.number ?? 0), \(timeline.hitDescription(of: cursor)) at event \(cursor)"
    }

    /// A key in the breakpoint list; a key the list does not bind closes it.
    private mutating func breakpointListKey(_ key: Key, selected: Int) {
        switch keys.action(for: key, in: .breakpointList) {
        case .up:
            mode = .breakpoints(selected: max(0, selected - 1))
        case .down:
            mode = .breakpoints(selected: min(max(0, breakpoints.count - 1), selected + 1))
        case .deleteBreakpoint:
            if selected < breakpoints.count { breakpoints.remove(at: selected) }
            mode = .breakpoints(selected: max(0, min(selected, breakpoints.count - 1)))
        case .addBreakpoint:
            mode = .prompt(.breakpoint, "")
            message = Message(text: "fn NAME, kind NAME, page N, dev N, violation; then page N, dev N as conditions; Tab completes", isError: false)
        default:
            mode = .normal
        }
    }

    /// A key at a prompt: the prompt's actions, else a typed character is text.
    private mutating func promptKey(_ key: Key, kind: PromptKind, text: inout String) {
        let action = keys.action(for: key, in: .prompt)
        switch action {
        case .cancel:
            message = nil  // closed: the mode is normal already
        case .deleteBackward:
            guard !text.isEmpty else { return }
            text.removeLast()
            mode = .prompt(kind, text)
        case .up where kind == .open, .down where kind == .open:
            moveLessonCursor(by: action == .up ? -1 : 1)
            mode = .prompt(kind, text)
        case .accept where kind == .open && text.trimmingSpaces.isEmpty:
            message = nil
            if let lesson = selectedLesson { open(lesson) }
        case .accept:
            message = nil
            submit(kind, text.trimmingSpaces)
        case .complete where kind == .breakpoint || kind == .open:
            let completed = kind == .open ? completeOpen(text) : BreakpointSpec.complete(text)
            mode = .prompt(kind, completed.text)
            message = completed.candidates.isEmpty ? nil : Message(text: completed.candidates.joined(separator: " "), isError: false)
        default:
            if case .character(let c) = key { text.append(c) }
            mode = .prompt(kind, text)
        }
    }

    private mutating func submit(_ kind: PromptKind, _ text: String) {
        switch kind {
        case .goTo:
            guard let n = Int(text), n >= 0, n < timeline.count else {
                mode = .prompt(.goTo, text)
                message = Message(text: "go to: expected an event number from 0 to \(timeline.count - 1), found '\(text)'", isError: true)
                return
            }
            move(to: n)
        case .search:
            search = text
            searchMatches = nil
            findMatch(.forward, action: .nextMatch)
        case .breakpoint:
            switch BreakpointSpec.parse(text) {
            case .failure(let error):
                mode = .prompt(.breakpoint, text)
                message = Message(text: error.message, isError: true)
            case .success(let bp):
                if !breakpointSet.contains(bp) { addBreakpoint(bp) }
                mode = .breakpoints(selected: breakpoints.firstIndex { $0.breakpoint == bp } ?? 0)
            }
        case .command:
            submitCommand(text)
        case .open:
            open(text)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
