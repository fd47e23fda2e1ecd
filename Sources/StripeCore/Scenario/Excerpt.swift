/// Messages quote what the user wrote, but never more than a short excerpt, and never a
/// control character raw: a 1 MB token must not come back whole on the terminal, and a
/// file named `\e[31m` must not colour it.
extension StringProtocol {
    /// At most 40 characters, counted as Unicode scalars so that combining marks count
    /// too (100,000 of them on one letter are one `Character`), and at most 160 bytes,
    /// ending in `…` when cut; control characters escaped (`terminalSafe`).
    public var excerpt: String { TerminalSafe.escape(Array(utf8), scalars: 40, bytes: 160) }

    /// The excerpt in single quotes, as messages quote a word.
    public var quotedExcerpt: String { "'\(excerpt)'" }

    /// The whole text with every control character shown, not sent: ESC as `\e`, a C1
    /// character as `\x9b`, any other C0 one and DEL in caret notation (`^M`, `^?`).
    public var terminalSafe: String { TerminalSafe.escape(Array(utf8)) }

    /// A name from outside (a file name) for a message: escaped, and cut past 200 scalars
    /// or 400 bytes.
    public var shownName: String { TerminalSafe.escape(Array(utf8), scalars: 200, bytes: 400) }
}

/// The one escaper for text that reaches a terminal from outside.
public enum TerminalSafe {
    /// `bytes` as text a terminal shows and never obeys: control characters escaped,
    /// bytes that are not UTF-8 (a file name may hold any) as `\xff`; cut with `…` past
    /// `scalars` scalars or `bytes` output bytes.
    public static func escape(_ input: [UInt8], scalars: Int = .max, bytes limit: Int = .max) -> String {
        var out = ""
        var count = 0
        // The text up to where a cut would go (room left for the `…`), once known.
        var cut: String?
        var n = 0
        while n < input.count {
            let (scalar, length) = decode(input, at: n)
            let piece = scalar.map(shown) ?? "\\x" + hex(input[n])
            n += length
            if cut == nil, count + 1 > scalars - 1 || out.utf8.count + piece.utf8.count > limit - 3 { cut = out }
            count += 1
            out += piece
            if count > scalars || out.utf8.count > limit { return cut! + "…" }
        }
        return out
    }

    /// How one scalar is shown.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1b: return "\\e"
        case 0x00..<0x20: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7f: return "^?"
        case 0x80..<0xa0: return "\\x" + hex(UInt8(scalar.value))
        default: return String(scalar)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }

    /// The scalar at `n` and its length in bytes; nil (length 1) for a byte that does
    /// not start valid UTF-8.
    private static func decode(_ input: [UInt8], at n: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let lead = input[n]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0, n + length <= input.count else { return (nil, 1) }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xff >> (length + 1))
        for k in 1..<max(1, length) {
            let b = input[n + k]
            guard b >> 6 == 0b10 else { return (nil, 1) }
            value = value << 6 | UInt32(b & 0x3f)
        }
        // Overlong forms and surrogates are not UTF-8.
        let minimum: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }
}
