/// A device page: a device and an object page on it.
public struct DevicePage: Sendable, Hashable, Comparable {
    public var dev: Int
    public var objPage: UInt64

    public init(dev: Int, objPage: UInt64) {
        self.dev = dev
        self.objPage = objPage
    }

    public static func < (a: DevicePage, b: DevicePage) -> Bool { (a.dev, a.objPage) < (b.dev, b.objPage) }
}

/// The answer to a question, as the student gives it and as the run shows it.
public enum Answer: Sendable, Equatable {
    case devicePages([DevicePage])
    case filePages([Int])
    case device(Int)
    case devicePage(DevicePage)
    case number(UInt64)
    case choice(MdChoice)
    /// The run cannot answer (md's choice without md's write path), and why.
    case unavailable(String)

    /// The answer in words: "dev 0 page 1, dev 3 pages 0..1", "8..9", "dev 2", "rcw".
    public var text: String {
        switch self {
        case .devicePages(let pages):
            guard !pages.isEmpty else { return "none" }
            return Dictionary(grouping: pages, by: \.dev).sorted { $0.key < $1.key }.map { dev, pages in
                let objPages = pages.map { Int($0.objPage) }.sorted()
                return "dev \(dev) \(objPages.count == 1 ? "page" : "pages") \(ClaimText.pages(objPages))"
            }.joined(separator: ", ")
        case .filePages(let pages): return pages.isEmpty ? "none" : "pages \(ClaimText.pages(pages))"
        case .device(let dev): return "dev \(dev)"
        case .devicePage(let page): return "dev \(page.dev) object page \(page.objPage)"
        case .number(let n): return "\(n)"
        case .choice(let choice): return choice.rawValue
        case .unavailable(let why): return why
        }
    }

    /// SPEC 12's JSON: r4w-reads / writes `[[dev, obj_page], ...]`, parity-dev `{dev}`,
    /// dev-of `{dev, obj_page}`, stranded `[page, ...]`, count `N`, choice `"rmw"`.
    public var json: JSONValue {
        switch self {
        case .devicePages(let pages): .array(pages.map { .array([.int(Int64($0.dev)), .int(Int64($0.objPage))]) })
        case .filePages(let pages): .array(pages.map { .int(Int64($0)) })
        case .device(let dev): .object([("dev", .int(Int64(dev)))])
        case .devicePage(let page): .object([("dev", .int(Int64(page.dev))), ("obj_page", .int(Int64(page.objPage)))])
        case .number(let n): .int(Int64(clamping: n))
        case .choice(let choice): .string(choice.rawValue)
        case .unavailable: .null
        }
    }
}

/// What the run shows in answer to an `ask`, and the event where it shows.
public struct ShownAnswer: Sendable, Equatable {
    public var answer: Answer
    /// The event at which the answer is on screen (the `write_exec` return, the end of
    /// the command, ...): the TUI runs there after the student submits.
    public var shownAt: Int
}

extension Timeline {
    /// The `ask` of the command event `seq`, if that command is one.
    public func question(at seq: Int) -> Question? {
        guard seq >= 0, seq < count, events[seq].kind == .command,
              case .ask(let question) = scenario.lines[Int(events[seq].x)].command else { return nil }
        return question
    }

    /// The events a question at command event `seq` asks about: the next command that acts
    /// (not a note, claim or question), up to the command after it.
    func scope(ofQuestionAt seq: Int) -> Range<Int> {
        var start = seq + 1
        while start < count {
            if events[start].kind == .command, !scenario.lines[Int(events[start].x)].command.isPassive { break }
            start += 1
        }
        var end = start + 1
        while end < count, events[end].kind != .command { end += 1 }
        return min(start, count)..<min(end, count)
    }

    /// The answer the run gives to the question asked at command event `seq`, read from
    /// the events after it (the engine's own run, never a second formula).
    public func answer(toQuestionAt seq: Int) -> ShownAnswer? {
        guard let question = question(at: seq) else { return nil }
        let scope = scope(ofQuestionAt: seq)
        let last = max(seq, scope.upperBound - 1)
        switch question.kind {
        case .r4wReads, .writes:
            let fn: KernelFunction = question.kind == .writes ? .ore_write : .write_exec
            guard let call = scope.first(where: { events[$0].kind == .call && function(of: $0) == fn }) else {
                return ShownAnswer(answer: .devicePages([]), shownAt: last)
            }
            let end = matchingReturn(ofCallAt: call)
            var pages = Set<DevicePage>()
            for n in call...end {
                switch payload(of: n) {
                case .devRead(let r) where question.kind == .r4wReads && r.request.purpose == .r4w,
                     .devWrite(let r) where question.kind == .writes:
                    for entry in entries(of: r.request) { pages.insert(DevicePage(dev: r.request.dev, objPage: entry.objPage)) }
                default: break
                }
            }
            return ShownAnswer(answer: .devicePages(pages.sorted()), shownAt: end)
        case .parityDev(let stripe):
            for n in scope where events[n].kind == .xor {
                if case .xor(let update) = payload(of: n), update.stripe == stripe { return ShownAnswer(answer: .device(update.parityDev), shownAt: n) }
            }
            guard let layout = state(at: seq).layout, layout.parity > 0 else {
                return ShownAnswer(answer: .unavailable("no parity in this layout"), shownAt: seq)
            }
            return ShownAnswer(answer: .device(layout.paritySlots(stripe: stripe, row: 0)[0].devs.lowerBound), shownAt: seq)
        case .devOf(let page):
            guard let layout = state(at: seq).layout else { return ShownAnswer(answer: .unavailable("no layout"), shownAt: seq) }
            let location = layout.location(ofPage: page)
            let at = scope.first { n in
                guard events[n].kind == .devWrite || events[n].kind == .devRead else { return false }
                let request = requests[Int(events[n].i)]
                return request.dev == location.dev && entries(of: request).contains { $0.objPage == location.objPage }
            }
            return ShownAnswer(answer: .devicePage(DevicePage(dev: location.dev, objPage: location.objPage)), shownAt: at ?? seq)
        case .stranded:
            return ShownAnswer(answer: .filePages(Array(state(at: last).strandedPages)), shownAt: last)
        case .count(let counter):
            let answer = counter.value(in: state(at: last)) - counter.value(in: state(at: seq))
            return ShownAnswer(answer: .number(answer), shownAt: last)
        case .choice(let row):
            guard let choice = mdChoice(row: row, in: seq...last) else { return ShownAnswer(answer: .unavailable("no md_decision for row \(row)"), shownAt: last) }
            let at = scope.first { events[$0].kind == .mdDecision } ?? last
            return ShownAnswer(answer: .choice(choice), shownAt: at)
        }
    }

    /// The `return` event of the call at `seq` (the last event if the run ended inside it).
    func matchingReturn(ofCallAt seq: Int) -> Int {
        let depth = events[seq].depth
        var n = seq + 1
        while n < count, !(events[n].kind == .return && events[n].depth == depth) { n += 1 }
        return min(n, count - 1)
    }
}

extension Timeline {
    /// The `ask` command events that ask about the command at command event `seq`: the
    /// questions right before it, with only notes and claims between.
    public func questions(about seq: Int) -> [Int] {
        var asks: [Int] = []
        var n = seq - 1
        while n >= 0 {
            let e = events[n]
            if e.kind == .command {
                let command = scenario.lines[Int(e.x)].command
                guard command.isPassive else { break }
                if case .ask = command { asks.append(n) }
            } else if e.kind != .note && e.kind != .claimFailed {
                break
            }
            n -= 1
        }
        return asks.reversed()
    }
}
