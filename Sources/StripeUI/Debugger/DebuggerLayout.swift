import StripeCore

/// Where each panel goes for the model's terminal size: everything at once on
/// 120×40, a compact arrangement down to 80×24, and a plain message below that.
struct DebuggerLayout {
    static let minimumWidth = 80
    static let minimumHeight = 24

    var tooSmall: Bool
    /// Below 30 rows the counters shrink to one line beside the scenario line.
    var compact: Bool
    var header = Rect(x: 0, y: 0, width: 0, height: 0)
    var command = Rect(x: 0, y: 0, width: 0, height: 0)
    var note = Rect(x: 0, y: 0, width: 0, height: 0)
    var pages = Rect(x: 0, y: 0, width: 0, height: 0)
    var stripes = Rect(x: 0, y: 0, width: 0, height: 0)
    var stack = Rect(x: 0, y: 0, width: 0, height: 0)
    var sp2d = Rect(x: 0, y: 0, width: 0, height: 0)
    var counters = Rect(x: 0, y: 0, width: 0, height: 0)
    var log = Rect(x: 0, y: 0, width: 0, height: 0)
    var legend = Rect(x: 0, y: 0, width: 0, height: 0)
    var status = Rect(x: 0, y: 0, width: 0, height: 0)

    init(_ model: DebuggerModel) {
        let w = model.width, h = model.height
        tooSmall = w < Self.minimumWidth || h < Self.minimumHeight
        compact = h < 30
        guard !tooSmall else { return }
        var rest = Rect(x: 0, y: 0, width: w, height: h)
        (header, rest) = rest.splitTop(1)
        (command, rest) = rest.splitTop(1)
        // Three lines hold every bundled note at 120 columns; smaller screens cut it.
        let noteRows = h >= 40 ? 3 : h >= 36 ? 2 : 1
        (note, rest) = rest.splitTop(model.present ? max(noteRows, PresentationMode.noteRows(model, width: w)) : noteRows)
        (rest, status) = rest.splitBottom(1)
        (rest, legend) = rest.splitBottom(model.present ? PresentationMode.legendRows(model, width: w) : h >= 30 ? 2 : 1)
        // The event log takes what a tall screen has beyond the panels' needs.
        (rest, log) = rest.splitBottom(h >= 48 ? h - 38 : h >= 36 ? 10 : h >= 30 ? 8 : 6)
        var (left, right) = rest.splitLeft(max(44, w * 56 / 100))
        if !compact { (left, counters) = left.splitBottom(7) }
        (pages, stripes) = left.splitTop(left.height / 2 + 1)
        // The deepest write path (exofs_writepages … __r4w_get_page) is 9 frames; the
        // sp2d keeps room for its pcol lines, its header and two rows.
        let stackHeight = compact ? right.height / 2 : max(min(11, right.height - 8), right.height * 45 / 100)
        (stack, sp2d) = right.splitTop(stackHeight)
    }

    /// The page cell under a mouse click, if any.
    func page(atX x: Int, y: Int, model: DebuggerModel) -> Int? {
        guard !tooSmall, pages.inset(1).contains(x: x, y: y) else { return nil }
        return PageGridPanel(model: model, rect: pages).page(atX: x, y: y)
    }

    /// The first page of the data unit under a click on the stripe map, if any.
    func unitPage(atX x: Int, y: Int, model: DebuggerModel) -> Int? {
        guard !tooSmall, stripes.inset(1).contains(x: x, y: y) else { return nil }
        return StripeMapPanel(model: model, rect: stripes).page(atX: x, y: y)
    }

    /// The event of the log row under a click, if any.
    func event(atX x: Int, y: Int, model: DebuggerModel) -> Int? {
        guard !tooSmall, log.inset(1).contains(x: x, y: y) else { return nil }
        return model.eventLog.event(model.viewState, in: log, atY: y)
    }
}
