/// One character cell of a screen.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    /// The cell right of a wide character, which the character covers: drawn as nothing
    /// (the terminal fills it), left out of the text.
    public static let wideTail: Character = "\u{0}"

    public var foreground: Color { style.foreground }
    public var background: Color { style.background }
    public var attributes: Attributes { style.attributes }
}
