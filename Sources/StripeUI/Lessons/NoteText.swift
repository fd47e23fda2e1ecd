import StripeCore

/// How a note is shown with its claims: as written when they hold; marked when one
/// fails; in a compare world B (whose notes are world A's), struck through with what
/// holds in this world instead.
enum NoteText {
    /// The text and style of note event `note` of `model`'s timeline.
    static func shown(_ note: Int, in model: DebuggerModel, otherWorld: Bool = false) -> (text: String, style: Style) {
        let t = model.timeline
        let text = t.message(of: note) ?? ""
        let failed = t.failedClaims(ofNoteAt: note)
        guard !failed.isEmpty else { return (text, model.theme.note) }
        let actual = failed.map(\.actual).joined(separator: "; ")
        if otherWorld {
            // What holds here first: a one-row pane cuts the long struck note, not the point.
            return ("not so in this world: " + actual + "; the note: " + struck(text, ascii: model.theme.ascii), model.theme.label)
        }
        let claims = failed.map { "expect \($0.claim), but \($0.actual)" }.joined(separator: "; ")
        return ("✗ " + text + " [claim failed: " + claims + "]", model.theme.error)
    }

    /// `text` struck through (a combining long stroke on each character); ASCII
    /// terminals get it between `~~` marks instead.
    static func struck(_ text: String, ascii: Bool) -> String {
        ascii ? "~~" + text + "~~" : String(text.map { $0 == " " ? " " : "\($0)\u{0336}" }.joined())
    }
}

extension NoteText {
    /// What the header's note rows show: the question line, else the note in effect
    /// with its claims (`PresentationMode` sizes the rows by the same text).
    static func inEffect(in model: DebuggerModel) -> (text: String, style: Style)? {
        question(in: model) ?? model.viewState.note.map { shown($0, in: model) }
    }

    /// The question line the header shows in the note's place: at an `ask`, its prompt;
    /// during the command it asks about, the prompt until the answer shows, then the
    /// answer (so `render` and `record` show both).
    static func question(in model: DebuggerModel) -> (text: String, style: Style)? {
        let t = model.timeline
        guard let command = model.state.currentCommand else { return nil }
        if let question = t.question(at: command) {
            return ("? Question (line \(t.event(command).i)): \(question.prompt)", model.theme.note)
        }
        let asks = t.questions(about: command)
        guard !asks.isEmpty else { return nil }
        let lines = asks.compactMap { ask -> String? in
            guard let question = t.question(at: ask), let shown = model.shownAnswers[ask] ?? t.answer(toQuestionAt: ask) else { return nil }
            let line = t.event(ask).i
            return model.cursor >= shown.shownAt ? "Answer (line \(line)): \(question.prompt) → \(shown.answer.text)"
                : "? Question (line \(line)): \(question.prompt) (answered at event \(shown.shownAt))"
        }
        return (lines.joined(separator: " │ "), model.theme.note)
    }
}
