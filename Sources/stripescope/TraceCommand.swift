import ArgumentParser
import StripeCore

/// `stripescope trace SCENARIO`: the timeline, for people or for other tools.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print a scenario's timeline: every event of the write path.",
        discussion: """
            Formats: text (indented by call depth, with write-hole windows), jsonl (one \
            JSON object per event: seq, kind, depth, then the kind's fields, such as fn and \
            args of a call, index of a page event, dev and extents of a request), chrome (Chrome trace event JSON \
            for Perfetto: one microsecond per event), summary (totals only).

            Example: stripescope trace cold-cache --format jsonl | grep r4w_get_page
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, chrome, summary
    }

    @Argument(help: "A scenario file, or the name of a bundled scenario (see 'stripescope scenarios').", completion: .custom(ScenarioInput.completions))
    var scenario: String

    @OptionGroup var memory: MemoryOption

    @Option(help: "Output format: text, jsonl, chrome or summary.")
    var format: Format = .text

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        do {
            let timeline = try memory.build(try ScenarioInput.load(scenario))
            let sink = try OutputSink(path: output)
            switch format {
            case .text: timeline.writeTextTrace(to: sink.line)
            case .jsonl: for seq in 0..<timeline.count { sink.line(timeline.json(of: seq)) }
            case .chrome: timeline.writeChromeTrace(to: sink.raw)
            case .summary: TraceSummary(timeline).lines.forEach(sink.line)
            }
            sink.flush()
        } catch let failure as CLIFailure {
            failure.exit()
        }
    }
}
