import Foundation
import StripeAssets
import Testing
@testable import StripeCore

/// A scenario read as a stream (the TUI's: `ScenarioLoader.open`, then a line at a time
/// as the engine reaches it) gives exactly the lines, warnings and first error of the
/// whole-file parse (`ScenarioParser.parse`, the headless commands'), and the engine
/// builds the same timeline from it.
struct ScenarioStreamTests {
    /// The bundled scenarios and the reference and regression ones under Tests/.
    static let files: [(name: String, text: String)] = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var files = BundledScenarios.all.map { ("\($0.name).scn", $0.text) }
        for folder in ["Reference", "Regression"] {
            let dir = here.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".scn") {
                files.append((name, try! String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)))
            }
        }
        return files
    }()

    /// The whole parse: its lines and warnings, or its error.
    static func whole(_ text: String, name: String) -> Result<Scenario, ScenarioError> {
        Result { () throws(ScenarioError) in try ScenarioParser.parse(text, name: name) }
    }

    /// `text` streamed as the TUI reads it: through its layout, then a line at a time in
    /// steps of `steps` lines (cycled), through a copy at every step (the stream is a value).
    static func streamed(_ text: String, name: String, steps: [Int]) -> Scenario {
        streamed(Scenario(streaming: text, name: name), steps: steps)
    }

    static func streamed(_ opened: Scenario, steps: [Int]) -> Scenario {
        var scenario = opened
        try? scenario.parseOpening(bytes: 0)
        var step = 0
        while scenario.parseError == nil, !scenario.isWhole {
            var copy = scenario
            for _ in 0..<steps[step % steps.count] { copy.parseLine() }
            // Lines already parsed stay as they were.
            #expect(Array(copy.lines.prefix(scenario.lines.count)) == scenario.lines)
            scenario = copy
            step += 1
        }
        return scenario
    }

    /// The stream ends with the whole parse's lines and warnings, or with its error
    /// after exactly the lines before the bad one.
    static func expectSame(_ text: String, name: String, steps: [Int] = [1], sourceLocation: SourceLocation = #_sourceLocation) {
        let stream = streamed(text, name: name, steps: steps)
        switch whole(text, name: name) {
        case .success(let scenario):
            #expect(stream.isWhole, "\(name): \(stream.parseError?.description ?? "")", sourceLocation: sourceLocation)
            #expect(stream.lines == scenario.lines, "\(name)", sourceLocation: sourceLocation)
            #expect(stream.warnings == scenario.warnings, "\(name)", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(stream.parseError == error, "\(name): \(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(stream.lines.allSatisfy { $0.line < error.line }, "\(name)", sourceLocation: sourceLocation)
            // The lines before the bad one are those of the text cut just before it.
            let before = ScenarioText.lines(of: Substring(text)).prefix(error.line - 1).joined(separator: "\n")
            if case .success(let prefix) = whole(before, name: name) {
                #expect(stream.lines == prefix.lines, "\(name)", sourceLocation: sourceLocation)
            }
        }
    }

    /// A file's bytes streamed (decoded a line at a time, the TUI's) against the headless
    /// commands' way: `ScenarioText.decode` whole, then `ScenarioParser.parse`.
    static func expectSameFromBytes(_ bytes: [UInt8], name: String, steps: [Int] = [1], sourceLocation: SourceLocation = #_sourceLocation) {
        let stream = streamed(Scenario(streaming: bytes, name: name), steps: steps)
        let whole = Result { () throws(ScenarioError) in try ScenarioParser.parse(ScenarioText.decode(bytes, name: name), name: name) }
        switch whole {
        case .success(let scenario):
            #expect(stream.isWhole && stream.lines == scenario.lines && stream.warnings == scenario.warnings,
                    "\(name): \(stream.parseError?.description ?? "")", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(stream.parseError == error, "\(name): \(bytes)", sourceLocation: sourceLocation)
        }
    }

    @Test func bundledAndReferenceScenariosStreamAsTheyParse() throws {
        #expect(Self.files.count > 40)
        for file in Self.files {
            Self.expectSame(file.text, name: file.name)
            Self.expectSame(file.text, name: file.name, steps: [3, 1, 7])
            Self.expectSameFromBytes(Array(file.text.utf8), name: file.name, steps: [2])
        }
    }

    /// Lines that break one rule each, one of which goes somewhere into a good scenario.
    static let badLines = [
        "write 5..3", "layout raid5 devices=4 stripe-unit=16K", "file size=1M", "frobnicate", "write",
        "fail dev=99", "resync", "write-path md", "profile seed\nlayout raid6 devices=6 stripe-unit=16K",
        "note \u{1B}[31m red", "write 1\u{7F}", "cache 0..3 dirty extra", "write\u{00A0}1", "  \t write 99999999999",
        "set r4w=maybe", "title", "expect nothing-such", "writepages sync sync", "write 0\u{0301} 1",
    ]

    /// Random good scenarios, then each with its line ends, BOM, white space and comments
    /// made hostile, and with a bad line at a random place.
    @Test(arguments: 0..<8)
    func randomAndHostileTextsStreamAsTheyParse(batch: Int) {
        for n in 0..<40 {
            let seed = UInt64(batch * 40 + n)
            var rng = SplitMix(state: seed &+ 77)
            let good = RandomScenario.make(seed: seed)
            var rows = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for i in rows.indices {
                switch rng.next() % 12 {
                case 0: rows[i] = "  \t" + rows[i] + " \t "
                case 1: rows[i] += "   # a comment \u{00E9}"
                case 2: rows[i] = "\u{3000}" + rows[i]
                case 3: rows.insert("", at: i)
                default: break
                }
            }
            let ends = ["\n", "\r\n", "\r"]
            var text = rows.enumerated().map { $0.element + ends[Int(rng.next() % 3)] }.joined()
            if rng.next() % 4 == 0 { text = "\u{FEFF}" + text }
            let name = "random-\(seed).scn"
            Self.expectSame(text, name: name, steps: [Int(rng.next() % 5) + 1])
            var bad = rows
            bad.insert(Self.badLines[Int(rng.next() % UInt64(Self.badLines.count))], at: Int(rng.next() % UInt64(rows.count + 1)))
            Self.expectSame(bad.joined(separator: ends[Int(rng.next() % 3)]), name: name)
            // A control character or a NUL somewhere.
            var chars = Array(text)
            chars.insert(["\u{7}", "\u{0}", "\u{85}", "\u{1B}"][Int(rng.next() % 4)], at: Int(rng.next() % UInt64(chars.count + 1)))
            Self.expectSame(String(chars), name: name)
            // The file's bytes, with a byte that does not decode (or a NUL) somewhere, a
            // control character or a bad line perhaps before it: decoding errors come first.
            var bytes = Array((rng.next() % 2 == 0 ? text : bad.joined(separator: "\n")).utf8)
            Self.expectSameFromBytes(bytes, name: name, steps: [Int(rng.next() % 4) + 1])
            bytes.insert([0x00, 0xFF, 0xC3, 0x80, 0xED][Int(rng.next() % 5)], at: Int(rng.next() % UInt64(bytes.count + 1)))
            Self.expectSameFromBytes(bytes, name: name, steps: [Int(rng.next() % 4) + 1])
        }
    }

    /// The lexer cuts an ASCII line's words from its bytes, any other line's from its
    /// characters: each line with a non-ASCII comment after it (so its characters are
    /// lexed) gives the same commands, or the same error at the same column.
    /// The title is kept as lines are parsed; a stream's title line past the opening
    /// becomes the title when the build parses it, not before, and then is the whole
    /// parse's.
    @Test func aLateTitleIsTheTitleOnceParsed() throws {
        let text = "layout raid5 devices=3 stripe-unit=4K\n" + String(repeating: "write 0\n", count: 1_000) + "title late\nwrite 1\n"
        var scenario = Scenario(streaming: text, name: "late.scn")
        try scenario.parseOpening(bytes: 64)
        let run = try EngineRun(scenario, budget: nil)
        run.build(upTo: 10)
        #expect(run.timeline.scenario.title == "late.scn")
        run.finish()
        #expect(run.timeline.scenario.title == "late")
        #expect(run.timeline.scenario.title == (try ScenarioParser.parse(text, name: "late.scn")).title)
    }

    @Test func asciiLinesLexAsTheirCharacters() {
        var texts = Self.files.map(\.text)
        for seed in 0..<100 as Range<UInt64> {
            var rows = RandomScenario.make(seed: seed).split(separator: "\n").map(String.init)
            rows.insert(Self.badLines[Int(seed) % Self.badLines.count], at: Int(seed) % (rows.count + 1))
            texts.append(rows.joined(separator: "\n"))
        }
        for text in texts {
            let marked = ScenarioText.lines(of: Substring(text)).map { $0 + "#\u{00E9}" }.joined(separator: "\n")
            switch (Self.whole(text, name: "s.scn"), Self.whole(marked, name: "s.scn")) {
            case (.success(let plain), .success(let lexed)):
                #expect(plain.lines.map(\.command) == lexed.lines.map(\.command), "\(text)")
                #expect(plain.lines.map(\.line) == lexed.lines.map(\.line))
                #expect(plain.warnings == lexed.warnings)
            case (.failure(let plain), .failure(let lexed)):
                #expect(plain == lexed, "\(text)")
            case (let plain, let lexed):
                Issue.record("\(plain) against \(lexed) for \(text)")
            }
        }
    }

    @Test func theOpenedPrefixEndsAtTheLayoutAndFailsAsTheWholeLoad() throws {
        let read: (String) throws -> [UInt8]? = { Array($0.utf8) }
        let texts = [
            "title t\nnote n\nlayout raid5 devices=4 stripe-unit=16K\nwrite 0\nwrite 1\nwritepages sync\n",
            "", "# only a comment\n\n", "title t\nnote n\n", "write 0\nlayout raid5 devices=4 stripe-unit=16K\n",
            "title t\nlayout raid5 devices=4 stripe-unit=16K\nwrite 0\nbad\n",
            "layout raid5 devices=4 stripe-unit=16K group-width=2 group-depth=3\nwrite 0\n",
        ]
        // Long ones: only their opening is parsed; a bad line past it is the stream's to find.
        let writes = (0..<2000).map { "write \($0)\n" }.joined()
        let long = [
            "layout raid5 devices=4 stripe-unit=16K\n" + writes + "writepages sync\n",
            "layout raid5 devices=4 stripe-unit=16K\n" + writes + "write 3..1\n",
            String(repeating: "note a long preamble\n", count: 400) + "layout raid5 devices=4 stripe-unit=16K\n" + writes,
            String(repeating: "note a long preamble\n", count: 400) + "write 1\n",
        ]
        for text in texts + long {
            let whole = Result { try ScenarioLoader.load(text, bundled: [:], shownAs: "s.scn", readFile: read) }
            let opened = Result { try ScenarioLoader.open(text, bundled: [:], shownAs: "s.scn", readFile: read) }
            switch (whole, opened) {
            case (.success(let w), .success(var o)):
                #expect(o.isWhole == (text.utf8.count <= ScenarioLoader.openingBytes), "a long text is parsed as it is run")
                #expect(o.lines.contains { $0.isLayout })
                #expect(o.warnings == w.warnings)
                #expect(Array(w.lines.prefix(o.lines.count)) == o.lines)
                try o.parseRest()
                #expect(o.lines == w.lines)
            case (.failure(let w), .failure(let o)):
                #expect("\(w)" == "\(o)")
            case (.failure(let w), .success(var o)):
                // Only a bad line after the layout is left for the stream to find.
                #expect(throws: ScenarioError.self) { try o.parseRest() }
                #expect("\(w)" == o.parseError?.description)
            case (.success, .failure(let o)):
                Issue.record("opening failed where loading passed: \(o)")
            }
        }
    }

    /// The engine pulls the lines it runs: the timeline of a streamed scenario, built in
    /// small steps, is the whole parse's, event for event, and its scenario ends whole.
    @Test func theEngineBuildsTheSameTimelineFromAStream() throws {
        for file in Self.files {
            guard case .success(let scenario) = Self.whole(file.text, name: file.name) else { continue }
            var opened = Scenario(streaming: file.text, name: file.name)
            try opened.parseOpening(bytes: 0)
            let expected = Engine.run(scenario)
            let run = try EngineRun(opened, budget: nil)
            while !run.isFinished {
                run.build(upTo: run.timeline.count + 97)
                // Every command run so far is parsed; nothing past the line after it is.
                #expect(run.timeline.scenario.lines.count <= run.commandsRun + 1, "\(file.name)")
            }
            let built = run.timeline
            #expect(built.isComplete && built.scenario.isWhole && run.commandTotal == scenario.lines.count, "\(file.name)")
            #expect(built.count == expected.count, "\(file.name)")
            #expect((0..<min(built.count, expected.count)).allSatisfy { built.json(of: $0) == expected.json(of: $0) }, "\(file.name)")
            #expect(built.scenario.lines == scenario.lines)
        }
    }

    /// A bad line far into a long scenario: the run stops after the lines before it,
    /// with the whole parse's error, and the timeline is not complete.
    @Test func aLateBadLineStopsTheBuildWithTheParseError() throws {
        let rows = ["layout raid5 devices=5 stripe-unit=64K"] + (0..<3000).map { "write \($0 * 2)" } + ["writepages sync", "write 1..0"]
        let text = rows.joined(separator: "\n")
        let error = try #require(Self.whole(text, name: "late.scn").failure)
        var opened = Scenario(streaming: text, name: "late.scn")
        try opened.parseOpening(bytes: 0)
        let run = try EngineRun(opened, budget: nil)
        run.build(upTo: 500)
        #expect(run.parseError == nil && run.commandTotal == nil && run.percentParsed < 10)
        run.finish()
        #expect(run.parseError == error)
        #expect(!run.timeline.isComplete)
        #expect(run.commandsRun == rows.count - 1)
    }

    /// `:` edits need all of the scenario: parsing the rest on the caller's turn, with the
    /// engine parked mid-build, leaves the build to go on to the same timeline.
    @Test func parsingTheRestMidBuildKeepsTheBuild() throws {
        let file = try #require(Self.files.first { $0.name == "cold-cache.scn" })
        var opened = Scenario(streaming: file.text, name: file.name)
        try opened.parseOpening(bytes: 0)
        let run = try EngineRun(opened, budget: nil)
        run.build(upTo: 50)
        try run.timeline.parseWholeScenario()
        #expect(run.timeline.scenario.isWhole)
        run.finish()
        let expected = try Engine.run(ScenarioParser.parse(file.text, name: file.name))
        #expect(run.timeline.count == expected.count)
        #expect((0..<expected.count).allSatisfy { run.timeline.json(of: $0) == expected.json(of: $0) })
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
