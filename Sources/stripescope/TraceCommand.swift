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

            With --compare 'COMMANDS' or --compare-with FILE, summary prints both worlds' \
            totals side by side and the first divergence, and summary-json prints one JSON \
            object: a and b (events, dev_pages_read, dev_pages_written, r4w_reads, \
            violations) and first_divergence (null or {a_event, b_event, line, what}). \
            The other formats trace one world and refuse --compare.

            Example: stripescope trace cold-cache --format jsonl | grep r4w_get_page
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, chrome, summary
        case summaryJSON = "summary-json"
    }

    @Argument(help: "A scenario file, or the name of a bundled scenario (see 'stripescope scenarios').", completion: .custom(ScenarioInput.completions))
    var scenario: String

    @OptionGroup var memory: MemoryOption

    @Option(help: "Output format: text, jsonl, chrome, summary or summary-json (with --compare).")
    var format: Format = .text

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var compare: CompareOptions

    func run() throws {
        do {
            let scenario = try ScenarioInput.load(scenario)
            if let pair = try compare.pair(with: scenario) {
                guard format == .summary || format == .summaryJSON else {
                    throw CLIFailure("--compare works with --format summary or summary-json; \(format.rawValue) traces one world")
                }
                let summary = CompareSummary(try memory.compare(pair))
                let sink = try OutputSink(path: output)
                if format == .summary { summary.lines.forEach(sink.line) } else { sink.line(summary.json.encoded) }
                sink.flush()
                return
            }
            guard format != .summaryJSON else {
                throw CLIFailure("--format summary-json compares two worlds; add --compare 'COMMANDS' or --compare-with FILE (or use --format summary)")
            }
            let timeline = try memory.build(scenario)
            let sink = try OutputSink(path: output)
            switch format {
            case .text: timeline.writeTextTrace(to: sink.line)
            case .jsonl: for seq in 0..<timeline.count { sink.line(timeline.json(of: seq)) }
            case .chrome: timeline.writeChromeTrace(to: sink.raw)
            case .summary, .summaryJSON: TraceSummary(timeline).lines.forEach(sink.line)
            }
            sink.flush()
        } catch let failure as CLIFailure {
            failure.exit()
        }
    }
}
