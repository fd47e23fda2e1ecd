import Testing
import StripeCore
@testable import StripeUI

/// The crash browser on a scenario md writes: its devices are md's rows. RAID6 over 4
/// disks of 4K chunks (as `MdCrashStateTests`): md's stripe 0 is Q on dev 0, page 0
/// on dev 1, page 1 on dev 2, P on dev 3; stripe 1 moves P one disk left (P on dev 2,
/// Q on dev 3, pages 2 and 3 on devs 0 and 1). The ORE's RAID6 rows differ, so a browser
/// drawing the ORE's would label them otherwise.
struct MdCrashBrowserTests {
    @Test func devicesAreMdsRows() throws {
        let text = """
            title md raid6 torn
            layout raid6 devices=4 stripe-unit=4K
            write-path md
            file size=16K
            completions manual
            write 0
            writepages
            complete 1
            """
        let timeline = Engine.run(try ScenarioParser.parse(text, name: "md6.scn"))
        var model = DebuggerModel(timeline: timeline, width: 120, height: 40, at: timeline.count - 1)
        _ = model.update(.key(.character("x")))
        let screen = model.view().text
        #expect(screen.contains("3 writes in flight │ 8 crash states"))
        let rows = screen.split(separator: "\n")
        let s0 = try #require(rows.first { $0.contains("│s0   ") && $0.contains("D0") && !$0.contains("✓") })
        let s1 = try #require(rows.first { $0.contains("│s1   ") && $0.contains("D0") && !$0.contains("✓") })
        let order = { (row: Substring) in ["Q ", "D0", "D1", "P "].compactMap { label in row.range(of: label).map { (label, $0.lowerBound) } }.sorted { $0.1 < $1.1 }.map(\.0) }
        #expect(order(s0) == ["Q ", "D0", "D1", "P "])
        #expect(order(s1) == ["D0", "D1", "P ", "Q "])
    }
}
