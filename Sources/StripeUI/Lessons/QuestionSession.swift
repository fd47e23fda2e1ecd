import StripeCore

/// A question being answered: what is asked, the student's marks or typed answer so
/// far, and the cursor they move over the grid.
public struct QuestionSession: Sendable, Equatable {
    /// The `ask` command event.
    public let ask: Int
    public let question: Question
    /// What the run shows, and where.
    public let actual: ShownAnswer
    let grid: QuestionGrid
    public internal(set) var marked: Set<DevicePage> = []
    public internal(set) var markedPages: Set<Int> = []
    public internal(set) var typed = ""
    public internal(set) var cursor = DevicePage(dev: 0, objPage: 0)
    public internal(set) var pageCursor = 0

    /// The answer as the student gave it; nil when what was typed does not parse.
    var predicted: Answer? {
        switch question.kind.answerForm {
        case .devicePages: return .devicePages(marked.sorted())
        case .filePages: return .filePages(markedPages.sorted())
        case .devicePage: return .devicePage(marked.count == 1 ? marked.first! : cursor)
        case .device: return Int(typed).map(Answer.device)
        case .number: return UInt64(typed).map(Answer.number)
        case .choice: return MdChoice.allCases.first { $0.rawValue.hasPrefix(typed) && !typed.isEmpty }.map(Answer.choice)
        }
    }

    /// Whether the student answers by marking cells of the device grid.
    var marksDevices: Bool { [.devicePages, .devicePage].contains(question.kind.answerForm) }
    var marksPages: Bool { question.kind.answerForm == .filePages }
}

/// The outcome of one answered (or skipped) question: predicted against actual.
public struct QuestionResult: Sendable, Equatable {
    public let session: QuestionSession
    /// nil: skipped (Esc).
    public let predicted: Answer?
    public var actual: Answer { session.actual.answer }
    public var shownAt: Int { session.actual.shownAt }

    /// Marked and so: hit; marked and not so: wrong; so and not marked: missed.
    public var hits: Set<DevicePage> { Set(predictedCells).intersection(actualCells) }
    public var wrong: Set<DevicePage> { Set(predictedCells).subtracting(actualCells) }
    public var missed: Set<DevicePage> { Set(actualCells).subtracting(predictedCells) }
    public var hitPages: Set<Int> { Set(predictedPages).intersection(actualPages) }
    public var wrongPages: Set<Int> { Set(predictedPages).subtracting(actualPages) }
    public var missedPages: Set<Int> { Set(actualPages).subtracting(predictedPages) }

    public var isRight: Bool { predicted != nil && predicted == actual }

    private var predictedCells: [DevicePage] { Self.cells(predicted) }
    private var actualCells: [DevicePage] { Self.cells(actual) }
    private var predictedPages: [Int] { Self.pages(predicted) }
    private var actualPages: [Int] { Self.pages(actual) }

    private static func cells(_ answer: Answer?) -> [DevicePage] {
        switch answer {
        case .devicePages(let pages): pages
        case .devicePage(let page): [page]
        default: []
        }
    }

    private static func pages(_ answer: Answer?) -> [Int] {
        if case .filePages(let pages) = answer { return pages }
        return []
    }

    /// One line: "right: dev 2", "wrong: you said 3, the run shows 4", "skipped: ...".
    public var verdict: String {
        guard let predicted else { return "skipped; the run shows \(actual.text)" }
        if isRight { return "right: \(actual.text)" }
        switch actual {
        case .devicePages, .filePages:
            let counts = session.marksPages ? (hitPages.count, wrongPages.count, missedPages.count) : (hits.count, wrong.count, missed.count)
            return "not quite: \(counts.0) hit, \(counts.1) wrong, \(counts.2) missed; the run shows \(actual.text)"
        default:
            return "wrong: you said \(predicted.text), the run shows \(actual.text)"
        }
    }
}

/// The questions of the open timeline: which were answered, the score, the question
/// being answered and the last result.
public struct QuestionBook: Sendable, Equatable {
    /// `ask` events already asked (answered or skipped): play does not stop at them again.
    public internal(set) var asked: Set<Int> = []
    public internal(set) var right = 0
    public internal(set) var session: QuestionSession?
    public internal(set) var result: QuestionResult?

    public init() {}

    /// "score 2/3" once a question was asked.
    public var score: String? { asked.isEmpty ? nil : "score \(right)/\(asked.count)" }
}
