import Foundation
import StripeCore

/// `bench`'s first frame of a long scenario (issue 19): 400,002 lines, a `write` a line
/// every other page, against the same text on 16 pages. The TUI's work before its first
/// frame from the file's bytes: decode, parse through the layout (`ScenarioLoader.open`),
/// build the first events (the engine parses the lines it runs), draw 200x60.
enum BenchLongScenario {
    /// The layout, a `write` line for every other page of `pages`, then `writepages sync`.
    static func text(pages: Int) -> String {
        var text = "layout raid5 devices=5 stripe-unit=64K\n"
        for page in stride(from: 0, to: pages, by: 2) { text += "write \(page)\n" }
        return text + "writepages sync\n"
    }

    /// The fields `long_scenario_first_frame_ms`, `_tiny_ms` and `_ratio`: each the
    /// fastest of five runs (`BenchCommand.fastest`).
    static func fields(budget: MemoryBudget) throws -> [(String, JSONValue)] {
        let long = try BenchCommand.fastest { try BenchCommand.firstFrameMilliseconds(text(pages: 800_000), budget: budget) }
        let tiny = try BenchCommand.fastest { try BenchCommand.firstFrameMilliseconds(text(pages: 16), budget: budget) }
        return [
            ("long_scenario_first_frame_ms", .decimal(BenchCommands.rounded(long))),
            ("long_scenario_first_frame_tiny_ms", .decimal(BenchCommands.rounded(tiny))),
            ("long_scenario_first_frame_ratio", .decimal(BenchCommands.rounded(long / tiny))),
        ]
    }
}
