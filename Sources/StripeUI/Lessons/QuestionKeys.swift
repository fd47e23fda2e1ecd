import StripeCore

/// What a key does while a question waits for its answer.
enum QuestionAction: Sendable, Equatable {
    case move(dx: Int, dy: Int)
    case toggle
    case type(Character)
    case erase
    case submit
    case skip
    case help
    case quit
}

/// The question mode's key table, one row per action with its help: the status line
/// and `?` read it, and a per-mode key table can take its rows over as they are.
enum QuestionKeys {
    static let bindings: [(label: String, help: String, keys: [(Key, QuestionAction)])] = [
        ("← → ↑ ↓ h l k j", "move the cursor", [(.left, .move(dx: -1, dy: 0)), (.character("h"), .move(dx: -1, dy: 0)),
                                                (.right, .move(dx: 1, dy: 0)), (.character("l"), .move(dx: 1, dy: 0)),
                                                (.up, .move(dx: 0, dy: -1)), (.character("k"), .move(dx: 0, dy: -1)),
                                                (.down, .move(dx: 0, dy: 1)), (.character("j"), .move(dx: 0, dy: 1))]),
        ("Space", "mark / unmark", [(.character(" "), .toggle)]),
        ("0-9 r c f", "type the answer", []),
        ("Backspace", "erase", [(.backspace, .erase)]),
        ("Enter", "submit", [(.enter, .submit)]),
        ("Esc", "skip the question", [(.escape, .skip)]),
        ("? F1", "these keys", [(.character("?"), .help), (.function(1), .help)]),
        ("^C F10", "quit", [(.control("c"), .quit), (.function(10), .quit)]),
    ]

    /// What `key` does for a question answered in `form`.
    static func action(for key: Key, form: Question.AnswerForm) -> QuestionAction? {
        let typing: Bool
        switch form {
        case .number, .device, .choice: typing = true
        default: typing = false
        }
        if typing, case .character(let c) = key, form == .choice ? "rmwcfuld".contains(c) : c.isASCII && c.isNumber {
            return .type(c)
        }
        for binding in bindings {
            if let entry = binding.keys.first(where: { $0.0 == key }) {
                if typing, case .move = entry.1 { return nil }
                if typing, entry.1 == .toggle { return nil }
                return entry.1
            }
        }
        return nil
    }

    /// `?` while answering: every key of this mode, on the status line.
    static var help: String { bindings.map { "\($0.label) \($0.help)" }.joined(separator: " · ") }

    /// The key bar while answering in `form`.
    static func bar(_ form: Question.AnswerForm) -> String {
        switch form {
        case .devicePages, .filePages: "arrows move  Space marks  Enter submits  Esc skips"
        case .devicePage: "arrows move to the page  Enter submits  Esc skips"
        case .number, .device: "type a number  Enter submits  Esc skips"
        case .choice: "type rmw, rcw or full  Enter submits  Esc skips"
        }
    }
}
