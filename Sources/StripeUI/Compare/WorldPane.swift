import StripeCore

/// One world of the split frame: where it stands, its page cache, stripe map and counters.
struct WorldPane {
    let model: DebuggerModel
    let world: CompareModel.World
    let focused: Bool
    /// Pages whose flags differ from the other world's: highlighted in the grid.
    let differing: Set<Int>
    /// Object pages read or written in one world only, among those given (the ones this
    /// pane's stripe map shows): highlighted on the map.
    let differingUnits: (Range<UInt64>) -> Set<UnitPage>
    let rect: Rect

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let (title, body) = rect.splitTop(1)
        let s = model.state
        let command = s.currentCommand.map { model.timeline.summary(of: $0) } ?? "before the first command"
        var text = " \(world.name)\(focused ? " ▶" : "  ") event \(model.cursor)/\(model.timeline.count - 1) │ \(command)"
        // Without room for the counters box, its one-line form closes the title.
        let roomy = body.height >= 14
        if !roomy { text += " │ " + CountersPanel.summary(model.viewState) }
        screen.fill(title, style: focused ? theme.header : .bold)
        screen.put(text, x: title.x, y: title.y, style: focused ? theme.header : .bold, clip: title)
        var rest = body
        // The note in effect, as this world shows it: world B's notes are A's, struck
        // through where their claims fail here (SPEC 12).
        if let note = model.viewState.note {
            let line: Rect
            (line, rest) = rest.splitTop(1)
            let (text, style) = NoteText.shown(note, in: model, otherWorld: world == .b)
            screen.put(" " + text, x: line.x, y: line.y, style: style, clip: line)
        }
        var counters = Rect(x: 0, y: 0, width: 0, height: 0)
        if roomy { (rest, counters) = rest.splitBottom(7) }
        let (pages, stripes) = rest.height >= 22 ? rest.splitTop(rest.height / 2) : rest.splitLeft(rest.width * 55 / 100)
        let grid = PageGridPanel(model: model, rect: pages)
        grid.draw(into: &screen)
        if !differing.isEmpty { highlight(differing, of: grid, in: &screen) }
        var map = StripeMapPanel(model: model, rect: stripes)
        map.highlighted = map.visibleObjectPages.map(differingUnits) ?? []
        map.draw(into: &screen)
        CountersPanel(theme: theme).draw(model.viewState, in: counters, on: &screen)
    }

    /// Marks the grid cells of `pages` in both worlds: a blue background (reverse on a
    /// monochrome terminal; underline already marks the current page).
    private func highlight(_ pages: Set<Int>, of grid: PageGridPanel, in screen: inout Screen) {
        let inner = grid.rect.inset(1)
        for y in inner.y..<inner.maxY {
            for x in inner.x..<inner.maxX where screen[x, y].character != " " {
                guard let page = grid.page(atX: x, y: y), pages.contains(page) else { continue }
                if model.theme.monochrome { screen[x, y].style.attributes.insert(.reverse) } else { screen[x, y].style.background = .blue }
            }
        }
    }
}
