import StripeCore

/// `tui --present`, for a class in front of a projector: the note in effect is never
/// cut and the legend is always whole, at the cost of rows from the panels.
enum PresentationMode {
    /// Rows the note (or question) in effect needs at `width` columns, at most 8.
    static func noteRows(_ model: DebuggerModel, width: Int) -> Int {
        min(8, max(1, NoteText.inEffect(in: model)?.text.wrapped(to: width - 2).count ?? 1))
    }

    /// Rows the whole legend needs at `width` columns.
    static func legendRows(_ model: DebuggerModel, width: Int) -> Int {
        var rows = 1, x = 0
        for item in LegendPanel(theme: model.theme).items() {
            let cell = item.glyph.count + 1 + item.meaning.count + 2
            if x > 0, x + cell > width {
                rows += 1
                x = 0
            }
            x += cell
        }
        return min(4, rows)
    }
}
