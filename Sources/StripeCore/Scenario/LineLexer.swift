/// A word of a scenario line and its 1-based column.
struct Word: Equatable {
    var text: String
    var column: Int
}

/// Splits one scenario line into words, stopping at `#`, and builds errors that
/// point at a word's column.
struct LineLexer {
    private let chars: [Character]
    private var position = 0
    let lineNumber: Int
    let file: String

    init(line: Substring, lineNumber: Int, file: String) {
        var chars = Array(line)
        if let hash = chars.firstIndex(of: "#") { chars.removeSubrange(hash...) }
        self.chars = chars
        self.lineNumber = lineNumber
        self.file = file
    }

    /// The next word, nil at the end of the line.
    mutating func next() throws(ScenarioError) -> Word? {
        while position < chars.count, chars[position].isWhitespace { position += 1 }
        guard position < chars.count else { return nil }
        let start = position
        while position < chars.count, !chars[position].isWhitespace { position += 1 }
        let text = String(chars[start..<position])
        if let bad = text.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            throw ScenarioError(file: file, line: lineNumber, column: start + 1,
                                message: "unexpected control character U+\(String(bad.value, radix: 16, uppercase: true)); scenarios are plain text")
        }
        return Word(text: text, column: start + 1)
    }

    /// The rest of the line as text (for `title` and `note`).
    mutating func rest() -> String {
        let text = String(chars[position...]).trimmed
        position = chars.count
        return text
    }

    /// A required word; `expected` says what should be there.
    mutating func required(_ expected: String) throws(ScenarioError) -> Word {
        guard let word = try next() else { throw error(at: nil, "expected \(expected) at the end of the line") }
        return word
    }

    /// Fails unless the line has no more words.
    mutating func end() throws(ScenarioError) {
        if let extra = try next() { throw error(at: extra, "unexpected '\(extra.text)'; expected the end of the line") }
    }

    /// An error at `word`'s column (or just past the end of the line).
    func error(at word: Word?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: lineNumber, column: word?.column ?? chars.count + 1, message: message)
    }

    /// `N` or `A..B`, within the page indices the model allows.
    mutating func pageRange(_ given: Word? = nil) throws(ScenarioError) -> PageRange {
        let word: Word
        if let given { word = given } else { word = try required("a page range like 5 or 5..9") }
        let parts = word.text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        let expected = "expected a page range like 5 or 5..9, found '\(word.text)'"
        func index(_ s: Substring) throws(ScenarioError) -> Int {
            guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw error(at: word, expected) }
            guard let n = Int(s), n <= Limits.maxPageIndex else {
                throw error(at: word, "page index \(s) is past the largest file StripeScope models (16G, pages 0..\(Limits.maxPageIndex))")
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

    /// `key=value` words until the end of the line, each key at most once and allowed.
    mutating func keyValues(allowed: [String]) throws(ScenarioError) -> KeyValues {
        var values = KeyValues(lexer: self)
        while let word = try next() {
            guard let eq = word.text.firstIndex(of: "="), eq != word.text.startIndex else {
                throw error(at: word, "expected KEY=VALUE (\(allowed.joined(separator: ", "))), found '\(word.text)'")
            }
            let key = String(word.text[..<eq])
            guard allowed.contains(key) else {
                throw error(at: word, "unknown key '\(key)'; expected \(allowed.joined(separator: ", "))")
            }
            guard values.pairs[key] == nil else { throw error(at: word, "'\(key)' is given twice") }
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
            throw lexer.error(at: value, "expected a size like 4096, 16K, 1M or 2G for \(key), found '\(value.text)'")
        }
        guard bytes <= Limits.maxFileSize else {
            throw lexer.error(at: value, "\(key)=\(value.text) is larger than StripeScope models (at most 16G)")
        }
        guard allowZero || bytes > 0 else { throw lexer.error(at: value, "\(key) must be greater than 0") }
        return bytes
    }

    /// A page range like `3..9`; nil when absent.
    mutating func pageRange(_ key: String) throws(ScenarioError) -> PageRange? {
        guard let (_, value) = pairs[key] else { return nil }
        return try lexer.pageRange(value)
    }

    /// A whole number within `range`; nil when absent and not required.
    mutating func integer(_ key: String, required: Bool, range: ClosedRange<Int>) throws(ScenarioError) -> Int? {
        guard let (_, value) = pairs[key] else {
            if required { throw lexer.error(at: nil, "expected \(key)=N") }
            return nil
        }
        guard value.text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(value.text) else {
            throw lexer.error(at: value, "expected a whole number for \(key), found '\(value.text)'")
        }
        guard range.contains(n) else {
            throw lexer.error(at: value, "\(key)=\(n) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
