/// A seeded homework problem, as OSTEP's `raid.py -s SEED` makes them: a layout and a
/// workload drawn from the seed, with `ask` lines; the same seed gives the same problem.
/// The answers come from running the engine on it (`Timeline.answer(toQuestionAt:)`).
public struct Quiz: Sendable {
    public var seed: UInt64
    /// The problem as a scenario.
    public var text: String
    public var scenario: Scenario
    /// Each question with its scenario line and the answer the run gives.
    public var questions: [(line: Int, question: Question, answer: ShownAnswer)]
    public var timeline: Timeline

    /// Question kinds a quiz can draw about the ORE.
    public static let kinds = ["r4w-reads", "writes", "parity-dev", "dev-of", "stranded", "count"]
    /// Kinds a quiz on md's write path can draw (`write-path md`): `choice` asks md's
    /// decision, and `count` works there too; the ORE's kinds ask about the ORE's calls.
    public static let mdKinds = ["choice", "count"]
    /// Every kind, as `--kind` takes them.
    public static let allKinds = kinds + ["choice"]

    /// Generates and runs the problem for `seed` with `count` questions drawn from `kinds`
    /// (in turn, so every kind asked for appears) on a layout of one of `raids`.
    public init(seed: UInt64, kinds: [String] = Quiz.kinds, count: Int = 4, raids: [RaidLevel] = [.raid5]) throws(ScenarioError) {
        self.seed = seed
        text = Self.problem(seed: seed, kinds: kinds.isEmpty ? Self.kinds : kinds, count: max(1, count), raids: raids.isEmpty ? [.raid5] : raids)
        scenario = try ScenarioParser.parse(text, name: "quiz-\(seed).scn")
        timeline = Engine.run(scenario)
        // A later write to a page an earlier round stranded hangs (kernel_bug): the
        // problem ends before that command, so every question has its answer.
        if let bug = timeline.state(at: timeline.count - 1).kernelBug, let command = timeline.state(at: bug).currentCommand {
            let line = Int(timeline.event(command).i)
            text = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(line - 1).joined(separator: "\n") + "\n"
            scenario = try ScenarioParser.parse(text, name: "quiz-\(seed).scn")
            timeline = Engine.run(scenario)
        }
        var questions: [(Int, Question, ShownAnswer)] = []
        for seq in 0..<timeline.count where timeline.event(seq).kind == .command {
            guard let question = timeline.question(at: seq), let answer = timeline.answer(toQuestionAt: seq) else { continue }
            questions.append((Int(timeline.event(seq).i), question, answer))
        }
        self.questions = questions
    }

    /// `{seed, scenario, questions: [{line, kind, args, prompt, answer}]}` (SPEC 12).
    public var json: JSONValue {
        .object([
            ("seed", .int(Int64(bitPattern: seed))),
            ("scenario", .string(text)),
            ("questions", .array(questions.map { line, question, shown in
                .object([("line", .int(Int64(line))), ("kind", .string(question.kind.name)),
                         ("args", question.kind.argumentsJSON), ("prompt", .string(question.prompt)),
                         ("answer", shown.answer.json)])
            })),
        ])
    }

    /// The scenario text of the problem for `seed`.
    static func problem(seed: UInt64, kinds: [String], count: Int, raids: [RaidLevel]) -> String {
        var rng = SplitMix(state: seed)
        // A `choice` question makes it a problem on md's write path (no groups, RAID5/6).
        let md = kinds.contains("choice")
        let raid = md ? [RaidLevel.raid5, .raid6].filter { raids.contains($0) }.first ?? .raid5 : raids[rng.below(raids.count)]
        let parity = raid == .raid6 ? 2 : raid == .raid5 ? 1 : 0
        let width = parity + 2 + rng.below(3)
        // Groups one stripe deep strand pages of a write over two group boundaries.
        let grouped = !md && (kinds.contains("stranded") ? rng.below(4) != 0 : rng.below(4) == 0)
        let unitPages = [1, 2, 4][rng.below(3)]
        var lines = ["title Quiz \(seed)"]
        var layout = "layout \(raid.rawValue) devices=\(grouped ? width * 2 : width) stripe-unit=\(unitPages * 4)K"
        if grouped { layout += " group-width=\(width) group-depth=\(1 + rng.below(2) * rng.below(2))" }
        lines.append(layout)
        if md { lines.append("write-path md") }
        let stripePages = (width - parity) * unitPages
        let filePages = stripePages * (2 + rng.below(3))
        lines.append("file size=\(filePages * 4)K")
        if rng.below(2) == 0 {
            let start = rng.below(filePages)
            lines.append("cache \(start)..\(min(filePages - 1, start + rng.below(stripePages)))")
        }
        var asked = 0
        while asked < count {
            let first = rng.below(filePages)
            let last = min(filePages + stripePages - 1, first + rng.below(3 * stripePages))
            lines.append("write \(first)..\(last)")
            // One to three questions about the writeback that follows.
            // md: one row a round (a second ask of the same row says nothing new).
            for _ in 0..<min(count - asked, md ? 1 : 1 + rng.below(3)) {
                // RAID0 has no parity to ask about: ask where a page lives instead.
                let kind = parity == 0 && kinds[asked % kinds.count] == "parity-dev" ? "dev-of" : kinds[asked % kinds.count]
                lines.append(Self.ask(kind, rng: &rng, pages: first...last, stripePages: stripePages, unitPages: unitPages))
                asked += 1
            }
            lines.append("writepages")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func ask(_ kind: String, rng: inout SplitMix, pages: ClosedRange<Int>, stripePages: Int, unitPages: Int) -> String {
        switch kind {
        case "r4w-reads": return "ask r4w-reads Which device pages does the first write_exec's r4w read? Mark them on the stripe map."
        case "writes": return "ask writes Which device pages does the first ore_write write (data and parity)? Mark them on the stripe map."
        case "parity-dev":
            // A stripe this write touches (with groups, stripe numbers count across them).
            let stripe = (pages.lowerBound + rng.below(pages.count)) / stripePages
            return "ask parity-dev stripe=\(stripe) Which device holds the parity of stripe \(stripe)?"
        case "dev-of":
            let page = pages.lowerBound + rng.below(pages.count)
            return "ask dev-of page=\(page) Which device and object page hold file page \(page)?"
        case "stranded": return "ask stranded Which pages will this writepages leave stranded? Mark them on the grid (none: submit nothing)."
        case "choice":
            // A row this write touches: md's stripe_head of a page is its device page (the
            // chunk row's first page row plus the page's row in its chunk).
            let page = pages.lowerBound + rng.below(pages.count)
            let row = page / stripePages * unitPages + page % unitPages
            return "ask choice row=\(row) Will md read-modify-write, reconstruct-write or write row \(row) full?"
        default:
            let counter = CounterKind.allCases[rng.below(CounterKind.allCases.count)]
            return "ask count \(counter.rawValue) How many \(counter.rawValue) will this writepages add?"
        }
    }
}

extension Question.Kind {
    /// The arguments as a JSON object: `{stripe}`, `{page}`, `{counter}`, `{row}` or `{}`.
    public var argumentsJSON: JSONValue {
        switch self {
        case .r4wReads, .writes, .stranded: .object([])
        case .parityDev(let stripe): .object([("stripe", .int(Int64(stripe)))])
        case .devOf(let page): .object([("page", .int(Int64(page)))])
        case .count(let counter): .object([("counter", .string(counter.rawValue))])
        case .choice(let row): .object([("row", .int(Int64(row)))])
        }
    }
}

/// splitmix64: a small generator whose sequence is fixed by its seed on every platform
/// (the random scenarios of the tests draw from it too, so a failing seed replays).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
