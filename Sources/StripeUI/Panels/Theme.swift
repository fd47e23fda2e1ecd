import StripeCore

/// Colours and glyphs. Letters always carry the meaning; colour only reinforces it,
/// so the screen reads on a monochrome terminal, a projector, or to a colour-blind eye.
public struct Theme: Sendable {
    /// The palettes `--theme` and the config file name.
    public enum Palette: String, CaseIterable, Sendable {
        case `default`
        /// No red/green pair: red is drawn magenta and green blue (the glyphs carry every
        /// state anyway).
        case colorblind
        /// No colour at all: bold, dim and reverse only (also `NO_COLOR` and terminals
        /// without colours).
        case mono
    }

    public var box: BoxStyle
    public var monochrome: Bool
    public let palette: Palette

    public init(ascii: Bool, monochrome: Bool, palette: Palette = .default) {
        box = ascii ? .ascii : .unicode
        self.monochrome = monochrome || palette == .mono
        self.palette = monochrome ? .mono : palette
        self.ascii = ascii
    }

    public let ascii: Bool

    /// A style, with colours dropped on monochrome terminals.
    func style(_ color: Color, _ attributes: Attributes = []) -> Style {
        monochrome ? Style(.default, attributes) : Style(paint(color), attributes)
    }

    /// A style on a coloured background: reverse video where there is no colour.
    func style(_ color: Color, on background: Color, _ attributes: Attributes) -> Style {
        monochrome ? Style(.default, attributes.union(.reverse)) : Style(paint(color), on: paint(background), attributes)
    }

    /// The colour the palette draws for `color`.
    func paint(_ color: Color) -> Color {
        guard palette == .colorblind else { return color }
        switch color {
        case .red: return .magenta
        case .green: return .blue
        default: return color
        }
    }

    /// The one letter a page cell shows: the flag that matters most now.
    static func letter(_ page: Page) -> Character {
        guard page.present else { return "·" }
        let f = page.flags
        if f.contains(.error) { return "E" }
        if f.contains(.writeback) { return "W" }
        if f.contains(.dirty) { return "D" }
        if f.contains(.locked) { return "L" }
        if f.contains(.uptodate) { return "U" }
        return "-"
    }

    /// A page cell's letters: the main flag, after `L` when the page is also locked
    /// (`LW`: under writeback and locked, as rule 5 wants; a lone `W` breaks it).
    static func letters(_ page: Page) -> String {
        let main = letter(page)
        return page.present && main != "L" && page.flags.contains(.locked) ? "L" + String(main) : String(main)
    }

    func pageStyle(_ page: Page) -> Style {
        switch Self.letter(page) {
        case "E": return style(.white, on: .red, [.bold])
        case "W": return style(.yellow, [.bold])
        case "D": return style(.red, [.bold])
        case "L": return style(.magenta, [.bold])
        case "U": return style(.green)
        case "·": return Style(.default, [.dim])
        default: return style(.cyan)
        }
    }

    var readGlyph: Character { ascii ? "v" : "↓" }
    /// The stripe map's mark of completed I/O (`+` would read as the pcol marker).
    var doneGlyph: Character { ascii ? "=" : "✓" }
    /// A page lost on disk (SPEC 9.1: `✗`, `x` with `--ascii`).
    var lostGlyph: Character { ascii ? "x" : "✗" }
    var arrow: String { ascii ? ">" : "›" }

    /// The header's violation badge.
    var badge: Style { monochrome ? Style(.default, [.bold]) : style(.white, on: .red, [.bold]) }
    var header: Style { style(.white, on: .blue, [.bold]) }
    var note: Style { style(.cyan, [.bold]) }
    var error: Style { monochrome ? Style(.default, [.reverse, .bold]) : style(.red, [.bold]) }
    var current: Style { Style(.default, [.reverse]) }
    var written: Style { style(.red, [.bold]) }
    var read: Style { style(.cyan, [.bold]) }
    var parity: Style { style(.magenta, [.bold]) }
    var label: Style { Style(.default, [.dim]) }
    /// Stripe map: I/O planned but not issued yet, and I/O completed.
    var planned: Style { Style(.default, [.dim]) }
    var done: Style { style(.green) }
}
