/// A screen as text with ANSI SGR escapes, for a terminal, a pager (`less -R`) or an
/// asciicast: colours and attributes kept, each line reset at its end.
public enum ANSIFrame {
    static let escape = "\u{1b}["

    /// The SGR sequence that selects `style` from a reset state.
    public static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if style.foreground != .default { codes.append(String(29 + Int(style.foreground.rawValue))) }
        if style.background != .default { codes.append(String(39 + Int(style.background.rawValue))) }
        return escape + codes.joined(separator: ";") + "m"
    }

    /// Each row with its escapes; trailing unstyled spaces are dropped.
    public static func lines(_ screen: Screen) -> [String] {
        (0..<screen.height).map { y in
            var end = screen.width
            while end > 0, screen[end - 1, y].character == " ", screen[end - 1, y].style == .plain { end -= 1 }
            var line = ""
            var current = Style.plain
            for x in 0..<end {
                let cell = screen[x, y]
                if cell.style != current {
                    line += sgr(cell.style)
                    current = cell.style
                }
                if cell.character != Cell.wideTail { line.append(cell.character) }
            }
            return current == .plain ? line : line + escape + "0m"
        }
    }

    /// The whole frame, rows separated by `separator` ("\r\n" for a raw terminal).
    public static func render(_ screen: Screen, separator: String = "\n") -> String {
        lines(screen).joined(separator: separator)
    }
}
