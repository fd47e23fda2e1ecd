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

/// The question mode's keys, from the one key table (`KeyMode.question`): what an
/// action there means for a question answered in a given form. Digits and letters are
/// the answer itself where it is typed, as text in a prompt.
enum QuestionKeys {
    /// What `key` does for a question answered in `form`, under the key map `keys`.
    static func action(for key: Key, form: Question.AnswerForm, keys: KeyMap) -> QuestionAction? {
        let typing: Bool
        switch form {
        case .number, .device, .choice: typing = true
        default: typing = false
        }
        if typing, case .character(let c) = key, form == .choice ? "rmwcfuld".contains(c) : c.isASCII && c.isNumber {
            return .type(c)
        }
        switch keys.action(for: key, in: .question) {
        case .cursorLeft?: return typing ? nil : .move(dx: -1, dy: 0)
        case .cursorRight?: return typing ? nil : .move(dx: 1, dy: 0)
        case .cursorUp?: return typing ? nil : .move(dx: 0, dy: -1)
        case .cursorDown?: return typing ? nil : .move(dx: 0, dy: 1)
        case .mark?: return typing ? nil : .toggle
        case .deleteBackward?: return .erase
        case .accept?: return .submit
        case .cancel?: return .skip
        case .help?: return .help
        case .quit?: return .quit
        default: return nil
        }
    }

    /// `?` while answering: every key of this mode, on the status line.
    static func help(_ keys: KeyMap) -> String {
        (keys.rows(.question).map { "\($0.label) \($0.help)" } + ["0-9 r c f type the answer"]).joined(separator: " · ")
    }

    /// The key bar while answering in `form`, with the keys in force for submit and skip.
    static func bar(_ form: Question.AnswerForm, keys: KeyMap) -> String {
        let submit = keys.keys(.accept, in: .question).first?.shown ?? "Enter"
        let skip = keys.keys(.cancel, in: .question).first?.shown ?? "Esc"
        let mark = keys.keys(.mark, in: .question).first?.shown ?? "Space"
        let how = switch form {
        case .devicePages, .filePages: "arrows move  \(mark) marks"
        case .devicePage: "arrows move to the page"
        case .number, .device: "type a number"
        case .choice: "type rmw, rcw or full"
        }
        return "\(how)  \(submit) submits  \(skip) skips"
    }
}
