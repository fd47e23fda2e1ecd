/// An `ask` line (SPEC 12): a question the student answers before the timeline goes on.
public struct Question: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The device pages the next `write_exec`'s r4w reads.
        case r4wReads
        /// The device pages the next `ore_write` writes.
        case writes
        /// The parity device of stripe S.
        case parityDev(stripe: UInt64)
        /// The device and object page of file page N.
        case devOf(page: Int)
        /// The pages the next command strands.
        case stranded
        /// How many of this counter the next command adds.
        case count(CounterKind)
        /// md's choice for array page row R.
        case choice(row: Int)

        /// The kind's name as written after `ask`.
        public var name: String {
            switch self {
            case .r4wReads: "r4w-reads"
            case .writes: "writes"
            case .parityDev: "parity-dev"
            case .devOf: "dev-of"
            case .stranded: "stranded"
            case .count: "count"
            case .choice: "choice"
            }
        }

        /// The arguments as written (`stripe=3`, `page=9`, `dev-pages-written`, `row=0`).
        public var arguments: [String] {
            switch self {
            case .r4wReads, .writes, .stranded: []
            case .parityDev(let stripe): ["stripe=\(stripe)"]
            case .devOf(let page): ["page=\(page)"]
            case .count(let counter): [counter.rawValue]
            case .choice(let row): ["row=\(row)"]
            }
        }

        /// How the student answers: marking device pages, marking file pages, or typing.
        public var answerForm: AnswerForm {
            switch self {
            case .r4wReads, .writes: .devicePages
            case .stranded: .filePages
            case .parityDev: .device
            case .devOf: .devicePage
            case .count: .number
            case .choice: .choice
            }
        }

        public static let names = ["r4w-reads", "writes", "parity-dev", "dev-of", "stranded", "count", "choice"]
    }

    /// How an answer is given and compared.
    public enum AnswerForm: Sendable {
        case devicePages, filePages, device, devicePage, number, choice
    }

    public var kind: Kind
    public var prompt: String

    public init(_ kind: Kind, prompt: String) {
        self.kind = kind
        self.prompt = prompt
    }
}

extension ScenarioParser {
    /// `ask KIND [ARGS] TEXT`.
    static func parseQuestion(_ words: inout LineLexer) throws(ScenarioError) -> Question {
        let word = try words.required("a question kind (\(Question.Kind.names.joined(separator: ", ")))")
        func keyed(_ key: String, max: UInt64) throws(ScenarioError) -> UInt64 {
            let arg = try words.required("\(key)=N after '\(word.text)'")
            guard arg.text.hasPrefix(key + "="), let n = UInt64(arg.text.dropFirst(key.count + 1)),
                  arg.text.dropFirst(key.count + 1).allSatisfy(\.isASCIIDigit) else {
                throw words.error(at: arg, "expected \(key)=N after '\(word.text)', found \(arg.quoted)")
            }
            guard n <= max else { throw words.error(at: arg, "\(key)=\(n) is too large; at most \(max)") }
            return n
        }
        let kind: Question.Kind
        switch word.text {
        case "r4w-reads": kind = .r4wReads
        case "writes": kind = .writes
        case "stranded": kind = .stranded
        case "parity-dev": kind = .parityDev(stripe: try keyed("stripe", max: UInt64(Limits.maxPageIndex)))
        case "dev-of": kind = .devOf(page: Int(try keyed("page", max: UInt64(Limits.maxPageIndex))))
        case "choice": kind = .choice(row: Int(try keyed("row", max: UInt64(Limits.maxPageIndex))))
        case "count":
            let what = try words.required("what to count (\(CounterKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            guard let counter = CounterKind(rawValue: what.text) else {
                throw words.error(at: what, "expected \(CounterKind.allCases.map(\.rawValue).joined(separator: ", ")) after 'count', found \(what.quoted)")
            }
            kind = .count(counter)
        default:
            throw words.error(at: word, "unknown question kind \(word.quoted); expected one of \(Question.Kind.names.joined(separator: ", "))")
        }
        let text = words.rest()
        return Question(kind, prompt: text.isEmpty ? kind.defaultPrompt : text)
    }
}

extension Question.Kind {
    /// The prompt of an `ask` line that gives none.
    var defaultPrompt: String {
        switch self {
        case .r4wReads: "Which device pages will the next write_exec's r4w read?"
        case .writes: "Which device pages will the next ore_write write?"
        case .parityDev(let stripe): "Which device holds the parity of stripe \(stripe)?"
        case .devOf(let page): "Which device and object page hold file page \(page)?"
        case .stranded: "Which pages will the next command strand?"
        case .count(let counter): "How many \(counter.rawValue) will the next command add?"
        case .choice(let row): "Will md read-modify-write, reconstruct-write or write row \(row) full?"
        }
    }
}
