import StripeCore

extension DebuggerModel {
    /// Playback speeds, in events per tick.
    static let speeds = [1, 2, 5, 10, 50, 200, 1000]

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
        case .key(let key):
            switch mode {
            case .normal: return normalKey(key)
            case .help, .detail:
                mode = .normal
                return true
            case .breakpoints(let selected):
                breakpointListKey(key, selected: selected)
                return true
            case .prompt(let kind, var text):
                // The mode lets go of the text, so typing appends in place instead of
                // copying the whole line a key.
                mode = .normal
                promptKey(key, kind: kind, text: &text)
                return true
            }
        }
    }

    private mutating func normalKey(_ key: Key) -> Bool {
        message = nil
        switch key {
        case .character("q"), .function(10), .control("c"):
            return false
        case .right, .character("l"), .character("s"):
            step(to: cursor + 1)
        case .left, .character("h"), .character("S"):
            step(to: cursor - 1)
        case .character("n"):
            step(to: timeline.stepOver(from: cursor, .forward), else: "no later event at this depth")
        case .character("N"):
            step(to: timeline.stepOver(from: cursor, .backward), else: "no earlier event at this depth")
        case .character("f"):
            step(to: timeline.finish(from: cursor, .forward), else: "not inside a call")
        case .character("F"):
            step(to: timeline.finish(from: cursor, .backward), else: "not inside a call")
        case .character("c"):
            continueToBreakpoint(.forward)
        case .character("C"):
            continueToBreakpoint(.backward)
        case .home:
            move(to: 0)
        case .end:
            move(to: timeline.count - 1)
            endPending = building != nil
        case .character("g"):
            mode = .prompt(.goTo, "")
        case .character("b"), .character(" "):
            toggleBreakpoint(breakpointHere)
        case .character("B"):
            mode = .breakpoints(selected: 0)
        case .character("/"):
            mode = .prompt(.search, "")
        case .character("."):
            findMatch(.forward)
        case .character(","):
            findMatch(.backward)
        case .character(":"):
            mode = .prompt(.command, "")
        case .character("P"):
            playing.toggle()
            message = Message(text: playing ? "playing at \(speed) event\(speed == 1 ? "" : "s") per tick (P pauses, + and - change speed)" : "paused", isError: false)
        case .character("+"), .character("="):
            speed = Self.speeds.first { $0 > speed } ?? speed
            message = Message(text: "speed: \(speed) event\(speed == 1 ? "" : "s") per tick", isError: false)
        case .character("-"):
            speed = Self.speeds.last { $0 < speed } ?? speed
            message = Message(text: "speed: \(speed) event\(speed == 1 ? "" : "s") per tick", isError: false)
        case .tab:
            focus = Focus.allCases[(Focus.allCases.firstIndex(of: focus)! + 1) % Focus.allCases.count]
        case .backTab:
            focus = Focus.allCases[(Focus.allCases.firstIndex(of: focus)! + Focus.allCases.count - 1) % Focus.allCases.count]
        case .up, .character("k"):
            scroll[focus, default: 0] -= 1
        case .down, .character("j"):
            scroll[focus, default: 0] += 1
        case .pageUp:
            scroll[focus, default: 0] -= 10
        case .pageDown:
            scroll[focus, default: 0] += 10
        case .character("?"), .function(1):
            mode = .help
        case .enter:
            mode = .detail
        case .click(let x, let y):
            if let page = DebuggerLayout(self).page(atX: x, y: y, model: self) {
                selectedPage = selectedPage == page ? nil : page
            }
        default:
            break
        }
        return true
    }

    /// Moves to `seq` if there is one there; otherwise says why not.
    private mutating func step(to seq: Int?, else reason: String = "") {
        guard let seq, seq >= 0, seq < timeline.count else {
            let edge = (seq ?? 0) < 0 ? "at the first event" : "at the last event"
            message = Message(text: reason.isEmpty ? edge : reason, isError: false)
            return
        }
        move(to: seq)
    }

    private mutating func play() {
        let target = min(cursor + speed, timeline.count - 1)
        let stop = timeline.nextBreakpoint(from: cursor, .forward, Set(breakpoints)).flatMap { $0 <= target ? $0 : nil }
        move(to: stop ?? target)
        if stop != nil || cursor == timeline.count - 1 {
            playing = false
            message = Message(text: stop != nil ? "stopped at a breakpoint" : "end of the timeline", isError: false)
        }
    }

    private mutating func continueToBreakpoint(_ direction: Direction) {
        guard !breakpoints.isEmpty else {
            message = Message(text: "no breakpoints: b or Space sets one on the current event, B lists them", isError: true)
            return
        }
        if let seq = timeline.nextBreakpoint(from: cursor, direction, Set(breakpoints)) {
            move(to: seq)
        } else {
            move(to: direction == .forward ? timeline.count - 1 : 0)
            message = Message(text: "no breakpoint \(direction == .forward ? "after" : "before") this event", isError: false)
        }
    }

    /// What `b` sets a breakpoint on: the current event's function, page, device, or kind.
    var breakpointHere: Breakpoint {
        if focus == .pages, let page = selectedPage { return .page(page) }
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
        if let at = breakpoints.firstIndex(of: bp) {
            breakpoints.remove(at: at)
            message = Message(text: "breakpoint removed: \(bp)", isError: false)
        } else {
            breakpoints.append(bp)
            message = Message(text: "breakpoint set: \(bp) (c continues to it, C goes back)", isError: false)
        }
    }

    /// Whether event `seq` matches the search (its event-log text, case-insensitive).
    private func matches(_ seq: Int, _ needle: String) -> Bool {
        timeline.summary(of: seq).lowercased().contains(needle)
    }

    /// `.` / `,` and a new search: the next match in `direction`, wrapping at either end
    /// with a notice. A timeline of at most `searchChunk` events is searched whole, so
    /// the message counts the matches ("match k of n"); a longer one is searched
    /// `searchChunk` events per key press, going on where the last press stopped.
    private mutating func findMatch(_ direction: Direction) {
        guard let query = search, !query.isEmpty else {
            message = Message(text: "no search yet: / searches the event log", isError: true)
            return
        }
        let needle = query.lowercased()
        let n = timeline.count
        if n <= searchChunk {
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
        // A long timeline: look at the next `searchChunk` events, wrapping around.
        let resume = searchResume.flatMap { $0.direction == direction ? $0 : nil }
        var seq = resume?.seq ?? cursor
        var looked = resume?.looked ?? 0
        searchResume = nil
        let step = direction == .forward ? 1 : -1
        var wrapped = resume?.wrapped ?? false
        for _ in 0..<searchChunk {
            guard looked < n else { break }
            seq += step
            if seq >= n || seq < 0 {
                seq = seq >= n ? 0 : n - 1
                wrapped = true
            }
            looked += 1
            if matches(seq, needle) {
                move(to: seq)
                message = Message(text: "/\(query): event \(seq)\(wrapped ? (direction == .forward ? " (wrapped to the start)" : " (wrapped to the end)") : "")", isError: false)
                return
            }
        }
        if looked >= n {
            message = Message(text: "/\(query): no match in \(n) events", isError: true)
        } else {
            searchResume = (seq, direction, looked, wrapped)
            message = Message(text: "/\(query): no match in the \(looked) events searched, up to event \(seq); press \(direction == .forward ? "." : ",") to search on", isError: false)
        }
    }

    private mutating func breakpointListKey(_ key: Key, selected: Int) {
        switch key {
        case .up, .character("k"):
            mode = .breakpoints(selected: max(0, selected - 1))
        case .down, .character("j"):
            mode = .breakpoints(selected: min(max(0, breakpoints.count - 1), selected + 1))
        case .character("d"), .backspace:
            if selected < breakpoints.count { breakpoints.remove(at: selected) }
            mode = .breakpoints(selected: max(0, min(selected, breakpoints.count - 1)))
        case .character("a"):
            mode = .prompt(.breakpoint, "")
        default:
            mode = .normal
        }
    }

    private mutating func promptKey(_ key: Key, kind: PromptKind, text: inout String) {
        switch key {
        case .escape, .control("c"):
            break  // closed: the mode is normal already
        case .backspace:
            guard !text.isEmpty else { return }
            text.removeLast()
            mode = .prompt(kind, text)
        case .character(let c):
            text.append(c)
            mode = .prompt(kind, text)
        case .enter:
            submit(kind, text.trimmingSpaces)
        default:
            mode = .prompt(kind, text)
        }
    }

    private mutating func submit(_ kind: PromptKind, _ text: String) {
        switch kind {
        case .goTo:
            guard let n = Int(text), n >= 0, n < timeline.count else {
                message = Message(text: "go to: expected an event number from 0 to \(timeline.count - 1), found '\(text)'", isError: true)
                return
            }
            move(to: n)
        case .search:
            search = text
            searchResume = nil
            searchMatches = nil
            findMatch(.forward)
        case .breakpoint:
            guard let bp = Breakpoint(parsing: text) else {
                message = Message(text: "breakpoint: expected 'kind NAME', 'fn NAME', 'page N', 'dev N' or 'violation', found '\(text)'", isError: true)
                return
            }
            if !breakpoints.contains(bp) { toggleBreakpoint(bp) }
            mode = .breakpoints(selected: breakpoints.firstIndex(of: bp) ?? 0)
        case .command:
            applyCommand(text)
        }
    }

    /// Applies a scenario command at the current point: the scenario is cut after the
    /// command the cursor is in, the new command is added, and the future is recomputed.
    mutating func applyCommand(_ text: String) {
        guard !text.isEmpty else { return }
        let scenario = timeline.scenario
        var commandIndex = -1
        if let seq = state.currentCommand, case .command(_, _, let number) = timeline.payload(of: seq) { commandIndex = number }
        let kept = Array(scenario.lines.prefix(commandIndex + 1))
        var rows = [String](repeating: "", count: kept.last?.line ?? 0)
        for line in kept { rows[line.line - 1] = line.text }
        rows.append(text)
        let parsed: Scenario
        do {
            parsed = try ScenarioParser.parse(rows.joined(separator: "\n"), name: scenario.name)
        } catch {
            message = Message(text: ":\(text): column \(error.column): \(error.message)", isError: true)
            return
        }
        let newTimeline: Timeline
        do {
            newTimeline = try Engine.build(parsed, budget: budget)
        } catch {
            message = Message(text: ":\(text): \(error)", isError: true)
            return
        }
        building?.cancel()
        building = nil
        endPending = false
        let start = (0..<newTimeline.count).last { newTimeline.event($0).kind == .command } ?? 0
        replace(newTimeline, at: start)
        message = Message(text: "applied '\(text)' after line \(kept.last?.line ?? 0): the future was recomputed (\(newTimeline.count) events)", isError: false)
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

extension Breakpoint {
    /// Parses `kind page_add`, `fn writepage_strip`, `page 5`, `dev 2` or `violation`.
    public init?(parsing text: String) {
        let words = text.split(separator: " ").map(String.init)
        switch (words.first, words.count) {
        case ("violation", 1): self = .violation
        case ("kind", 2): guard let k = EventKind(name: words[1]) else { return nil }; self = .kind(k)
        case ("fn", 2), ("function", 2): guard let f = KernelFunction(name: words[1]) else { return nil }; self = .function(f)
        case ("page", 2): guard let n = Int(words[1]), n >= 0 else { return nil }; self = .page(n)
        case ("dev", 2), ("device", 2): guard let n = Int(words[1]), n >= 0 else { return nil }; self = .device(n)
        default: return nil
        }
    }
}
