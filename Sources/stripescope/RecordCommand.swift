import ArgumentParser
import StripeAssets
import StripeCore
import StripeUI

/// `stripescope record SCENARIO -o demo.cast`: an asciicast of the TUI playing.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record the TUI playing a scenario, event by event, as an asciicast v2 file.",
        discussion: """
            One frame per event (at most \(Asciicast.maxFrames): longer timelines skip events \
            evenly and keep the last), with markers at every command and note. With \
            --narrate, each note stays on screen that many seconds longer, for a lesson. With \
            --compare or --compare-with: the split frame, world A event by event and world B alongside.

            Example: stripescope record partial-stripe -o demo.cast && asciinema play demo.cast
            """)

    @Argument(help: "A scenario file, or the name of a bundled scenario.", completion: .custom(ScenarioInput.completions))
    var scenario: String

    @OptionGroup var memory: MemoryOption

    @Option(name: [.short, .long], help: "The .cast file to write.")
    var output: String

    @Option(help: "Frame size as COLSxROWS.")
    var size: String = "120x40"

    @Option(help: "Seconds between two frames.")
    var speed: Double = 0.15

    @Option(help: ArgumentHelp("Follow the narration: pause this many seconds at each note.", valueName: "seconds"))
    var narrate: Double = 0

    @OptionGroup var compare: CompareOptions

    func run() throws {
        let (width, height) = try RenderCommand.parseSize(size)
        guard speed > 0, speed <= 60 else { throw CLIFailure("--speed: expected seconds per frame from 0 to 60, found \(speed)") }
        guard narrate >= 0, narrate <= 600 else { throw CLIFailure("--narrate: expected seconds at each note from 0 to 600, found \(narrate)") }
        let scenario = try ScenarioInput.load(scenario)
        if let pair = try compare.pair(with: scenario) {
            let sink = try OutputSink(path: output)
            CompareCast(comparison: try memory.compare(pair), width: width, height: height, secondsPerFrame: speed).write(to: sink.line)
            sink.flush()
            return
        }
        let timeline = try memory.build(scenario)
        let sink = try OutputSink(path: output)
        Asciicast(timeline: timeline, width: width, height: height, secondsPerFrame: speed, secondsAtNote: narrate).write(to: sink.line)
        sink.flush()
    }
}
