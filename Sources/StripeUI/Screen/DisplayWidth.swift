/// Terminal columns a character takes: East Asian wide and fullwidth characters (CJK,
/// Hangul, fullwidth forms, most emoji) take two, as `wcwidth` says; the rest one.
extension Character {
    public var columns: Int {
        guard let scalar = unicodeScalars.first?.value else { return 1 }
        switch scalar {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

extension String {
    /// Terminal columns the text takes.
    public var columns: Int { reduce(0) { $0 + $1.columns } }
}
