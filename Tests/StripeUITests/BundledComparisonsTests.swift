import Testing
import StripeAssets
import StripeCore

/// The comparison lessons: each names a bundled scenario, its commands make a valid world
/// B, and the two worlds part where the lesson says.
struct BundledComparisonsTests {
    @Test(arguments: BundledComparisons.all.map(\.scenario))
    func everyLessonDiverges(scenario: String) throws {
        let lesson = try #require(BundledComparisons.all.first { $0.scenario == scenario })
        let comparison = try CompareViewTests.comparison(lesson.scenario, lesson.commands)
        #expect(comparison.firstDivergence != nil)
        #expect(lesson.commandLine == "stripescope tui \(scenario) --compare '\(lesson.commands)'")
    }

    @Test func writepageUnderReclaimDoublesTheDeviceWrites() throws {
        let summary = CompareSummary(try CompareViewTests.comparison("reclaim-pressure", "set writepage=on"))
        #expect(summary.a.writeAmplification == 16.0 / 12 && summary.b.writeAmplification == 2)
        #expect(summary.a.violations.isEmpty && summary.b.violations.isEmpty)
        // B's reclaim locks page 0 (uptodate, dirty) to send it alone through .writepage;
        // A's reclaim skips every dirty page.
        #expect(summary.firstDivergence?.what == "B leaves page 0 LUD; A does not")
        #expect(summary.firstDivergence?.line == 9)
    }

    /// Two eras, two bugs on one RAID0 layout: 3.2 places group 0's mid-stripe write right where
    /// 4.18 puts dev 0 a row back (the first divergence), then misplaces group 2 and oopses in
    /// group 1; 4.18 writes groups 1 and 2 right.
    @Test func raid0GroupsTwoErasTwoBugs() throws {
        let comparison = try CompareViewTests.comparison("raid0-groups-seed", "profile final")
        let summary = CompareSummary(comparison)
        #expect(summary.firstDivergence?.what == "A writes dev 0 object page 1, B writes dev 0 object page 0")
        #expect(summary.firstDivergence?.line == 6)
        #expect(summary.a.violations.contains { $0.contains("rule 7") && $0.contains("dev 5") })
        #expect(summary.b.violations.contains { $0.contains("rule 7") && $0.contains("dev 0") })
        #expect(!summary.b.violations.contains { $0.contains("rule 7") && $0.contains("dev 5") })
    }

    /// The write hole made real, md against the ORE on the same torn stripe and dead disk:
    /// md's rebuild breaks rule 8, the ORE's read fails page 1 with the error flag and
    /// breaks only rule 2 (the torn row it never repairs).
    @Test func mdReturnsGarbageWhereTheOREFails() throws {
        let comparison = try CompareViewTests.comparison("md-write-hole-real", "write-path ore")
        let summary = CompareSummary(comparison)
        #expect(summary.a.violations.contains { $0.contains("rule 8") && $0.contains("page 1") })
        #expect(!summary.b.violations.contains { $0.contains("rule 8") })
        #expect(summary.b.violations.contains { $0.contains("rule 2") })
        let ore = comparison.b.state(at: comparison.b.count - 1)
        #expect(ore.pages[1].flags.contains(.error) && !ore.pages[1].flags.contains(.uptodate))
        let md = comparison.a.state(at: comparison.a.count - 1)
        #expect(md.pages[1].flags.contains(.uptodate) && !md.pages[1].flags.contains(.error))
    }
}
