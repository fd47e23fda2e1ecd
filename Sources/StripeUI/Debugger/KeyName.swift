/// Key names as a config file spells them (ncurses' and Vim's: `Right`, `C-l`, `F1`,
/// `Space`, `PageDown`, a single character as itself) and as the help shows them.
extension Key {
    /// The named keys, canonical spelling first, then the other spellings read.
    private static let names: [(key: Key, names: [String], shown: String)] = [
        (.right, ["Right"], "→"), (.left, ["Left"], "←"), (.up, ["Up"], "↑"), (.down, ["Down"], "↓"),
        (.home, ["Home"], "Home"), (.end, ["End"], "End"),
        (.pageUp, ["PageUp", "PgUp", "PPage"], "PgUp"), (.pageDown, ["PageDown", "PgDn", "NPage"], "PgDn"),
        (.tab, ["Tab"], "Tab"), (.backTab, ["S-Tab", "BTab", "BackTab"], "S-Tab"),
        (.enter, ["Enter", "CR", "Return"], "Enter"), (.escape, ["Esc", "Escape"], "Esc"),
        (.backspace, ["Backspace", "BS"], "BS"), (.character(" "), ["Space"], "Space"),
    ]

    /// A click or the wheel: no key map binds them.
    public var isMouse: Bool {
        switch self {
        case .click, .wheel: true
        default: false
        }
    }

    /// The name a config file uses for this key.
    public var configName: String {
        if let entry = Self.names.first(where: { $0.key == self }) { return entry.names[0] }
        switch self {
        case .character(let c): return String(c)
        case .function(let n): return "F\(n)"
        case .control(let c): return "C-\(c)"
        default: return "?"
        }
    }

    /// How the help and the key bar show this key: arrows as arrows, Ctrl as `^`.
    public var shown: String {
        if let entry = Self.names.first(where: { $0.key == self }) { return entry.shown }
        if case .control(let c) = self { return "^" + String(c).uppercased() }
        return configName
    }

    /// The key a config file names, or nil. Vim's `<C-l>` brackets are optional; named
    /// keys are read in any case, single characters exactly.
    public init?(configName raw: String) {
        var name = Substring(raw)
        if name.count > 2, name.first == "<", name.last == ">" { name = name.dropFirst().dropLast() }
        if name.count == 1, let c = name.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7f }) {
            self = .character(c)
            return
        }
        let lower = name.lowercased()
        if let entry = Self.names.first(where: { $0.names.contains { $0.lowercased() == lower } }) {
            self = entry.key
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        if lower.count == 3, lower.hasPrefix("c-"), let c = lower.last, c.isASCII, c.isLetter {
            self = .control(c)
            return
        }
        return nil
    }
}
