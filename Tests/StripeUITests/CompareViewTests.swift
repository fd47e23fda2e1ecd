import Testing
import StripeAssets
import StripeCore
@testable import StripeUI

/// The split frame of two worlds.
struct CompareViewTests {
    static func comparison(_ name: String, _ commands: String) throws -> Comparison {
        let text = try #require(BundledScenarios.all.first { $0.name == name }?.text)
        return Comparison(try WorldPair(a: ScenarioParser.parse(text, name: "\(name).scn"), commands: commands))
    }

    /// The frame's lines, split into world A's pane and world B's pane (without their
    /// title rows, which name the world, and the focused world's stack and log below).
    static func panes(_ screen: Screen) -> (a: [Substring], b: [Substring], titles: (Substring, Substring)) {
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        var body = lines[(screen.height >= 30 ? 3 : 2)..<(lines.count - 1)]  // header, divergence, differences
        if body.count >= 34 { body = body.dropLast(body.count * 3 / 10) }  // the focused world's stack and log
        func trimmed(_ line: Substring) -> Substring { line.dropLast(line.reversed().prefix { $0 == " " }.count) }
        if screen.width >= CompareModel.sideBySideWidth {
            let half = screen.width / 2
            let a = body.map { trimmed($0.prefix(half)) }, b = body.map { trimmed($0.dropFirst(half)) }
            return (Array(a.dropFirst()), Array(b.dropFirst()), (a[0], b[0]))
        }
        let pane = body.count / 2
        let a = Array(body.prefix(pane)), b = Array(body.dropFirst(pane).prefix(pane))
        return (Array(a.dropFirst()), Array(b.dropFirst()), (a[0], b[0]))
    }

    @Test(arguments: BundledScenarios.all.map(\.name))
    func aScenarioComparedWithItselfRendersTheSameOnBothSides(name: String) throws {
        let comparison = try Self.comparison(name, "")
        #expect(comparison.firstDivergence == nil)
        for size in [(200, 60), (120, 40)] {
            for seq in [comparison.a.count / 2, comparison.a.count - 1] {
                let model = CompareModel(comparison: comparison, width: size.0, height: size.1, monochrome: true, at: seq)
                #expect(model.b.cursor == seq)
                let (a, b, titles) = Self.panes(model.view())
                #expect(a == b, "\(name) \(size) at \(seq)")
                #expect(titles.0.replacing(" A ▶", with: "") == titles.1.replacing(" B  ", with: ""))
                #expect(model.view().text.contains("never diverge"))
                #expect(model.differenceLine.hasSuffix("│ page flags agree"))
            }
        }
    }

    @Test func theSplitFrameShowsWhereTheWorldsPart() throws {
        let comparison = try Self.comparison("partial-stripe", "set r4w=off")
        for (w, h) in [(80, 24), (120, 40), (160, 48), (200, 60)] {
            let model = CompareModel(comparison: comparison, width: w, height: h, monochrome: true, at: 60)
            assertSnapshot(model.view(), named: "compare-r4w-off-\(w)x\(h)")
        }
        let text = CompareModel(comparison: comparison, width: 200, height: 60, monochrome: true, at: 60).view().text
        #expect(text.contains("First divergence at A event 52, B event 53 (line 14)"))
        #expect(text.contains("B: A with --compare 'set r4w=off'"))
        // At A's event 60 (get_page created page 9), B already failed pages 5 and 6.
        #expect(text.contains("A/B now: dev pages read 0/0  written 0/0  r4w reads 0/0  violations 0/1 (+1)  │ flags differ on pages 5, 6, 9"))
    }

    @Test func pagesWhoseFlagsDifferAreHighlightedInBothWorlds() throws {
        /// The characters on a blue background, row by row, outside the (blue) title bars.
        func highlighted(_ commands: String) throws -> [String] {
            let screen = CompareModel(comparison: try Self.comparison("partial-stripe", commands), width: 110, height: 24, at: 60).view()
            return (0..<screen.height).filter { screen[0, $0].background != .blue }.compactMap { y in
                let row = (0..<screen.width).filter { screen[$0, y].background == .blue }.map { String(screen[$0, y].character) }
                return row.isEmpty ? nil : row.joined()
            }
        }
        // Pages 5, 6 and 9: A has them locked under writeback and created, B failed 5 and 6
        // (lost on disk: ✗).
        #expect(try highlighted("set r4w=off") == ["LWLW-", "E✗E✗·"])
        #expect(try highlighted("").isEmpty)
    }

    @Test func worldsMoveTogetherOnTheAlignedCommands() throws {
        let comparison = try Self.comparison("partial-stripe", "set r4w=off")
        var model = CompareModel(comparison: comparison, width: 120, height: 40)
        // B has one more command (the spliced `set`), so its events run one ahead.
        model.moveBoth(.a, to: 52)
        #expect(model.b.cursor == 53)
        #expect(comparison.b.function(of: model.b.cursor) == .ore_write)
        model.moveBoth(.b, to: 2)  // B's spliced command: A stays at its last event before it
        #expect(model.a.cursor == comparison.commands[1].a!.upperBound - 1)
        model.move(.b, to: 10)
        #expect(model.a.cursor == comparison.commands[1].a!.upperBound - 1)
    }
}

/// I/O done in one world only is marked on both stripe maps.
struct CompareUnitMarkTests {
    @Test func unitsWrittenInOneWorldOnlyAreMarked() throws {
        let comparison = try CompareViewTests.comparison("raid0-placement-final", "set placement=seed")
        let divergence = try #require(comparison.firstDivergence)
        // Just past both worlds' misplaced / placed write of dev 0.
        var model = CompareModel(comparison: comparison, width: 200, height: 60, monochrome: true, at: divergence.aEvent)
        model.move(.b, to: divergence.bEvent)
        let units = model.differingUnits(among: 0..<64)
        // A wrote dev 0 object pages 0..1 (misplaced), B wrote 2..3 (where they belong).
        for page in 0...3 { #expect(units.contains(.init(dev: 0, objPage: UInt64(page))), "dev 0 object page \(page)") }
        #expect(!units.contains(where: { $0.dev != 0 }), "devs 1..3 were written alike in both worlds")
        // Both maps show the marks: reverse cells in monochrome.
        let screen = model.view()
        let marked = (0..<screen.height).flatMap { y in (0..<screen.width).filter { screen[$0, y].style.attributes.contains(.reverse) && "W✓wX".contains(screen[$0, y].character) } }
        #expect(marked.count >= 4)
    }

    /// The units found through the submissions index equal a walk over every request of
    /// both worlds' commands up to their cursors (the walk kept here as the oracle),
    /// within any range of object pages, at every event of A.
    @Test func theIndexedDifferenceEqualsAWalkOfTheCommands() throws {
        let comparison = try CompareViewTests.comparison("raid0-placement-final", "set placement=seed")
        func walked(_ m: DebuggerModel, _ objPages: Range<UInt64>) -> Set<String> {
            guard let command = m.state.currentCommand else { return [] }
            var found = Set<String>()
            for seq in command...m.cursor where [.devRead, .devWrite].contains(m.timeline.event(seq).kind) {
                let request = m.timeline.request(Int(m.timeline.event(seq).i))
                for entry in m.timeline.entries(of: request) where objPages.contains(entry.objPage) {
                    found.insert("\(request.dev):\(entry.objPage):\(request.isRead)")
                }
            }
            return found
        }
        var marked = 0
        for seq in 0..<comparison.a.count {
            let model = CompareModel(comparison: comparison, width: 200, height: 60, at: seq)
            for objPages: Range<UInt64> in [0..<64, 1..<3, 2..<4] {
                let oracle = Set(walked(model.a, objPages).symmetricDifference(walked(model.b, objPages)).map { touch in
                    let parts = touch.split(separator: ":")
                    return UnitPage(dev: Int(parts[0])!, objPage: UInt64(parts[1])!)
                })
                #expect(model.differingUnits(among: objPages) == oracle, "event \(seq) \(objPages)")
                marked += oracle.count
            }
        }
        #expect(marked > 0)
    }
}
