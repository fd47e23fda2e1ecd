import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// A note is the lesson's point: at 120×40 (the size the README suggests for teaching)
/// the three note rows hold the whole of it, never cut with "…". Every bundled scenario.
struct LessonNotesFitTests {
    @Test(arguments: BundledScenarios.all.map(\.name)) func everyNoteFitsAt120x40(_ name: String) throws {
        let t = Engine.run(try ScenarioParser.parse(try #require(BundledScenarios.text(named: name)), name: "\(name).scn"))
        let notes = (0..<t.count).filter { t.event($0).kind == .note }
        #expect(!notes.isEmpty)
        for note in notes {
            let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: note).view().lines
            #expect(!lines[2...4].contains { $0.hasSuffix(" …") }, "\(name) event \(note): \(lines[2...4].joined(separator: "\n"))")
        }
    }
}
