import Foundation
import StripeCore

/// `bench`'s first frame of a long scenario (issue 19): the every-other-page workload's
/// text on 800,000 pages, 400,002 lines, against the same text on 16 pages. The TUI's
/// work before its first frame from the file's bytes: decode, parse through the layout
/// (`ScenarioLoader.open`), build the first events (the engine parses the lines it runs),
/// draw 200x60.
enum BenchLongScenario {
    /// The fields `long_scenario_first_frame_ms`, `_tiny_ms` and `_ratio`: each the
    /// fastest of five runs (`BenchCommand.fastest`).
    static func fields(budget: MemoryBudget) throws -> [(String, JSONValue)] {
        let (longText, tinyText) = (BenchWorkload.everyOtherPage.scenario(pages: 800_000), BenchWorkload.everyOtherPage.scenario(pages: 16))
        let long = try BenchCommand.fastest { try BenchCommand.firstFrameMilliseconds(longText, budget: budget) }
        let tiny = try BenchCommand.fastest { try BenchCommand.firstFrameMilliseconds(tinyText, budget: budget) }
        return [
            ("long_scenario_first_frame_ms", .decimal(BenchCommands.rounded(long))),
            ("long_scenario_first_frame_tiny_ms", .decimal(BenchCommands.rounded(tiny))),
            ("long_scenario_first_frame_ratio", .decimal(BenchCommands.rounded(long / tiny))),
        ]
    }
}
