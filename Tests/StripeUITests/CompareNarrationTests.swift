import Testing
@testable import StripeCore
@testable import StripeUI

/// The split screen narrates: each world's pane shows the note in effect in that
/// world's own timeline, Enter the focused world's event and note whole, `?` the split
/// screen's own keys, and `b` sets a breakpoint in the focused world that `c` goes to.
struct CompareNarrationTests {
    func model(at seq: Int) throws -> CompareModel {
        CompareModel(comparison: try CompareViewTests.comparison("partial-stripe", "set r4w=off"), width: 120, height: 40, at: seq)
    }

    /// The pane line under a world's title bar.
    func noteLine(_ lines: [String], world: String) -> String? {
        lines.firstIndex { $0.hasPrefix(" \(world) ") }.map { lines[$0 + 1].trimmingCharacters(in: .whitespaces) }
    }

    @Test func eachPaneShowsItsOwnWorldsNote() throws {
        let m = try model(at: 60)
        let lines = m.view().lines
        for (world, pane) in [("A", m.a), ("B", m.b)] {
            let note = try #require(pane.viewState.note)
            let text = try #require(pane.timeline.message(of: note))
            let shown = try #require(noteLine(lines, world: world))
            #expect(text.hasPrefix(String(shown.prefix(40))), "\(world): \(shown)")
        }
        // B's own timeline has a note A's does not (its ore_write failed): not A's words.
        #expect(noteLine(lines, world: "A") != noteLine(lines, world: "B"))
    }

    @Test func enterShowsTheFocusedWorldsEventAndNoteWhole() throws {
        var m = try model(at: 60)
        _ = m.update(.key(.tab))
        _ = m.update(.key(.enter))
        let text = m.view().text
        let note = try #require(m.b.viewState.note)
        #expect(text.contains("world B, event \(m.b.cursor) (any key closes)"))
        #expect(text.contains("note (event \(note)):") || note == m.b.cursor)
        _ = m.update(.key(.character("x")))
        #expect(m.overlay == nil && !m.view().text.contains("any key closes"))
    }

    @Test func helpListsTheSplitScreensKeys() throws {
        var m = try model(at: 0)
        _ = m.update(.key(.character("?")))
        let text = m.view().text
        #expect(text.contains("split screen keys"))
        for row in KeyMap.defaults.rows(.split) { #expect(text.contains(row.label), "\(row.label)") }
    }

    @Test func breakpointsWorkInTheFocusedWorld() throws {
        var m = try model(at: 0)
        // Stand on the first device write of A, set a breakpoint on its device, go back, continue.
        let write = try #require((0..<m.a.timeline.count).first { m.a.timeline.event($0).kind == .devWrite })
        m.move(.a, to: write)
        _ = m.update(.key(.character("b")))
        #expect(!m.a.breakpoints.isEmpty && m.b.breakpoints.isEmpty)
        _ = m.update(.key(.home))
        _ = m.update(.key(.character("c")))
        #expect(m.a.cursor <= write && m.a.cursor > 0)
    }
}
