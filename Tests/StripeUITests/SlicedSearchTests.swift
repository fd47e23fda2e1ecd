import Testing
@testable import StripeCore
@testable import StripeUI

/// Keys never wait behind a search: `/`, `.`, `,`, `c` and `C` look through a long
/// timeline a slice per loop turn, between key reads, with the progress on the status
/// line; another key stops the search, a repeat lets it go on, `q` quits at once.
/// No wall clock: the slices are counted (events looked at).
struct SlicedSearchTests {
    typealias PollingBackend = BackgroundBuildTests.PollingBackend

    /// Over a million events (75,000 pages written back through five devices).
    static func millionEvents() throws -> Timeline {
        let text = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..79999\nwritepages sync\n"
        let t = Engine.run(try ScenarioParser.parse(text, name: "million.scn"))
        #expect(t.count > 1_000_000)
        return t
    }

    /// The loop with each batch arriving on the `polls`-th poll of the terminal (a read
    /// that does not wait), the ones before finding nothing; then a pause and a hangup.
    func run(_ m: inout DebuggerModel, polls: Int, _ batches: [[TerminalInput]]) -> PollingBackend {
        var backend = PollingBackend(inner: ScriptedBackend(batches + [[]]), pollsPerBatch: polls)
        TerminalLoop.run(&m, on: &backend)
        return backend
    }

    @Test func aKeyIsHandedOverAfterOneSliceAndQQuitsAtOnce() throws {
        let t = try Self.millionEvents()
        let chunk = 50_000
        var m = DebuggerModel(timeline: t, width: 120, height: 40)
        m.searchChunk = chunk
        m.search = "no event says this"
        // `.`: the key press looks at one slice; each later poll that finds no key, one
        // more. The first poll ends the batch the `.` came in, so a key arriving on the
        // k-th poll finds k - 1 slices done: the loop read keys between every two slices.
        for polls in [2, 3, 5] {
            m.move(to: 0)
            let backend = run(&m, polls: polls, [.typed("."), .typed("l")])
            let frames = backend.inner.frames.map(\.screen)
            try #require(frames.count >= 2, "\(frames.count) frames")
            #expect(frames[1].lines.last!.hasPrefix("NORMAL  /no event says this: searching, \(chunk) of \(t.count) events looked at; Esc stops"))
            #expect(m.message?.text == "search stopped after \((polls - 1) * chunk) events, at event \((polls - 1) * chunk)", "polls \(polls)")
            #expect(m.cursor == 1 && !m.hasIdleWork, "l stepped, and the search is over")
        }
        // A repeat of the key lets the search go on; `q` quits at once, the search unfinished.
        m.move(to: 0)
        let backend = run(&m, polls: 3, [.typed("."), .typed("."), .typed("q"), .typed("l")])
        #expect(!backend.inner.ranOut && backend.inner.unread == 2, "q quit before the next key")
        #expect(m.running?.scan.looked == 3 * chunk, "three slices: the key's, one before the repeat and one before q")
        // `c` with a breakpoint that never matches: the same.
        m.breakpoints = [NumberedBreakpoint(number: 1, breakpoint: .page(1 << 40))]
        m.move(to: 0)
        _ = run(&m, polls: 3, [.typed("c"), [.key(.escape)]])
        #expect(m.message?.text == "search stopped after \(2 * chunk) events, at event \(2 * chunk)")
        #expect(m.cursor == 0)
    }

    /// Thirty searches typed ahead, then `q`, all queued while the program was busy: each
    /// search is stopped by the `/` after it before looking at any event, so `q` quits
    /// with no slice looked through (each used to look through one: 5.6 s on 1 GiB).
    @Test func queuedSearchesCostNothingBeforeQ() throws {
        let t = try Self.millionEvents()
        var m = DebuggerModel(timeline: t, width: 120, height: 40)
        m.searchChunk = 50_000
        let batch = (1...30).flatMap { [TerminalInput].typed("/no event says this \($0)") + [.key(.enter)] } + .typed("q")
        var backend = ScriptedBackend([batch, .typed("l")])
        TerminalLoop.run(&m, on: &backend)
        #expect(!backend.ranOut && backend.unread == 1, "q quit before the next batch")
        #expect(m.search == "no event says this 30")
        #expect(m.running?.scan.looked == 0, "the last search looked at nothing before q")
        #expect(backend.frames.count == 1, "no frame between the keys of the batch")
    }

    /// Case aside, a line holds the query exactly when its lowercased text holds the
    /// query's lowercased text: ASCII and not, the Kelvin sign that lowercases to "k".
    @Test func theNeedleMatchesAsLowercasingDoes() {
        var rng = SplitMix(seed: 19)
        let alphabet = Array("aAbBkK_ (0)\u{212A}éÉ日ß")
        for _ in 0..<5_000 {
            let line = String((0..<rng.next(13)).map { _ in alphabet[rng.next(alphabet.count)] })
            let query = String((0...rng.next(3)).map { _ in alphabet[rng.next(alphabet.count)] })
            #expect(SearchNeedle(query).matches(line) == line.lowercased().contains(query.lowercased()), "\(query) in \(line)")
        }
    }

    /// The first match of the old one-shot search: the next event whose log line holds
    /// the text, going round the end; the next breakpoint, else the last (first) event.
    func oneShot(_ t: Timeline, _ needle: String, from cursor: Int, _ direction: Direction) -> Int? {
        let order = direction == .forward ? Array(cursor + 1..<t.count) + Array(0...cursor) : Array((0..<cursor).reversed()) + Array((cursor..<t.count).reversed())
        return order.first { t.summary(of: $0).lowercased().contains(needle) }
    }

    @Test(arguments: ["get_page(", "ore_write", "ioDone", "dev 3", "writepages_done", "no such"])
    func aSlicedSearchLandsWhereTheOneShotDid(query: String) throws {
        let text = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..255\nwritepages sync\ncache 300..310\nwrite 300\nwritepages\n"
        let t = Engine.run(try ScenarioParser.parse(text, name: "s.scn"))
        var m = DebuggerModel(timeline: t, width: 120, height: 40)
        m.searchChunk = 97
        m.search = query
        var runner = EffectRunner()
        for start in [0, 1, t.count / 3, t.count - 2, t.count - 1] {
            for (key, direction) in [(".", Direction.forward), (",", .backward)] {
                m.move(to: start)
                _ = m.update(.key(.character(Character(key))))
                _ = runner.finish(&m)
                let expected = oneShot(t, query.lowercased(), from: start, direction)
                #expect(m.cursor == expected ?? start, "\(key) from \(start)")
                #expect(m.message?.isError == (expected == nil))
            }
        }
        // `c` and `C` on a breakpoint on the page the query's first match is about.
        guard let hit = oneShot(t, query.lowercased(), from: 0, .forward), let page = t.pageIndex(of: hit) else { return }
        m.breakpoints = [NumberedBreakpoint(number: 1, breakpoint: .page(page))]
        for start in [0, t.count / 2, t.count - 1] {
            for (key, direction) in [("c", Direction.forward), ("C", .backward)] {
                m.move(to: start)
                _ = m.update(.key(.character(Character(key))))
                _ = runner.finish(&m)
                let expected = t.nextBreakpoint(from: start, direction, [.page(page)]) ?? (direction == .forward ? t.count - 1 : 0)
                #expect(m.cursor == expected, "\(key) from \(start)")
            }
        }
    }
}
