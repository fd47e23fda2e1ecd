import ArgumentParser

/// `stripescope`: the TUI by default, and the headless subcommands.
@main
struct StripeScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stripescope",
        abstract: "See how a RAID5 write really happens: the exofs / ORE read-4-write path, event by event.",
        discussion: """
            With no subcommand, opens the debugger TUI on the bundled scenario \
            'partial-stripe'. Exit status: 0 success, 1 a broken invariant, 2 bad input.
            """,
        version: "0.1.0",
        subcommands: [TuiCommand.self, TraceCommand.self, CheckCommand.self, RenderCommand.self, DumpCommand.self, RecordCommand.self, CrashCommand.self, KeysCommand.self,
                      LayoutCommand.self, ExploreCommand.self, ScenariosCommand.self, BenchCommand.self, QuizCommand.self],
        defaultSubcommand: TuiCommand.self)

    /// Parses like ArgumentParser, but bad usage exits 2 (not 64) with one line on stderr.
    static func main() {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            failure.exit()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure {
                exit(withError: error)
            }
            if code.rawValue == 64 {
                CLIFailure(fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "bad usage").exit()
            }
            exit(withError: error)
        }
    }
}
