import StripeCore

/// The question window: while answering, the prompt and the grid (or the typed answer)
/// with the student's marks and cursor; after it, predicted against actual — hit ✓,
/// wrong ✗, missed ○ — at the event where the answer shows.
struct QuestionOverlay {
    let model: DebuggerModel
    let session: QuestionSession
    let result: QuestionResult?

    init?(model: DebuggerModel) {
        self.model = model
        if model.mode == .question, let session = model.questions.session {
            self.session = session
            result = nil
        } else if let result = model.shownResult {
            session = result.session
            self.result = result
        } else {
            return nil
        }
    }

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let width = min(screen.width - 2, max(60, 8 + session.grid.devices * 4))
        let prompt = "line \(Int(model.timeline.event(session.ask).i)): \(session.question.prompt)".wrapped(to: width - 4)
        let verdict = result.map { $0.verdict.wrapped(to: width - 4) } ?? []
        let gridRows = session.marksDevices ? session.grid.objPages : session.marksPages ? session.grid.filePages / session.grid.rowPages : 1
        let height = min(screen.height - 4, prompt.count + verdict.count + gridRows + 5)
        let rect = Rect(x: (screen.width - width) / 2, y: max(2, screen.height - height - 2), width: width, height: height)
        screen.fill(rect)
        let title = result == nil ? "question — \(QuestionKeys.bar(session.question.kind.answerForm, keys: model.keys))"
            : "answer — \(model.questions.score ?? "") — Esc hides"
        screen.box(rect, title: title, glyphs: theme.box, style: .bold)
        let clip = rect.inset(1)
        var y = rect.y + 1
        for line in prompt {
            screen.put(line, x: rect.x + 2, y: y, style: theme.note, clip: clip)
            y += 1
        }
        for line in verdict {
            screen.put(line, x: rect.x + 2, y: y, style: result!.isRight ? theme.done : theme.error, clip: clip)
            y += 1
        }
        y += 1
        let body = Rect(x: rect.x + 2, y: y, width: rect.width - 4, height: max(0, rect.maxY - 1 - y))
        if session.marksDevices {
            drawDevices(into: &screen, body)
        } else if session.marksPages {
            drawPages(into: &screen, body)
        } else {
            let given = result.map { $0.predicted?.text ?? "(skipped)" } ?? session.typed + "_"
            let line = "your answer: \(given)" + (result.map { "   the run: \($0.actual.text)" } ?? "")
            screen.put(line, x: body.x, y: body.y, style: .bold, clip: body)
        }
    }

    /// Devices across, object pages down, each cell the file page it holds (or P / Q).
    private func drawDevices(into screen: inout Screen, _ body: Rect) {
        let grid = session.grid
        let theme = model.theme
        var x = screen.put("obj  ", x: body.x, y: body.y, style: theme.label, clip: body)
        for dev in 0..<grid.devices { x = screen.put("dev\(dev)".padded(4), x: x, y: body.y, style: theme.label, clip: body) }
        let rows = max(0, body.height - 1)
        // Keep the cursor's row in view.
        let first = max(0, min(Int(session.cursor.objPage) - rows / 2, grid.objPages - rows))
        for row in first..<min(grid.objPages, first + rows) {
            let y = body.y + 1 + row - first
            var x = screen.put(String(row).padded(5), x: body.x, y: y, style: theme.label, clip: body)
            for dev in 0..<grid.devices {
                let cell = DevicePage(dev: dev, objPage: UInt64(row))
                let (mark, style) = self.mark(cell)
                var cellStyle = style
                if result == nil, cell == session.cursor { cellStyle.attributes.insert(.underline) }
                x = screen.put(grid.label(cell) + mark, x: x, y: y, style: cellStyle, clip: body)
            }
        }
    }

    /// The file's pages a stripe a row.
    private func drawPages(into screen: inout Screen, _ body: Rect) {
        let grid = session.grid
        let rows = max(0, body.height)
        let cursorRow = session.pageCursor / grid.rowPages
        let total = grid.filePages / grid.rowPages
        let first = max(0, min(cursorRow - rows / 2, total - rows))
        for row in first..<min(total, first + rows) {
            var x = screen.put("s\(row)".padded(5), x: body.x, y: body.y + row - first, style: model.theme.label, clip: body)
            for page in row * grid.rowPages..<(row + 1) * grid.rowPages {
                let (mark, style) = self.mark(page: page)
                var cellStyle = style
                if result == nil, page == session.pageCursor { cellStyle.attributes.insert(.underline) }
                x = screen.put(String(page).padded(3, left: true) + mark, x: x, y: body.y + row - first, style: cellStyle, clip: body)
            }
        }
    }

    private func mark(_ cell: DevicePage) -> (String, Style) {
        mark(session.marked.contains(cell), result.map { ($0.hits.contains(cell), $0.wrong.contains(cell), $0.missed.contains(cell)) })
    }

    private func mark(page: Int) -> (String, Style) {
        mark(session.markedPages.contains(page),
             result.map { ($0.hitPages.contains(page), $0.wrongPages.contains(page), $0.missedPages.contains(page)) })
    }

    /// ● marked while answering; after it ✓ hit, ✗ wrong, ○ missed.
    private func mark(_ marked: Bool, _ outcome: (hit: Bool, wrong: Bool, missed: Bool)?) -> (String, Style) {
        let theme = model.theme
        guard let outcome else { return marked ? ("●", theme.current) : (" ", .plain) }
        if outcome.hit { return ("✓", theme.done) }
        if outcome.wrong { return ("✗", theme.error) }
        if outcome.missed { return ("○", theme.written) }
        return (" ", .plain)
    }
}

extension String {
    /// Padded with spaces to `width` (on the left when `left`).
    func padded(_ width: Int, left: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - count))
        return left ? pad + self : self + pad
    }
}
