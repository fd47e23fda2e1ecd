extension Engine {
    /// `expect`: checks each claim against the state now and emits `claim_failed` for
    /// each one that does not hold, with what does.
    func expect(_ claims: [Claim]) {
        for claim in claims {
            let (holds, actual) = evaluate(claim)
            guard !holds else { continue }
            timeline.strings.append(claim.text)
            timeline.strings.append(actual)
            emit(.claimFailed, i: UInt32(currentLine), x: UInt64(timeline.strings.count - 2))
        }
    }

    /// Whether `claim` holds now, and what holds, said as the claim would say it.
    func evaluate(_ claim: Claim) -> (holds: Bool, actual: String) {
        switch claim.kind {
        case .flags(let range, let expected):
            let actual = ClaimText.flags(range) { index in
                let page = state.pages[index]
                return page.present ? page.flags : nil
            }
            let holds = range.allSatisfy { index in
                let page = state.pages[index]
                return page.present ? page.flags == expected : expected == nil
            }
            return (holds, actual)
        case .stranded(let range):
            let stranded = Array(state.strandedPages)
            return (stranded == range.map(Array.init) ?? [], "stranded " + ClaimText.pages(stranded))
        case .lost(let range):
            let lost = lostPages()
            return (lost == range.map(Array.init) ?? [], "lost " + ClaimText.pages(lost))
        case .rule(let rule):
            let rules = rulesBrokenSinceCommand()
            return (rules.contains(rule), ClaimText.violations(rules))
        case .noViolation:
            let rules = rulesBrokenSinceCommand()
            return (rules.isEmpty, ClaimText.violations(rules))
        case .kernelBug(let fn):
            guard let bug = state.kernelBug else { return (false, "no kernel_bug") }
            let actual = timeline.bugFunction(of: bug)!
            return (actual == fn, "kernel_bug \(actual.name)")
        case .devPagesWritten(let n): return counter(.devPagesWritten, n)
        case .devPagesRead(let n): return counter(.devPagesRead, n)
        case .r4wReads(let n): return counter(.r4wReads, n)
        case .inFlight(let n):
            return (state.inflight.count == n, "in-flight=\(state.inflight.count)")
        case .inconsistent(let stripe):
            let stripes = (0..<state.stripeSpan).filter { !state.isParityConsistent(stripe: $0) }
            return (stripes.contains(stripe), stripes.isEmpty ? "no inconsistent stripe"
                    : "inconsistent " + stripes.prefix(8).map { "stripe=\($0)" }.joined(separator: ", ") + (stripes.count > 8 ? " and \(stripes.count - 8) more" : ""))
        case .misplaced(let dev):
            let devs = Set(timeline.requests.filter { request in
                timeline.entries[request.entries].contains(where: \.misplaced)
            }.map(\.dev)).sorted()
            return (devs.contains(dev), devs.isEmpty ? "no misplaced unit" : "misplaced " + devs.map { "dev=\($0)" }.joined(separator: ", "))
        case .choice(let row, let expected):
            guard let choice = timeline.mdChoice(row: row, upTo: timeline.count - 1) else { return (false, "no md_decision for row \(row)") }
            return (choice == expected, "choice row=\(row) \(choice.rawValue)")
        }
    }

    private func counter(_ kind: CounterKind, _ claimed: UInt64) -> (Bool, String) {
        let value = kind.value(in: state)
        return (value == claimed, "\(kind.rawValue)=\(value)")
    }

    /// Rule 1's pages, also while the file is busy (`SimState.isLost`): a writeback is
    /// underway while its I/O is in flight.
    func lostPages() -> [Int] {
        guard let geometry = state.geometry else { return [] }
        return (0..<Int((state.iSize + pageSize - 1) / pageSize)).filter { state.isLost($0, layout: geometry, underway: !state.inflight.isEmpty) }
    }

    /// Rules broken since the previous command (the last one that is not passive), each
    /// once, in order.
    func rulesBrokenSinceCommand() -> [Int] {
        var rules = Set<Int>()
        var seq = timeline.count - 1
        while seq >= 0 {
            let event = timeline.events[seq]
            if event.kind == .violation { rules.insert(Int(event.a)) }
            if event.kind == .command, !timeline.scenario.lines[Int(event.x)].command.isPassive { break }
            seq -= 1
        }
        return rules.sorted()
    }
}

extension Command {
    /// A note or its claims: they run even right after a `kernel_bug` (SPEC 12).
    public var isCommentary: Bool {
        switch self {
        case .note, .expect: true
        default: false
        }
    }

    /// Lines that act on nothing: a note, its claims, a question.
    public var isPassive: Bool {
        if case .ask = self { return true }
        return isCommentary
    }
}

/// How claims and answers say pages, flags and violations.
public enum ClaimText {
    /// "none", "8", "3, 8..9".
    public static func pages(_ pages: [Int]) -> String {
        guard !pages.isEmpty else { return "none" }
        var runs: [ClosedRange<Int>] = []
        for page in pages {
            if let last = runs.last, last.upperBound + 1 == page { runs[runs.count - 1] = last.lowerBound...page } else { runs.append(page...page) }
        }
        let shown = runs.prefix(12).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound)" }
        return shown.joined(separator: ", ") + (runs.count > 12 ? " and \(runs.count - 12) more runs" : "")
    }

    /// Page-types letters, `-` for none, `·` for an absent page.
    public static func letters(_ flags: PageFlags?) -> String {
        guard let flags else { return "·" }
        return flags.isEmpty ? "-" : flags.letters
    }

    /// "flags 8..9 LW" or, where the pages differ, "flags 8 LW, 9 ·".
    static func flags(_ range: PageRange, _ flagsOf: (Int) -> PageFlags?) -> String {
        var runs: [(ClosedRange<Int>, String)] = []
        for index in range.prefix(4096) {
            let text = letters(flagsOf(index))
            if let last = runs.last, last.1 == text { runs[runs.count - 1].0 = last.0.lowerBound...index } else { runs.append((index...index, text)) }
        }
        let shown = runs.prefix(8).map { ($0.0.count == 1 ? "\($0.0.lowerBound)" : "\($0.0.lowerBound)..\($0.0.upperBound)") + " " + $0.1 }
        return "flags " + shown.joined(separator: ", ") + (runs.count > 8 ? " and \(runs.count - 8) more runs" : "")
    }

    /// "no-violation", "rule 6", "rule 1, rule 2".
    static func violations(_ rules: [Int]) -> String {
        rules.isEmpty ? "no-violation" : rules.map { "rule \($0)" }.joined(separator: ", ")
    }
}
