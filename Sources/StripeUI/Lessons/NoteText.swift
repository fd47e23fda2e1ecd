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
