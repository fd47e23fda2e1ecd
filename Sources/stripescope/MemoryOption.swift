import ArgumentParser
import StripeCore

/// `--max-memory SIZE`, on every command that builds a timeline.
struct MemoryOption: ParsableArguments {
    @Option(name: .customLong("max-memory"),
            help: "Memory the timeline may take, like 512M or 8G. Default: 3/4 of the room left under the machine's available memory, the cgroup's memory.max and ulimit -v. A scenario that needs more stops with exit 2.")
    var maxMemory: String?

    /// The budget asked for, or the machine's.
    func budget() throws -> MemoryBudget {
        guard let maxMemory else { return .automatic() }
        guard let bytes = SizeFormat.parse(Substring(maxMemory)), bytes > 0, bytes != .max else {
            throw CLIFailure("--max-memory: expected a size like 512M or 8G, found \(maxMemory.quotedExcerpt)")
        }
        return MemoryBudget(bytes: bytes, source: "--max-memory")
    }

    /// Both worlds of `pair`, within the budget together, or one line and exit 2.
    func compare(_ pair: WorldPair) throws -> Comparison {
        do {
            return try Comparison(pair, budget: budget())
        } catch let exceeded as MemoryBudget.Exceeded {
            throw Self.compareFailure(exceeded)
        }
    }

    /// The one line a comparison over the budget ends with.
    static func compareFailure(_ exceeded: MemoryBudget.Exceeded) -> CLIFailure {
        CLIFailure("--compare: \(exceeded.description)")
    }

    /// The timeline of `scenario` up to `events` events (all by default), or one line and
    /// exit 2 when it would pass the budget.
    func build(_ scenario: Scenario, upTo events: Int = .max) throws -> Timeline {
        do {
            return try Engine.build(scenario, upTo: events, budget: budget())
        } catch let exceeded as MemoryBudget.Exceeded {
            throw CLIFailure(exceeded.description)
        }
    }
}
