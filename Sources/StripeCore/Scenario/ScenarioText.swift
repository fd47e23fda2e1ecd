/// A scenario file's bytes as text and lines, as editors read it: UTF-8, a leading BOM
/// skipped, lines ended by LF, CRLF or CR alike. Bad input is named with file:line:col.
enum ScenarioText {
    /// The lines of `text`, after a leading byte order mark.
    static func lines(of text: Substring) -> [Substring] {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text = text[text.unicodeScalars.index(after: text.startIndex)...] }
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            let scalar = scalars[i]
            guard scalar == "\n" || scalar == "\r" else {
                i = scalars.index(after: i)
                continue
            }
            lines.append(text[start..<i])
            i = scalars.index(after: i)
            if scalar == "\r", i < scalars.endIndex, scalars[i] == "\n" { i = scalars.index(after: i) }
            start = i
        }
        lines.append(text[start...])
        return lines
    }

    /// `bytes` as text; a NUL byte or invalid UTF-8 is an error at its line and column.
    static func decode(_ bytes: [UInt8], name: String) throws(ScenarioError) -> String {
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded) where encoded.count == 1 && encoded.first == 0:
                throw error(bytes, at: offset, name: name,
                            "NUL byte; this is a binary file, not a scenario (expected text commands, one per line)")
            case .valid(let encoded):
                offset += encoded.count
            case .error:
                throw error(bytes, at: offset, name: name,
                            "invalid UTF-8 (byte 0x\(hex(UInt32(bytes[offset]), digits: 2))); a scenario is UTF-8 text")
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// An error at byte `offset`, whose prefix is valid UTF-8: its line and column as the parser counts them.
    private static func error(_ bytes: [UInt8], at offset: Int, name: String, _ message: String) -> ScenarioError {
        let lines = lines(of: Substring(String(decoding: bytes[..<offset], as: UTF8.self)))
        return ScenarioError(file: name, line: lines.count, column: lines[lines.count - 1].count + 1, message: message)
    }

    /// The first control character of `line` — C0 but TAB, DEL or C1, which a terminal would
    /// act on — as its 1-based column and a name like "U+001B (ESC)"; nil when there is none.
    static func firstControlCharacter(in line: Substring) -> (column: Int, name: String)? {
        guard line.unicodeScalars.contains(where: isControl) else { return nil }
        for (i, character) in line.enumerated() {
            guard let scalar = character.unicodeScalars.first(where: isControl) else { continue }
            let v = scalar.value
            let name = v < 0x20 ? c0Names[Int(v)] : v == 0x7F ? "DEL" : c1Names[Int(v - 0x80)]
            return (i + 1, "U+\(hex(v, digits: 4)) (\(name))")
        }
        return nil
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v)
    }

    private static let c0Names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
                                  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
    private static let c1Names = ["PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
                                  "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST", "OSC", "PM", "APC"]

    /// `value` in upper-case hex, zero-padded to `digits`.
    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
