/// A word of a scenario line and its 1-based column.
struct Word: Equatable {
    var text: String
    var column: Int

    /// The word as messages quote it: a short excerpt in quotes.
    var quoted: String { text.quotedExcerpt }
}

/// Splits one scenario line into words, stopping at `#`, and builds errors that
/// point at a word's column. The parser has already rejected control characters.
struct LineLexer {
    /// The line before any `#`: its bytes when they are all ASCII (a byte is then a
    /// character and a column, and words are cut without grapheme breaking: nearly every
    /// line of a scenario), else its characters.
    private let ascii: [UInt8]?
    private let chars: [Character]
    /// Columns before the `#` comment (the whole line without one).
    let commandColumns: Int
    private var position = 0
    let lineNumber: Int
    let file: String

    init(line: Substring, lineNumber: Int, file: String) {
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(line.utf8)
            if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) { bytes.removeSubrange(hash...) }
            ascii = bytes
            chars = []
            commandColumns = bytes.count
        } else {
            var chars = Array(line)
            if let hash = chars.firstIndex(of: "#") { chars.removeSubrange(hash...) }
            ascii = nil
            self.chars = chars
            commandColumns = chars.count
        }
        self.lineNumber = lineNumber
        self.file = file
    }

    /// Whether the character at index `at` (column `at + 1`) is white space.
    private func isSpace(_ at: Int) -> Bool {
        guard let ascii else { return chars[at].isScenarioSpace }
        return ascii[at] == 0x20 || (0x09...0x0D).contains(ascii[at])
    }

    /// The text of columns `range` (counted from 0).
    private func text(_ range: Range<Int>) -> String {
        guard let ascii else { return String(chars[range]) }
        return String(decoding: ascii[range], as: UTF8.self)
    }

    /// The next word, nil at the end of the line.
    mutating func next() -> Word? {
        while position < commandColumns, isSpace(position) { position += 1 }
        guard position < commandColumns else { return nil }
        let start = position
        while position < commandColumns, !isSpace(position) { position += 1 }
        return Word(text: text(start..<position), column: start + 1)
    }

    /// The rest of the line as text (for `title` and `note`).
    mutating func rest() -> String {
        let rest = text(position..<commandColumns).trimmed
        position = commandColumns
        return rest
    }

    /// A required word; `expected` says what should be there.
    mutating func required(_ expected: String) throws(ScenarioError) -> Word {
        guard let word = next() else { throw error(at: nil, "expected \(expected) at the end of the line") }
        return word
    }

    /// Fails unless the line has no more words.
    mutating func end() throws(ScenarioError) {
        if let extra = next() { throw error(at: extra, "unexpected \(extra.quoted); expected the end of the line") }
    }

    /// An error at `word`'s column (or just past the end of the line).
    func error(at word: Word?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: lineNumber, column: word?.column ?? commandColumns + 1, message: message)
    }

    /// `N` or `A..B`, within the page indices the model allows.
    mutating func pageRange(_ given: Word? = nil) throws(ScenarioError) -> PageRange {
        let word: Word
        if let given { word = given } else { word = try required("a page range like 5 or 5..9") }
        let parts = word.text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        // Built only for an error: quoting escapes the word, a cost on every line otherwise.
        var expected: String { "expected a page range like 5 or 5..9, found \(word.quoted)" }
        func index(_ s: Substring) throws(ScenarioError) -> Int {
            guard !s.isEmpty, s.allSatisfy(\.isASCIIDigit) else { throw error(at: word, expected) }
            guard let n = Int(s), n <= Limits.maxPageIndex else {
                throw error(at: word, "page index \(s.excerpt) is past the largest file StripeScope models (16G, pages 0..\(Limits.maxPageIndex))")
            }
            return n
        }
        if parts.count == 1 {
            let n = try index(parts[0])
            return n...n
        }
        guard parts.count == 3, parts[1].isEmpty else { throw error(at: word, expected) }
        let a = try index(parts[0]), b = try index(parts[2])
        guard a <= b else { throw error(at: word, "page range \(a)..\(b) runs backwards; write the lower index first (\(b)..\(a))") }
        return a...b
    }

    /// A positive whole number at most `max`; `expected` says what should be there, `name`
    /// starts the "too large" message (like "nr=").
    func positiveCount(_ word: Word, max: Int, expected: String, name: String) throws(ScenarioError) -> Int {
        guard !word.text.isEmpty, word.text.allSatisfy(\.isASCIIDigit), word.text.contains(where: { $0 != "0" }) else {
            throw error(at: word, "\(expected), found \(word.quoted)")
        }
        guard let n = Int(word.text), n <= max else { throw error(at: word, "\(name)\(word.text.excerpt) is too large; at most \(max)") }
        return n
    }

    /// `key=value` words until the end of the line, each key at most once and allowed.
    mutating func keyValues(allowed: [String]) throws(ScenarioError) -> KeyValues {
        var values = KeyValues(lexer: self)
        while let word = next() {
            guard let eq = word.text.firstIndex(of: "="), eq != word.text.startIndex else {
                throw error(at: word, "expected KEY=VALUE (\(allowed.joined(separator: ", "))), found \(word.quoted)")
            }
            let key = String(word.text[..<eq])
            guard allowed.contains(key) else {
                throw error(at: word, "unknown key \(key.quotedExcerpt); expected \(allowed.joined(separator: ", "))")
            }
            guard values.pairs[key] == nil else { throw error(at: word, "\(key.quotedExcerpt) is given twice") }
            values.pairs[key] = (word, Word(text: String(word.text[word.text.index(after: eq)...]), column: word.column + key.count + 1))
        }
        values.lexer = self
        return values
    }
}

/// The `key=value` words of one line, read and checked one key at a time.
struct KeyValues {
    var lexer: LineLexer
    var pairs: [String: (key: Word, value: Word)] = [:]

    init(lexer: LineLexer) { self.lexer = lexer }

    func word(for key: String) -> Word? { pairs[key]?.key }

    /// A size like `16K`; nil when absent and not required.
    mutating func size(_ key: String, required: Bool, allowZero: Bool = false) throws(ScenarioError) -> UInt64? {
        guard let (_, value) = pairs[key] else {
            if required { throw lexer.error(at: nil, "expected \(key)=SIZE (like \(key)=16K)") }
            return nil
        }
        guard let bytes = SizeFormat.parse(Substring(value.text)) else {
            throw lexer.error(at: value, "expected a size like 4096, 16K, 1M or 2G for \(key), found \(value.quoted)")
        }
        guard bytes <= Limits.maxFileSize else {
            throw lexer.error(at: value, "\(key)=\(value.text.excerpt) is larger than StripeScope models (at most 16G)")
        }
        guard allowZero || bytes > 0 else { throw lexer.error(at: value, "\(key) must be greater than 0") }
        return bytes
    }

    /// A whole number within `range`; nil when absent and not required.
    mutating func integer(_ key: String, required: Bool, range: ClosedRange<Int>) throws(ScenarioError) -> Int? {
        try number(key, required: required, range: UInt64(range.lowerBound)...UInt64(range.upperBound)).map { Int($0) }
    }

    /// A whole number within `range` (unsigned, for 64-bit values); nil when absent and not required.
    mutating func number(_ key: String, required: Bool, range: ClosedRange<UInt64>) throws(ScenarioError) -> UInt64? {
        guard let (_, value) = pairs[key] else {
            if required { throw lexer.error(at: nil, "expected \(key)=N") }
            return nil
        }
        guard !value.text.isEmpty, value.text.allSatisfy(\.isASCIIDigit) else {
            throw lexer.error(at: value, "expected a whole number for \(key), found \(value.quoted)")
        }
        guard let n = UInt64(value.text), n <= range.upperBound else {
            throw lexer.error(at: value, "\(key)=\(value.text.excerpt) is too large; at most \(range.upperBound)")
        }
        guard n >= range.lowerBound else {
            throw lexer.error(at: value, "\(key)=\(n) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// A page range like `5` or `5..9`; nil when absent.
    func pageRange(_ key: String) throws(ScenarioError) -> PageRange? {
        guard let (_, value) = pairs[key] else { return nil }
        var lexer = lexer
        return try lexer.pageRange(value)
    }
}
