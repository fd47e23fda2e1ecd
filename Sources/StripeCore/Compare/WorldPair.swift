/// The two scenarios a comparison runs: world A, and world B made from it (A with
/// `--compare` commands spliced in) or loaded from another file (`--compare-with`).
public struct WorldPair: Sendable {
    public var a: Scenario
    public var b: Scenario
    /// Indexes into `a.lines` / `b.lines` of the commands that align with nothing in the
    /// other world: B's spliced `--compare` commands; between two files, their `title`
    /// and `note` lines (they change nothing, and two files need not agree on them).
    /// Every other command aligns with the one at the same place in the other world.
    public var onlyInA: Set<Int>
    public var onlyInB: Set<Int>
    /// The `--compare` commands B was made with; nil when B is another file.
    public var commands: String?

    /// How B was made: `--compare 'set r4w=off'` or `--compare-with other.scn`.
    public var label: String { commands.map { "--compare \($0.quotedExcerpt)" } ?? "--compare-with \(b.name)" }

    /// World B for people: `partial-stripe.scn with --compare 'set r4w=off'`, or the other file.
    public var bDescription: String { commands == nil ? b.name : "\(a.name) with \(label)" }

    /// Two independent scenarios (`--compare-with`), aligned as `diff` would: the longest
    /// common run of identical commands pairs up, titles and notes aside; the commands
    /// one file has and the other has not (or has changed) stand alone.
    public init(a: Scenario, b: Scenario) {
        self.a = a
        self.b = b
        (onlyInA, onlyInB) = Self.unmatched(a.lines, b.lines)
    }

    /// The lines of each side outside a longest common subsequence of the commands
    /// (titles and notes never match). Past `limit` lines a side, whose table would be
    /// too big, the k-th command pairs with the k-th instead.
    static func unmatched(_ a: [ScenarioLine], _ b: [ScenarioLine], limit: Int = 4000) -> (Set<Int>, Set<Int>) {
        func remark(_ line: ScenarioLine) -> Bool {
            switch line.command {
            case .title, .note: true
            default: false
            }
        }
        let ia = a.indices.filter { !remark(a[$0]) }, ib = b.indices.filter { !remark(b[$0]) }
        var onlyA = Set(a.indices).subtracting(ia), onlyB = Set(b.indices).subtracting(ib)
        guard ia.count <= limit, ib.count <= limit else {
            onlyA.formUnion(ia.dropFirst(ib.count))
            onlyB.formUnion(ib.dropFirst(ia.count))
            return (onlyA, onlyB)
        }
        // common[i][j]: length of the longest common subsequence of ia[i...] and ib[j...].
        var common = [[Int]](repeating: [Int](repeating: 0, count: ib.count + 1), count: ia.count + 1)
        for i in ia.indices.reversed() {
            for j in ib.indices.reversed() {
                common[i][j] = a[ia[i]].command == b[ib[j]].command ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var i = 0, j = 0
        while i < ia.count, j < ib.count {
            if a[ia[i]].command == b[ib[j]].command {
                i += 1
                j += 1
            } else if common[i + 1][j] >= common[i][j + 1] {
                onlyA.insert(ia[i])
                i += 1
            } else {
                onlyB.insert(ib[j])
                j += 1
            }
        }
        onlyA.formUnion(ia[i...])
        onlyB.formUnion(ib[j...])
        return (onlyA, onlyB)
    }

    /// World B is `a` with `commands` (`;`-separated scenario commands) applied right
    /// after its `profile` / `layout` lines, parsed as a scenario so that every rule of
    /// SPEC 4 holds in B too. Errors name the `--compare` text and the column in it.
    public init(a: Scenario, commands: String) throws(ScenarioLoadError) {
        let label = "--compare \(commands.quotedExcerpt)"
        if let bad = commands.unicodeScalars.first(where: { $0 == "\n" || $0 == "\r" }) {
            throw ScenarioLoadError(description: "--compare: the commands contain a line break (\(bad == "\n" ? "LF" : "CR")); separate them with ';'")
        }
        // Each piece keeps its leading spaces, so a column in it plus its start is a column of COMMANDS.
        var pieces: [(text: String, start: Int)] = []
        var start = 0
        for piece in commands.split(separator: ";", omittingEmptySubsequences: false) {
            pieces.append((String(piece), start))
            start += piece.count + 1
        }
        let writePath = pieces.first?.text.drop { $0 == " " }.hasPrefix("write-path") ?? false
        let at = Self.insertionPoint(in: a, writePath: writePath)
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
        onlyInA = []
        onlyInB = inserted
        self.commands = commands
    }

    /// Where the `--compare` commands go: after the last `profile` / `layout` /
    /// `write-path` line (a later `write-path` replaces an earlier one) that comes
    /// before any command other than `title` and `note` (and `set`, when the commands
    /// start with `write-path`, which must follow the layout); at the top without one.
    static func insertionPoint(in scenario: Scenario, writePath: Bool = false) -> Int {
        var at = 0
        for (index, line) in scenario.lines.enumerated() {
            switch line.command {
            case .profile, .layout, .writePath: at = index + 1
            case .set where writePath: continue
            case .title, .note: continue
            default: return at
            }
        }
        return at
    }
}
