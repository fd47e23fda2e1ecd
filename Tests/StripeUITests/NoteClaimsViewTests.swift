import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// A note is shown with what its claims say: marked when one fails, and in a compare world
/// B (whose notes are A's) struck through after what holds there.
struct NoteClaimsViewTests {
    @Test func theHeaderMarksANoteWhoseClaimFails() throws {
        let text = "layout raid5 devices=4 stripe-unit=4K\nfile size=24K\nwrite 1\nwritepages\nnote Three pages went out.\nexpect dev-pages-written=3"
        let t = Engine.run(try ScenarioParser.parse(text, name: "n.scn"))
        let m = DebuggerModel(timeline: t, width: 120, height: 40, at: t.count - 1)
        let note = m.view().lines[2]
        #expect(note.contains("✗ Three pages went out. [claim failed: expect dev-pages-written=3, but dev-pages-written=2]"))

        let holds = Engine.run(try ScenarioParser.parse(text.replacingOccurrences(of: "=3", with: "=2"), name: "n.scn"))
        #expect(DebuggerModel(timeline: holds, width: 120, height: 40, at: holds.count - 1).view().lines[2] == "  Three pages went out.")
    }

    /// `--present`: the whole note and the whole legend, even at 80×24.
    @Test func presentationModeKeepsTheWholeNote() throws {
        let t = try defaultTimeline()
        let note = try #require((0..<t.count).first { t.message(of: $0)?.hasPrefix("write_cache_pages gathered") == true && t.event($0).kind == .note })
        var m = DebuggerModel(timeline: t, width: 80, height: 24, at: note)
        let cut = m.view().lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(!cut.contains("rows 0 and 3 cost nothing."))
        m.present = true
        // The note's lines, wrapped, read as one text.
        let whole = m.view().lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(whole.contains("rows 0 and 3 cost nothing."))
        #expect(whole.contains("misplaced unit"), "the whole legend")
    }

    @Test func worldBStrikesThroughANoteThatIsNotSoThere() throws {
        let comparison = try CompareViewTests.comparison("reclaim-pressure", "set writepage=on")
        let model = CompareModel(comparison: comparison, width: 200, height: 50, at: comparison.a.count - 1)
        let screen = model.view().lines.joined(separator: "\n")
        #expect(screen.contains("not so in this world: dev-pages-written=24; the note: w\u{336}r\u{336}i\u{336}t\u{336}e\u{336}"))
        // World A's own note is as written: its claims hold there.
        #expect(screen.contains(" writepages sends what is still dirty as whole stripes"))
        #expect(!screen.contains("✗"))
    }
}
