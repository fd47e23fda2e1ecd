import Foundation
import Testing
@testable import StripeCore

/// `powercut`, degraded reads on the ORE and rule 8 (SPEC 11, SPEC 6).
struct PowercutTests {
    /// raid5 over 3 devices of 4K units: page 0 on dev 0, page 1 on dev 1, parity of
    /// stripe 0 on dev 2. `write 0; writepages` leaves data (dev 0) and parity (dev 2)
    /// in flight.
    static let torn = """
        layout raid5 devices=3 stripe-unit=4K
        file size=16K
        completions manual
        write 0
        writepages

        """

    static func violations(_ t: Timeline, rule: Int) -> [String] {
        (0..<t.count).compactMap {
            if case .violation(let r, let detail) = t.payload(of: $0), r == rule { return detail }
            return nil
        }
    }

    static func powercut(in t: Timeline) -> EventPayload.PowerLoss? {
        for seq in 0..<t.count { if case .powercut(let loss) = t.payload(of: seq) { return loss } }
        return nil
    }

    @Test func parsesAndRejectsWithLineAndColumn() throws {
        let head = "layout raid5 devices=3 stripe-unit=4K\n"
        let lines = try ScenarioParser.parse(head + "powercut\npowercut landed=all\npowercut landed=3,5\npowercut landed=3:2,4 granularity=page", name: "p.scn").lines
        #expect(lines.map(\.command).dropFirst() == [
            .powercut(Powercut()), .powercut(Powercut(landed: .all)),
            .powercut(Powercut(landed: .some([(3, nil), (5, nil)]))),
            .powercut(Powercut(landed: .some([(3, 2), (4, nil)]), granularity: .page)),
        ])
        let bad = [
            ("powercut landed=3:2", "p.scn:2:17: '3:2' lands part of a request; that needs granularity=page"),
            ("powercut landed=1,x", "p.scn:2:19: expected 'all', 'none' or request ids like 3,5 (3:2 for its first 2 pages with granularity=page) for landed, found 'x'"),
            ("powercut landed=1,1", "p.scn:2:19: request 1 is named twice in landed"),
            ("powercut granularity=disk", "p.scn:2:22: expected 'request' or 'page' for granularity, found 'disk'"),
            ("powercut now", "p.scn:2:10: expected KEY=VALUE (landed, granularity), found 'now'"),
        ]
        for (line, message) in bad {
            #expect(throws: ScenarioError.self) { try ScenarioParser.parse(head + line, name: "p.scn") }
            do { _ = try ScenarioParser.parse(head + line, name: "p.scn") } catch { #expect(error.description == message) }
        }
    }

    /// The data lands, the parity does not: dev 0 has the new page 0, dev 2 the old
    /// parity; the cache and the requests in flight are gone, i_size stays, rule 2 says
    /// the stripe is stale and the engine's note says the ORE will not repair it.
    @Test func dataLandsParityDoesNot() throws {
        let before = try run(Self.torn)
        let state = before.state(at: before.count - 1)
        let ids = Array(state.inflight)
        #expect(ids.map { before.request($0).dev } == [0, 2])
        let newToken = state.pages[0].token
        let oldParity = state.devices[2].token(at: 0)
        let t = try run(Self.torn + "powercut landed=\(ids[0])\n")
        let end = t.state(at: t.count - 1)
        #expect(end.devices[0].token(at: 0) == newToken)
        #expect(end.devices[2].token(at: 0) == oldParity)
        #expect(end.inflight.isEmpty)
        #expect(end.cachedPages == 0)
        #expect(end.iSize == 16384)
        let loss = try #require(Self.powercut(in: t))
        #expect(loss.landed.map(\.id) == [ids[0]])
        #expect(loss.lost.map(\.id) == [ids[1]])
        #expect(Self.violations(t, rule: 2).count == 1)
        #expect(Self.violations(t, rule: 1).isEmpty, "a write that did not land is allowed to be lost")
        // Nothing landed: the old data everywhere, parity consistent.
        let none = try run(Self.torn + "powercut\ncheck\n")
        #expect(none.state(at: none.count - 1).devices[0].token(at: 0) != newToken)
        #expect(Self.violations(none, rule: 2).isEmpty && Self.violations(none, rule: 1).isEmpty)
    }

    /// With granularity=page a two-page parity write can land its first page only.
    @Test func pagePrefixLands() throws {
        let text = """
            layout raid5 devices=3 stripe-unit=8K
            file size=32K
            completions manual
            write 0..1
            writepages
            complete 1

            """
        let before = try run(text)
        let parity = try #require(before.state(at: before.count - 1).inflight.first)
        let t = try run(text + "powercut landed=\(parity):1 granularity=page\n")
        let end = t.state(at: t.count - 1)
        #expect(end.inconsistentRows(stripe: 0) == [1])
        #expect(Self.powercut(in: t)?.landed.map(\.landedPages) == [1])
    }

    /// After a power cut that tore stripe 0, a failed device and a read: the ORE fails
    /// the read (every page of the I/O gets the error flag, `readpages_done` with
    /// `good_bytes = 0`) instead of rebuilding page 1 from the stale parity: honest.
    @Test func oreDegradedReadIsAnHonestEIO() throws {
        let before = try run(Self.torn)
        let data = try #require(before.state(at: before.count - 1).inflight.first)
        let t = try run(Self.torn + "powercut landed=\(data)\ncompletions auto\nfail dev=1\nread 1\nread 0\n")
        let end = t.state(at: t.count - 1)
        #expect(end.pages[1].flags.contains(.error))
        #expect(!end.pages[1].flags.contains(.uptodate))
        #expect(end.pages[0].flags.contains(.uptodate) && !end.pages[0].flags.contains(.error))
        #expect(end.pages[0].token == before.state(at: before.count - 1).pages[0].token, "what landed reads back")
        #expect(Self.violations(t, rule: 8).isEmpty)
    }

    /// Rule 8 broken on the ORE without md: 4.18's final placement writes pages 8 and 9
    /// over pages 0 and 1 (rule 7), and a later read of page 0 returns page 8's data.
    @Test func misplacedUnitMakesADishonestRead() throws {
        let t = try run("""
            layout raid0 devices=4 stripe-unit=8K
            file size=128K
            write 3..9
            writepages sync
            evict 0..31
            read 0..15
            """)
        let dishonest = Self.violations(t, rule: 8)
        #expect(dishonest.count == 2)
        #expect(dishonest.first?.hasPrefix("dishonest read: page 0 read ") == true)
        #expect(Invariant.name(8) == "honest reads")
    }

    /// The check itself: a page holding a token nobody wrote to it is reported, an old
    /// version of the page is not.
    @Test func honestReadCheck() throws {
        let scenario = try ScenarioParser.parse("layout raid5 devices=3 stripe-unit=4K\nfile size=16K\nwrite 0\nwrite 0\n", name: "h.scn")
        let engine = Engine(scenario: scenario, keyframeInterval: 4096)
        engine.runAll()
        let initial = Token.initial(page: 0, fileSize: 16384)
        let firstWrite = Token.fresh(1)
        for (token, honest) in [(initial, true), (firstWrite, true), (Token.initial(page: 1, fileSize: 16384), false), (0xdead, false)] {
            #expect(engine.dishonestPages(0..<1, reading: { _ in token }) == (honest ? [] : [0]), "\(Token.hex(token))")
        }
    }
}

/// RAID6 after a power cut that lost Q: one failed data device is rebuilt right (md
/// uses P), two are not (raid6_2data_recov with the stale Q).
struct Raid6PowercutTests {
    @Test func oneStaleParitySurvivesOneFailureNotTwo() throws {
        let text = try String(contentsOf: BundledScenarioTests.directory.appendingPathComponent("raid6-powercut.scn"), encoding: .utf8)
        let t = try run(text)
        let cut = try #require((0..<t.count).first { t.event($0).kind == .powercut })
        let state = t.state(at: cut)
        let layout = try #require(state.layout)
        #expect(state.inconsistentUnits(stripe: 0, row: 0) == [1], "Q is stale, P agrees")
        let token = { (dev: Int, objPage: UInt64) in state.devices[dev].token(at: Int(objPage)) }
        for failed in 0..<2 {
            #expect(layout.mdRead(page: failed, failed: [failed], token: token) == .token(token(failed, 0)), "dev \(failed) alone")
        }
        let both = try #require(Reconstruct.data(of: layout.degradedRow(stripe: 0, row: 0, failed: [0, 1], token: token)))
        #expect(both[0] != token(0, 0) && both[1] != token(1, 0), "two failures solve with the stale Q")
        #expect(PowercutTests.violations(t, rule: 2).count == 1)
    }
}

