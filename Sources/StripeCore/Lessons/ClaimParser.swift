/// Parses the claims of an `expect` line: `CLAIM[, CLAIM...]`, each a few words, with
/// the column of the word at fault in every error.
enum ClaimParser {
    /// The claims on the rest of the line `words` is reading.
    static func parse(_ words: inout LineLexer) throws(ScenarioError) -> [Claim] {
        var groups: [[Word]] = [[]]
        while let word = words.next() {
            // Split "LUW," and "a,b" at their commas, keeping each piece's column.
            var column = word.column
            let pieces = word.text.split(separator: ",", omittingEmptySubsequences: false)
            for (n, piece) in pieces.enumerated() {
                if n > 0 { groups.append([]) }
                if !piece.isEmpty { groups[groups.count - 1].append(Word(text: String(piece), column: column)) }
                column += piece.count + 1
            }
        }
        guard groups.contains(where: { !$0.isEmpty }) else {
            throw words.error(at: nil, "expected a claim after 'expect', like 'flags 8..9 LUW' or 'dev-pages-written=16'")
        }
        var claims: [Claim] = []
        for group in groups {
            guard let first = group.first else { throw words.error(at: nil, "an empty claim between commas; remove the extra comma") }
            claims.append(try claim(group, first, words))
        }
        return claims
    }

    /// The rules of SPEC 6 a `rule N` claim may name.
    private static let rules = 1...8

    private static let kinds = "flags, stranded, lost, rule, no-violation, kernel_bug, dev-pages-written=N, dev-pages-read=N, r4w-reads=N, in-flight=N, inconsistent stripe=S, misplaced dev=D, choice row=R"

    private static func claim(_ group: [Word], _ first: Word, _ words: LineLexer) throws(ScenarioError) -> Claim {
        var lexer = words
        let text = group.map(\.text).joined(separator: " ")
        func arguments(_ n: Int, _ expected: String) throws(ScenarioError) -> [Word] {
            guard group.count - 1 >= n else {
                throw words.error(at: group.last, "\(first.quoted) needs \(expected)")
            }
            guard group.count - 1 == n else { throw words.error(at: group[n + 1], "unexpected \(group[n + 1].quoted); a claim ends at a comma") }
            return Array(group.dropFirst())
        }
        func ranged(_ word: Word) throws(ScenarioError) -> PageRange? {
            word.text == "none" ? nil : try lexer.pageRange(word)
        }
        let kind: Claim.Kind
        if let eq = first.text.firstIndex(of: "="), let counter = CounterKind(rawValue: String(first.text[..<eq])) {
            _ = try arguments(0, "")
            let n = try number(first, after: eq, words)
            switch counter {
            case .devPagesWritten: kind = .devPagesWritten(n)
            case .devPagesRead: kind = .devPagesRead(n)
            case .r4wReads: kind = .r4wReads(n)
            }
        } else if first.text.hasPrefix("in-flight=") {
            _ = try arguments(0, "")
            let n = try number(first, after: first.text.firstIndex(of: "=")!, words)
            guard n <= UInt64(Int.max) else { throw words.error(at: first, "in-flight count is too large") }
            kind = .inFlight(Int(n))
        } else {
            switch first.text {
            case "flags":
                let args = try arguments(2, "a page range and flag letters, like 'flags 8..9 LUW' ('-' none, '·' absent)")
                kind = .flags(try lexer.pageRange(args[0]), try flags(args[1], words))
            case "stranded", "lost":
                let args = try arguments(1, "a page range like 8..9, or 'none'")
                let range = try ranged(args[0])
                kind = first.text == "stranded" ? .stranded(range) : .lost(range)
            case "rule":
                let args = try arguments(1, "a rule number from 1 to \(rules.upperBound)")
                guard let n = Int(args[0].text), rules.contains(n), args[0].text.allSatisfy(\.isASCIIDigit) else {
                    throw words.error(at: args[0], "expected a rule number from 1 to \(rules.upperBound), found \(args[0].quoted)")
                }
                kind = .rule(n)
            case "no-violation":
                _ = try arguments(0, "")
                kind = .noViolation
            case "kernel_bug":
                let args = try arguments(1, "a kernel function, like 'kernel_bug lock_page'")
                guard let fn = KernelFunction(name: args[0].text) else {
                    throw words.error(at: args[0], "unknown kernel function \(args[0].quoted); expected one of \(KernelFunction.allCases.map(\.name).joined(separator: ", "))")
                }
                kind = .kernelBug(fn)
            case "inconsistent":
                let args = try arguments(1, "'stripe=S'")
                kind = .inconsistent(stripe: try keyed(args[0], "stripe", words))
            case "misplaced":
                let args = try arguments(1, "'dev=D'")
                let dev = try keyed(args[0], "dev", words)
                guard dev < UInt64(Limits.maxDevices) else { throw words.error(at: args[0], "dev=\(dev) is past the \(Limits.maxDevices) devices StripeScope models") }
                kind = .misplaced(dev: Int(dev))
            case "choice":
                let args = try arguments(2, "'row=R' and rmw, rcw or full, like 'choice row=0 rcw'")
                let row = try keyed(args[0], "row", words)
                guard let choice = MdChoice(rawValue: args[1].text) else {
                    throw words.error(at: args[1], "expected rmw, rcw or full, found \(args[1].quoted)")
                }
                guard row <= UInt64(Int32.max) else { throw words.error(at: args[0], "row=\(row) is too large") }
                kind = .choice(row: Int(row), choice)
            default:
                throw words.error(at: first, "unknown claim \(first.quoted); expected one of \(kinds)")
            }
        }
        return Claim(kind, text: text)
    }

    /// The number after `=` in `word`.
    private static func number(_ word: Word, after eq: String.Index, _ words: LineLexer) throws(ScenarioError) -> UInt64 {
        let digits = word.text[word.text.index(after: eq)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let n = UInt64(digits) else {
            throw words.error(at: word, "expected a whole number after '=', found \(word.quoted)")
        }
        return n
    }

    /// `key=N`.
    private static func keyed(_ word: Word, _ key: String, _ words: LineLexer) throws(ScenarioError) -> UInt64 {
        guard word.text.hasPrefix(key + "=") else { throw words.error(at: word, "expected \(key)=N, found \(word.quoted)") }
        return try number(word, after: word.text.firstIndex(of: "=")!, words)
    }

    /// Page-types letters (L U D W E, any order, each once), `-` for none, `·` (or `.`) absent.
    private static func flags(_ word: Word, _ words: LineLexer) throws(ScenarioError) -> PageFlags? {
        if word.text == "·" || word.text == "." { return nil }
        if word.text == "-" { return [] }
        var flags = PageFlags()
        for (n, letter) in word.text.enumerated() {
            guard let named = PageFlags.named.first(where: { $0.letter == letter }) else {
                throw ScenarioError(file: words.file, line: words.lineNumber, column: word.column + n,
                                    message: "unknown flag letter \(String(letter).quotedExcerpt); expected L U D W E, '-' for none or '·' for absent")
            }
            guard !flags.contains(named.flag) else {
                throw ScenarioError(file: words.file, line: words.lineNumber, column: word.column + n, message: "flag \(letter) is given twice")
            }
            flags.insert(named.flag)
        }
        return flags
    }
}
