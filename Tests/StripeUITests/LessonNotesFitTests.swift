import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// A note is the lesson's point: at 120×40 (the size the README suggests for teaching)
/// the three note rows hold the whole of it, never cut with "…". The lessons of the md
/// write path, the power cut and the 3.2 era, whose notes were written to fit.
struct LessonNotesFitTests {
    static let lessons = [
        "md-warm-page-cache", "md-cold-small-write", "md-tie-prefer", "md-delayed-full-stripe", "md-same-row-twice",
        "md-raid6", "stripe-cut-seed", "raid0-groups-seed", "write-hole-real", "raid6-powercut", "md-write-hole-real",
        "md-resync", "md-ppl",
    ]

    @Test(arguments: lessons) func everyNoteFitsAt120x40(_ name: String) throws {
        let t = Engine.run(try ScenarioParser.parse(try #require(BundledScenarios.text(named: name)), name: "\(name).scn"))
        let notes = (0..<t.count).filter { t.event($0).kind == .note }
        #expect(!notes.isEmpty)
        for note in notes {
            let lines = DebuggerModel(timeline: t, width: 120, height: 40, at: note).view().lines
            #expect(!lines[2...4].contains { $0.hasSuffix(" …") }, "\(name) event \(note): \(lines[2...4].joined(separator: "\n"))")
        }
    }
}
