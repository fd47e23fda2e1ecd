import ArgumentParser
import StripeCore

/// `--compare 'COMMANDS'` / `--compare-with FILE`: a second world next to the scenario
/// (SPEC 8), shared by `tui`, `trace`, `render` and `record`.
struct CompareOptions: ParsableArguments {
    @Option(name: .customLong("compare"),
            help: "World B: the scenario with these ';'-separated commands after its profile/layout lines (e.g. 'set r4w=off'; a ';' always separates, even in a note).")
    var commands: String?

    @Option(name: .customLong("compare-with"), help: "World B: another scenario file (or bundled name).",
            completion: .custom(ScenarioInput.completions))
    var file: String?

    /// Whether a second world was asked for.
    var isRequested: Bool { commands != nil || file != nil }

    /// The two worlds for `scenario`, nil without either option; bad input is a `CLIFailure`.
    func pair(with scenario: Scenario) throws -> WorldPair? {
        switch (commands, file) {
        case (nil, nil): return nil
        case (_?, _?): throw CLIFailure("--compare and --compare-with: give one of them, not both")
        case (let commands?, nil):
            do { return try WorldPair(a: scenario, commands: commands) } catch { throw CLIFailure(error.description) }
        case (nil, let file?):
            let other = try ScenarioInput.load(file)
            return WorldPair(a: scenario, b: other)
        }
    }
}
