import Testing
@testable import StripeCore

/// Each what-if switch changes its one behaviour: a scenario where it must change
/// the trace, and one where it must not.
struct SwitchTests {
    /// What the kernel did: every event but the `command` lines (which name the switch).
    func behaviour(_ setting: String, _ body: String) throws -> [String] {
        let t = try run(setting + "\n" + body)
        return (0..<t.count).filter { t.event($0).kind != .command }.map {
            t.event($0).kind.name + JSONValue.object(t.fields(of: $0)).encoded
        }
    }

    static let partialWrite = Workload.twoRunsInOneStripe
    static let fullStripes = """
        layout raid5 devices=4 stripe-unit=4K
        write 0..5
        writepages
        reclaim pages=100
        check
        """
    static let raid0Write = """
        layout raid0 devices=3 stripe-unit=4K
        write 1..4
        writepages
        check
        """
    static let dirtyReclaim = Workload.sixDirtyPagesReclaimed

    @Test(arguments: [
        ("set writepage=on", dirtyReclaim, fullStripes),
        ("set locked-page=on", partialWrite, fullStripes),
        ("set r4w=off", partialWrite, raid0Write),
    ])
    func switchChangesOnlyItsBehaviour(setting: String, changes: String, unchanged: String) throws {
        #expect(try behaviour(setting, changes) != behaviour("", changes))
        #expect(try behaviour(setting, unchanged) == behaviour("", unchanged))
    }

    @Test func lockedPageIsReportedAsSourceLocked() throws {
        let on = try behaviour("set locked-page=on", Self.partialWrite)
        let off = try behaviour("", Self.partialWrite)
        #expect(on.contains { $0.hasPrefix("r4w_get_page") && $0.contains("\"index\":2") && $0.contains("\"source\":\"locked\"") })
        #expect(off.contains { $0.hasPrefix("r4w_get_page") && $0.contains("\"index\":2") && $0.contains("\"source\":\"cache\"") })
    }

    @Test func r4wOffRefusesTheWriteAndErrorsThePages() throws {
        let t = try run("set r4w=off\n" + Self.partialWrite)
        let final = t.state(at: t.count - 1)
        #expect(final.pages[0].flags.contains(.error))
        #expect(final.mappingError)
        #expect(final.devices.allSatisfy { $0.pagesWritten == 0 })
        #expect((0..<t.count).contains { t.event($0).kind == .violation && t.event($0).a == 1 })
    }

    /// exofs reads a page before a partial write, so no command makes a dirty page that is
    /// not uptodate, and the switch cannot change a trace. Its rule is checked directly.
    @Test func dirtyUptodateDecidesForADirtyPageThatIsNotUptodate() throws {
        for body in [Self.partialWrite, Self.dirtyReclaim, Self.fullStripes] {
            #expect(try behaviour("set dirty-uptodate=on", body) == behaviour("set dirty-uptodate=off", body))
        }
        for (on, expected) in [(true, true), (false, false)] {
            let engine = Engine(scenario: Scenario(name: "t", lines: []), keyframeInterval: 64)
            engine.layout = try OreLayout(raid: .raid5, devices: 3, stripeUnit: 4096)
            engine.stage(.layout(engine.layout!))
            engine.stage(.iSize(8192))
            engine.emit(.pageAdd, i: 1)
            engine.setFlags(1, set: .dirty)
            engine.switches.dirtyUptodate = on
            #expect(engine.r4wGetPage(1).uptodate == expected)
        }
    }
}
