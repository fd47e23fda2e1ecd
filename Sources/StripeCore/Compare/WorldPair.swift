/// The two scenarios a comparison runs: world A, and world B made from it (A with
/// `--compare` commands spliced in) or loaded from another file (`--compare-with`).
public struct WorldPair: Sendable {
    public var a: Scenario
    public var b: Scenario
    /// Indexes into `b.lines` of the commands B has and A has not (the spliced
    /// `--compare` commands); every other line of B aligns with a line of A.
    public var inserted: Set<Int>
    /// How B differs from A, for headers: `--compare 'set r4w=off'` or the other file.
    public var label: String

    /// Two independent scenarios (`--compare-with`): the k-th command of A aligns with
    /// the k-th of B.
    public init(a: Scenario, b: Scenario, label: String) {
        self.a = a
        self.b = b
        self.inserted = []
        self.label = label
    }

    /// World B is `a` with `commands` (`;`-separated scenario commands) applied right
    /// after its `profile` / `layout` lines, parsed as a scenario so that every rule of
    /// SPEC 4 holds in B too. Errors name the `--compare` text and the column in it.
    public init(a: Scenario, commands: String) throws(ScenarioLoadError) {
        let label = "--compare \(commands.quotedExcerpt)"
        if let bad = commands.unicodeScalars.first(where: { $0 == "\n" || $0 == "\r" }) {
            throw ScenarioLoadError(description: "\(label): contains a line break (\(bad == "\n" ? "LF" : "CR")); separate commands with ';'")
        }
        // Each piece keeps its leading spaces, so a column in it plus its start is a column of COMMANDS.
        var pieces: [(text: String, start: Int)] = []
        var start = 0
        for piece in commands.split(separator: ";", omittingEmptySubsequences: false) {
            pieces.append((String(piece), start))
            start += piece.count + 1
        }
        let at = Self.insertionPoint(in: a)
        // A's lines at their own line numbers (blank lines between), COMMANDS after line `at`.
        let before = at == 0 ? 0 : a.lines[at - 1].line
        var text: [String] = []
        var origin: [Int?] = [nil]  // spliced line number → A's line number; nil for a piece
        var pieceOf: [Int: Int] = [:]  // spliced line number → piece index
        func append(_ line: String, from aLine: Int?) {
            text.append(line)
            origin.append(aLine)
        }
        var next = 1
        for line in a.lines where line.line <= before {
            while next < line.line { append("", from: next); next += 1 }
            append(line.text, from: line.line)
            next += 1
        }
        for (n, piece) in pieces.enumerated() {
            pieceOf[text.count + 1] = n
            append(piece.text, from: nil)
        }
        for line in a.lines where line.line > before {
            while next < line.line { append("", from: next); next += 1 }
            append(line.text, from: line.line)
            next += 1
        }
        var b: Scenario
        do {
            b = try ScenarioParser.parse(text.joined(separator: "\n"), name: a.name)
        } catch {
            if let n = pieceOf[error.line] {
                throw ScenarioLoadError(description: "\(label): column \(pieces[n].start + error.column): \(error.message)")
            }
            let line = origin[error.line] ?? error.line
            throw ScenarioLoadError(description: "\(a.name):\(line):\(error.column): in world B (\(label)): \(error.message)")
        }
        var inserted: Set<Int> = []
        for index in b.lines.indices {
            if let aLine = origin[b.lines[index].line] {
                b.lines[index].line = aLine
            } else {
                // A spliced command shows the line it follows: B's lines keep A's numbers.
                b.lines[index].line = before
                inserted.insert(index)
            }
        }
        b.warnings = []
        self.a = a
        self.b = b
        self.inserted = inserted
        self.label = label
    }

    /// Where the `--compare` commands go: after the last `profile` / `layout` line that
    /// comes before any command other than `title` and `note`; at the top without one.
    static func insertionPoint(in scenario: Scenario) -> Int {
        var at = 0
        for (index, line) in scenario.lines.enumerated() {
            switch line.command {
            case .profile, .layout: at = index + 1
            case .title, .note: continue
            default: return at
            }
        }
        return at
    }
}
