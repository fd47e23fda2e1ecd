import ArgumentParser
import StripeCore

/// `stripescope quiz`: a seeded random problem, as OSTEP's raid.py makes them; the
/// answers come from running the engine on it.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "A random problem from a seed (same seed, same problem): answer it in the TUI, or print it.",
        discussion: """
            Like OSTEP's raid.py -s SEED: a layout and a workload drawn from the seed, with \
            questions before each writeback. --format text prints an exercise sheet, \
            --answers adds the solutions (raid.py's -c), --format json prints {seed, scenario, \
            questions: [{line, kind, args, prompt, answer}]}.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case tui, text, json }

    @Option(help: "The seed: the same seed gives the same problem.")
    var seed: UInt64 = 0

    @Option(name: .customLong("kind"), parsing: .singleValue,
            help: "A kind of question to ask (repeat for several): \(Quiz.kinds.joined(separator: ", ")). Default: all.")
    var kinds: [String] = []

    @Option(help: "How many questions.")
    var count: Int = 4

    @Option(name: .customLong("raid"), parsing: .singleValue, help: "A RAID level to draw from (repeat for several): raid0, raid5, raid6. Default: raid5.")
    var raids: [String] = []

    @Option(help: "tui (default), text (an exercise sheet) or json.")
    var format: Format = .tui

    @Flag(help: "With --format text, print the answers too.")
    var answers = false

    @Flag(help: "Draw the TUI with ASCII only.")
    var ascii = false

    @OptionGroup var memory: MemoryOption

    @OptionGroup var appearance: AppearanceOptions

    /// Bad options are bad input: one line, exit 2 (thrown from `run`, as every command does).
    private func check() throws {
        for kind in kinds where !Quiz.allKinds.contains(kind) {
            throw CLIFailure("--kind: expected one of \(Quiz.allKinds.joined(separator: ", ")), found '\(kind.prefix(40))'")
        }
        if kinds.contains("choice"), let other = kinds.first(where: { !Quiz.mdKinds.contains($0) }) {
            throw CLIFailure("--kind choice makes a problem on md's write path, where '\(other)' (an ORE question) does not apply: combine choice with count only")
        }
        for raid in raids where RaidLevel(rawValue: raid) == nil {
            throw CLIFailure("--raid: expected raid0, raid5 or raid6, found '\(raid.prefix(40))'")
        }
        guard (1...50).contains(count) else { throw CLIFailure("--count: expected 1 to 50 questions, found \(count)") }
        if raids == ["raid0"], kinds.contains("r4w-reads") || kinds.contains("parity-dev") {
            throw CLIFailure("--raid raid0 has no parity: r4w-reads and parity-dev need raid5 or raid6")
        }
    }

    func run() throws {
        try check()
        let quiz: Quiz
        do {
            quiz = try Quiz(seed: seed, kinds: kinds, count: count, raids: raids.compactMap(RaidLevel.init(rawValue:)))
        } catch {
            throw CLIFailure("quiz \(seed): \(error.description)")
        }
        switch format {
        case .json:
            print(quiz.json.encoded)
        case .text:
            print(sheet(quiz), terminator: "")
        case .tui:
            try TuiCommand.debug(quiz.scenario, budget: try memory.budget(), ascii: ascii, at: 0, settings: try appearance.settings())
        }
    }

    /// The exercise sheet: the problem, then the questions numbered, with answers if asked.
    private func sheet(_ quiz: Quiz) -> String {
        var out = "StripeScope quiz, seed \(quiz.seed) (stripescope quiz --seed \(quiz.seed) --answers shows the answers)\n\n"
        for (n, line) in quiz.text.split(separator: "\n").enumerated() { out += String(format: "  %3d  ", n + 1) + line + "\n" }
        out += "\n"
        for (n, q) in quiz.questions.enumerated() {
            out += "\(n + 1). (line \(q.line), \(([q.question.kind.name] + q.question.kind.arguments).joined(separator: " "))) \(q.question.prompt)\n"
            if answers { out += "   answer: \(q.answer.answer.text)\n" }
        }
        return out
    }
}
