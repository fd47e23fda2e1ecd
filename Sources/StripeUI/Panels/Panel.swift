/// A panel draws one rectangle of the screen (ratatui's `Widget`): what it shows comes
/// from the view state, worked out once per cursor move; how it shows it (theme, the
/// selected page) from the few settings the panel is made with, never the whole model.
/// A new panel is one type and one row of `DebuggerModel.panelTable`.
protocol Panel {
    func draw(_ view: ViewState, in rect: Rect, on screen: inout Screen)
}
