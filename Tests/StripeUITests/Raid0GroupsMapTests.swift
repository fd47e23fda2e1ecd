import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// RAID0 has no parity: the stripe map of a RAID0 layout with several groups leaves the
/// devices of the other groups blank instead of labelling one of them P.
struct Raid0GroupsMapTests {
    /// In raid0-groups-seed (three groups of two devices), stripes 2..3 are group 1's
    /// (devs 2 and 3) and stripes 4..5 group 2's: dev 0 has no unit there.
    @Test func otherGroupsAreBlankNotParity() throws {
        let text = try #require(BundledScenarios.text(named: "raid0-groups-seed"))
        let t = Engine.run(try ScenarioParser.parse(text, name: "raid0-groups-seed.scn"))
        let model = DebuggerModel(timeline: t, width: 200, height: 60, monochrome: true, at: t.count - 1)
        let lines = model.view().lines
        #expect(lines.contains { $0.hasPrefix("│s2" + String(repeating: " ", count: 11) + "D0") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.hasPrefix("│s4" + String(repeating: " ", count: 21) + "D0") })
        #expect(!lines.contains { $0.hasPrefix("│s") && $0.contains("P  ") })
    }
}
