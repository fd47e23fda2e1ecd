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
        // The map's rows: after the stripe and its first page, dev 0 and dev 1 (one column
        // each, as wide as the header's `dev0`) are blank in s2, and dev 0 to dev 3 in s4.
        let map = lines.drop { !$0.contains("stripe map") }
        let header = try #require(map.first { $0.contains("dev0") })
        let column = try #require(header.range(of: "dev0")).lowerBound
        func units(_ stripe: String) -> Substring? {
            map.first { $0.hasPrefix("│\(stripe) ") }.map { $0[column...] }
        }
        let width = try #require(header.range(of: "dev1")).lowerBound.utf16Offset(in: header) - column.utf16Offset(in: header)
        #expect(try #require(units("s2")).hasPrefix(String(repeating: " ", count: 2 * width) + "D0"), "\(lines.joined(separator: "\n"))")
        #expect(try #require(units("s4")).hasPrefix(String(repeating: " ", count: 4 * width) + "D0"))
        #expect(!lines.contains { $0.hasPrefix("│s") && $0.contains("P  ") })
    }
}
