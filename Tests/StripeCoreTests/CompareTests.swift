import Foundation
import Testing
@testable import StripeCore

/// Two worlds side by side: building B, aligning the timelines, finding where they part.
struct CompareTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../assets/scenarios").standardizedFileURL

    static func bundledScenario(_ name: String) throws -> Scenario {
        let text = try String(contentsOf: bundled.appendingPathComponent("\(name).scn"), encoding: .utf8)
        return try ScenarioParser.parse(text, name: "\(name).scn")
    }

    static func compare(_ name: String, _ commands: String) throws -> Comparison {
        Comparison(try WorldPair(a: bundledScenario(name), commands: commands))
    }

    // MARK: Alignment

    @Test func aScenarioComparedWithItselfNeverDiverges() throws {
        for seed in 0..<200 as Range<UInt64> {
            let a = try ScenarioParser.parse(RandomScenario.make(seed: seed, safe: seed % 2 == 0), name: "random \(seed)")
            let comparison = Comparison(try WorldPair(a: a, commands: ""), keyframeInterval: 64)
            #expect(comparison.divergences.isEmpty, "seed \(seed): \(comparison.divergences.first.map(\.what) ?? "")")
            let (ta, tb) = (comparison.a, comparison.b)
            #expect(ta.count == tb.count, "seed \(seed)")
            #expect(comparison.commands.allSatisfy { $0.a == $0.b }, "seed \(seed)")
            for seq in 0..<min(ta.count, tb.count) where ta.json(of: seq) != tb.json(of: seq) {
                Issue.record("seed \(seed): event \(seq) differs")
                break
            }
            #expect(ta.state(at: ta.count - 1) == tb.state(at: tb.count - 1), "seed \(seed)")
        }
    }

    @Test func insertedCommandsStandAloneAndTheRestAlignsByOriginalLine() throws {
        // Without reclaim `.writepage` is never called: B differs only by its spliced
        // command, which aligns with nothing; every other command pairs with its own line.
        let comparison = try Self.compare("partial-stripe", "set writepage=on")
        #expect(comparison.pair.onlyInB == [2])
        #expect(comparison.pair.b.lines[2].text == "set writepage=on")
        #expect(comparison.pair.b.lines.map(\.line) == [1, 3, 3] + comparison.pair.a.lines.dropFirst(2).map(\.line))
        // An `expect` line is no step of the run (no event): it aligns with nothing.
        let steps = comparison.pair.a.lines.filter { if case .expect = $0.command { false } else { true } }
        #expect(comparison.commands.count == steps.count + 1)
        let inserted = try #require(comparison.commands.firstIndex { $0.a == nil })
        #expect(inserted == 2 && comparison.commands[inserted].b!.count == 1)
        #expect(comparison.divergences.isEmpty)
        #expect(comparison.commands.filter { $0.a != nil }.allSatisfy {
            comparison.a.message(of: $0.a!.lowerBound) == comparison.b.message(of: $0.b!.lowerBound) && $0.a!.count == $0.b!.count
        })
    }

    @Test func commandsThatNeedTheFileCannotComeBeforeIt() throws {
        #expect { try WorldPair(a: Self.bundledScenario("partial-stripe"), commands: "cache 20") } throws: { error in
            "\(error)" == "partial-stripe.scn:5:1: in world B (--compare 'cache 20'): 'file' must come before the commands that use the file"
        }
    }

    @Test func commandsGoAfterTheLeadingProfileAndLayoutLines() throws {
        #expect(WorldPair.insertionPoint(in: try Self.bundledScenario("raid0-placement-final")) == 3)  // title, profile, layout
        #expect(WorldPair.insertionPoint(in: try Self.bundledScenario("r4w-off")) == 0)  // `set` comes before the layout
        let pair = try WorldPair(a: Self.bundledScenario("r4w-off"), commands: "set r4w=on; profile seed")
        #expect(pair.b.lines.map(\.text).prefix(4) == ["set r4w=on", "profile seed",
                                                       "title Before the patch: no r4w ops, and the ORE refuses partial RAID5 writes", "set r4w=off"])
        #expect(pair.onlyInB == [0, 1])
        #expect(pair.b.lines.prefix(2).map(\.line) == [0, 0])
    }

    // MARK: Divergence, worked by hand

    @Test func r4wOffPartsAtTheOreWriteOfTheFirstPartialStripe() throws {
        let comparison = try Self.compare("partial-stripe", "set r4w=off")
        let d = try #require(comparison.firstDivergence)
        // `writepages sync` (line 14) gathers pages 5..6, a partial stripe 0: A's ore_write
        // goes on to _prepare_for_striping, B's fails at once with -ENOTSUPP. B has one
        // more event before: its `set r4w=off` command.
        #expect(d == Divergence(aEvent: 52, bEvent: 53, line: 14, what: "A leaves page 9 present, no flags; B leaves page 5 UE", command: 10))
        #expect(comparison.a.function(of: d.aEvent) == .ore_write)
        #expect(comparison.b.function(of: d.bEvent) == .ore_write)
        #expect(comparison.a.arguments(of: d.aEvent).map(\.value) == [5 * 4096, 2 * 4096])
    }

    @Test func placementSeedPartsAtTheFirstMisplacedWrite() throws {
        let comparison = try Self.compare("raid0-placement-final", "set placement=seed")
        let d = try #require(comparison.firstDivergence)
        // write 3..9 on RAID0, 4 devices, 2-page units: pages 8..9 are stripe 1, unit 0,
        // dev 0, object pages 2..3; the final code writes them at 0..1 (stripe 0's offset).
        #expect(d.what == "A writes dev 0 object pages 0..1, B writes dev 0 object pages 2..3")
        #expect(d.line == 7)
        #expect(comparison.a.event(d.aEvent).kind == .devWrite)
        #expect(d.bEvent == d.aEvent + 1)
        // The first dev_write of A that invariant 7 flags is the divergence.
        let firstMisplaced = (0..<comparison.a.count).first {
            comparison.a.event($0).kind == .devWrite && comparison.a.event($0 + 1).kind == .violation
                && comparison.a.event($0 + 1).a == 7
        }
        #expect(d.aEvent == firstMisplaced)
    }

    @Test func pumpLoopPartsWhereTheKernelStopsPumping() throws {
        let comparison = try Self.compare("group-split", "set pump=loop")
        let d = try #require(comparison.firstDivergence)
        // After two write_execs (pages 2..3, then 4..7) the kernel returns with 8..9 in the
        // pcol; the loop pumps a third time and writes page 8 to dev 0 (group 2, stripe 4).
        #expect(d.line == 7)
        #expect(d.what == "B writes dev 0 object page 2; A does not")
        guard case .call(let call) = comparison.b.payload(of: d.bEvent) else { Issue.record("B: not a call"); return }
        #expect(call.function == .write_exec && call.argument("pg_first") == 8)
        #expect(comparison.a.event(d.aEvent).kind == .note)
        #expect(comparison.a.message(of: d.aEvent)?.contains("pumping write_exec only once") == true)
        #expect((0..<d.bEvent).filter { comparison.b.function(of: $0) == .write_exec && comparison.b.event($0).kind == .call }.count == 2)
    }

    @Test func twoFilesAlignCommandByCommand() throws {
        let a = try Self.bundledScenario("raid0-placement-final")
        let b = try Self.bundledScenario("raid0-placement-seed")
        let comparison = Comparison(WorldPair(a: a, b: b))
        // Titles, notes and their claims never pair; `profile final` and `profile seed` differ, as in a diff.
        #expect(comparison.pair.onlyInA == [0, 1, 3, 7, 8] && comparison.pair.onlyInB == [0, 1, 3, 7, 8])
        let d = try #require(comparison.firstDivergence)
        #expect(d.what.hasPrefix("A writes dev 0 object pages 0..1"))
    }

    @Test func aCommandOnlyOneFileHasDivergesWhereTheOtherWorldStands() throws {
        let a = try Self.bundledScenario("partial-stripe")
        let text = a.lines.filter { $0.text != "cache 0..3" }.map(\.text).joined(separator: "\n")
        let b = try ScenarioParser.parse(text, name: "no-cache.scn")
        let comparison = Comparison(WorldPair(a: a, b: b))
        let d = try #require(comparison.firstDivergence)
        #expect(d.line == 8)  // `cache 0..3`, which B does not have
        #expect(d.what.hasPrefix("A leaves page 0 "))
        #expect(comparison.a.message(of: d.aEvent) == "cache 0..3")  // the command only A runs
        // B stands at the last event it ran before: its `file` line.
        #expect(comparison.b.message(of: d.bEvent) == "file size=96K")
    }

    @Test func twoFilesPairTheirCommonCommandsAsDiffWould() throws {
        func lines(_ texts: [String]) throws -> [ScenarioLine] {
            try ScenarioParser.parse((["layout raid5 devices=4 stripe-unit=4K"] + texts).joined(separator: "\n"), name: "t").lines
        }
        // B inserts a `set`, drops `read 1`, and changes `write 3` to `write 4`.
        let a = try lines(["note a", "write 2", "read 1", "write 3", "writepages"])
        let b = try lines(["set pump=loop", "write 2", "write 4", "writepages", "note b"])
        let (onlyA, onlyB) = WorldPair.unmatched(a, b)
        #expect(onlyA == [1, 3, 4] && onlyB == [1, 3, 5])
        // Past the limit, the k-th command pairs with the k-th.
        let (cutA, cutB) = WorldPair.unmatched(a, b + (try lines(["check"])).dropFirst(), limit: 2)
        #expect(cutA == [1] && cutB == [5, 6])
    }

    // MARK: Errors

    @Test(arguments: [
        ("set r4w=maybe", "--compare 'set r4w=maybe': column 9: expected 'on' or 'off' for r4w, found 'maybe'"),
        ("write 1; bogus", "--compare 'write 1; bogus': column 10: unknown command 'bogus'"),
        ("layout raid0 devices=2 stripe-unit=4K", "--compare 'layout raid0 devices=2 stripe-unit=4K': column 1: the layout is already set on line 3"),
        ("set r4w=off\nwrite 1", "--compare: the commands contain a line break (LF); separate them with ';'"),
    ])
    func badCommandsNameTheCompareTextAndColumn(commands: String, message: String) throws {
        let a = try Self.bundledScenario("partial-stripe")
        #expect { try WorldPair(a: a, commands: commands) } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }
}
