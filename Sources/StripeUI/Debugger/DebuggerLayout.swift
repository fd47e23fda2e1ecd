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
        (note, rest) = rest.splitTop(h >= 40 ? 3 : h >= 36 ? 2 : 1)
        (rest, status) = rest.splitBottom(1)
        (rest, legend) = rest.splitBottom(h >= 30 ? 2 : 1)
        (rest, log) = rest.splitBottom(h >= 36 ? 10 : h >= 30 ? 8 : 6)
        let (left, right) = rest.splitLeft(max(44, w * 56 / 100))
        (pages, stripes) = left.splitTop(left.height / 2 + 1)
        let stackHeight = compact ? right.height * 4 / 10 : min(9, right.height * 4 / 10)
        let countersHeight = compact ? 0 : min(7, right.height * 3 / 10)
        (stack, rest) = right.splitTop(stackHeight)
        (sp2d, counters) = rest.splitTop(rest.height - countersHeight)
    }

    /// The page cell under a mouse click, if any.
    func page(atX x: Int, y: Int, model: DebuggerModel) -> Int? {
        guard !tooSmall, pages.inset(1).contains(x: x, y: y) else { return nil }
        return PageGridPanel(model: model, rect: pages).page(atX: x, y: y)
    }
}
