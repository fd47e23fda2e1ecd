/// A scenario file's bytes as text and lines, as editors read it: UTF-8, a leading BOM
/// skipped, lines ended by LF, CRLF or CR alike. Bad input is named with file:line:col.
enum ScenarioText {
    /// The lines of `text`, after a leading byte order mark.
    static func lines(of text: Substring) -> [Substring] {
        var cursor = LineCursor(text: String(text))
        var lines: [Substring] = []
        // A decoded text's cursor never throws.
        while let line = try? cursor.next() { lines.append(line) }
        return lines
    }

    /// The lines of a text one at a time, after a leading byte order mark: a stream parse
    /// reads (and decodes) only as far as it needs. Split on UTF-8 bytes: CR and LF never
    /// occur inside a multibyte character, and a line end is a character boundary. The
    /// text after the last line end is a line too (empty when the text ends with one).
    struct LineCursor: Sendable {
        private let bytes: [UInt8]
        /// The file name for errors, when the bytes are a file's not yet decoded: each line
        /// is checked as it is read (a NUL or invalid UTF-8 is an error); nil for a text
        /// already decoded (a NUL is then a control character, as the parser says).
        private let file: String?
        /// Bytes before the next line.
        private(set) var offset = 0
        private var done = false

        /// A text already decoded.
        init(text: String) {
            self.init(bytes: Array(text.utf8), file: nil)
        }

        /// A file's bytes, decoded line by line; `file` names it in errors.
        init(bytes: [UInt8], file: String?) {
            self.bytes = bytes
            self.file = file
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        }

        var totalBytes: Int { bytes.count }

        /// The next line without its end, nil after the last.
        mutating func next() throws(ScenarioError) -> Substring? {
            guard !done else { return nil }
            let end = bytes[offset...].firstIndex { $0 == 0x0A || $0 == 0x0D }
            let slice = bytes[offset..<(end ?? bytes.count)]
            let line: String
            if file == nil {
                line = String(decoding: slice, as: UTF8.self)
            } else if !slice.contains(0), let valid = String(validating: slice, as: UTF8.self) {
                line = valid
            } else {
                // The file's first bad byte is on this line: `decode` names it.
                try checkEncoding()
                line = String(decoding: slice, as: UTF8.self)
            }
            if let end {
                offset = end + 1
                if bytes[end] == 0x0D, offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
            } else {
                offset = bytes.count
                done = true
            }
            return line[...]
        }

        /// Throws `decode`'s error for a file's bytes with a NUL or invalid UTF-8 anywhere:
        /// a whole-file parse decodes first, so such an error comes before any other.
        func checkEncoding() throws(ScenarioError) {
            guard let file else { return }
            _ = try decode(bytes, name: file)
        }
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
        // Fast check on bytes: C0 and DEL are single bytes, C1 starts with 0xC2.
        guard line.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
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
