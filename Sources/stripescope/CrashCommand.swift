import ArgumentParser
import StripeCore

/// `stripescope crash SCENARIO --at EVENT`: every state a power cut right after EVENT can
/// leave on the devices, with its stale parity rows and what degraded reads return
/// under the ORE and under md (SPEC 11).
struct CrashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash",
        abstract: "Enumerate the crash states at an event: which writes in flight landed, the stale parity rows, and per failed device the pages the ORE fails and md returns wrong.",
        discussion: "Example: stripescope crash write-hole-real --at 60 --format json. Past 4096 states it says how many and lists the first 4096.")

    @Argument(help: "A scenario file, or the name of a bundled scenario.", completion: .custom(ScenarioInput.completions))
    var scenario: String

    @OptionGroup var memory: MemoryOption

    @Option(help: "The event after which the power fails, or 'end'.")
    var at: String

    @Option(help: "request: each write lands whole or not; page: each lands a prefix of its pages.")
    var granularity: String = "request"

    @Option(help: "text or json.")
    var format: String = "text"

    func run() throws {
        guard let granularity = CrashGranularity(rawValue: granularity) else {
            throw CLIFailure("--granularity: expected 'request' or 'page', found '\(granularity.prefix(40))'")
        }
        guard format == "text" || format == "json" else {
            throw CLIFailure("--format: expected 'text' or 'json', found '\(format.prefix(40))'")
        }
        let timeline = try memory.build(try ScenarioInput.load(scenario), upTo: Int(at).map { $0 < Int.max ? $0 + 1 : $0 } ?? .max)
        let states = CrashStates(timeline: timeline, at: try RenderCommand.event(at, in: timeline), granularity: granularity)
        print(format == "json" ? states.json.encoded : states.text)
    }
}
