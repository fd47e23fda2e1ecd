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
