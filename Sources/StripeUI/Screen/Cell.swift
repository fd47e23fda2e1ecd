/// One character cell of a screen.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public var foreground: Color { style.foreground }
    public var background: Color { style.background }
    public var attributes: Attributes { style.attributes }
}
