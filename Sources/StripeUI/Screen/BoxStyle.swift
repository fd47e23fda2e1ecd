/// Border glyphs: Unicode box drawing, or ASCII for `--ascii` and non-UTF-8 locales.
public struct BoxStyle: Sendable, Equatable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public static let unicode = BoxStyle(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                         bottomLeft: "└", bottomRight: "┘")
    public static let ascii = BoxStyle(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                       bottomLeft: "+", bottomRight: "+")
}
