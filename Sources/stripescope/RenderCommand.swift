import ArgumentParser
import StripeCore
import StripeUI

/// `stripescope render SCENARIO`: the TUI's frame at one event, as plain text.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the TUI's frame at an event: plain text, ANSI colours, SVG or HTML; no terminal needed.",
        discussion: """
            With --compare 'COMMANDS' or --compare-with FILE: the split frame of the two worlds \
            (side by side from 160 columns, stacked below); --at is world A's event, world B \
            stands at the event aligned with it.

            Example: stripescope render cold-cache --at end --format svg > frame.svg
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, ansi, svg, html
    }

    @Argument(help: "A scenario file, or the name of a bundled scenario.", completion: .custom(ScenarioInput.completions))
    var scenario: String

    @Option(help: "text (plain), ansi (colours for a terminal or less -R), svg or html (for slides).")
    var format: Format = .text

    @Option(help: "The event number to stand at, or 'end'. Only the events up to it (and the frame's) are built.")
    var at: String = "0"

    @OptionGroup var memory: MemoryOption

    @Option(help: "Frame size as COLSxROWS, at least 80x24.")
    var size: String = "120x40"

    @Flag(help: "ASCII borders and glyphs only.")
    var ascii = false

    @OptionGroup var compare: CompareOptions

    @Option(help: "Colours of ansi, svg and html: default, colorblind or mono (NO_COLOR alone: mono).")
    var theme: String?

    func run() throws {
        let (width, height) = try Self.parseSize(size)
        guard width >= DebuggerModel.minimumWidth, height >= DebuggerModel.minimumHeight else {
            throw CLIFailure("--size: the frame needs at least \(DebuggerModel.minimumWidth)x\(DebuggerModel.minimumHeight), found '\(size)'")
        }
        let palette = format == .text ? .mono : try AppearanceOptions.palette(theme) ?? (AppearanceOptions.noColor() ? .mono : .default)
        let scenario = try ScenarioInput.load(scenario)
        let screen: Screen
        let title: String
        if let pair = try compare.pair(with: scenario) {
            let comparison = try memory.compare(pair)
            let seq = try Self.event(at, in: comparison.a)
            var model = CompareModel(comparison: comparison, width: width, height: height, ascii: ascii, at: seq)
            model.theme = Theme(ascii: ascii, monochrome: false, palette: palette)
            screen = model.view()
            title = "StripeScope: \(scenario.title) compared with \(pair.label), event \(seq)"
        } else {
            // Only as far as the frame looks: the event, the one after it (what it produced),
            // the event log's rows, and a keyframe's worth more.
            let upTo = Int(at).map { $0 < Int.max / 2 ? $0 + 2 + height + 4096 : .max } ?? .max
            let timeline = try memory.build(scenario, upTo: upTo)
            let seq = try Self.event(at, in: timeline)
            var model = DebuggerModel(timeline: timeline, width: width, height: height, ascii: ascii, at: seq)
            model.theme = Theme(ascii: ascii, monochrome: false, palette: palette)
            screen = model.view()
            title = "StripeScope: \(timeline.scenario.title), event \(seq)"
        }
        switch format {
        case .text: print(screen.text)
        case .ansi: print(ANSIFrame.render(screen))
        case .svg: print(SVGFrame.document(screen, title: title), terminator: "")
        case .html: print(HTMLFrame.document(screen, title: title), terminator: "")
        }
    }

    /// `--at EVENT|end` as an event number of `timeline`.
    static func event(_ at: String, in timeline: Timeline) throws -> Int {
        if at == "end" { return timeline.count - 1 }
        guard let n = Int(at), n >= 0, n < timeline.count else {
            throw CLIFailure("--at: expected an event number from 0 to \(timeline.count - 1) or 'end', found \(at.quotedExcerpt)")
        }
        return n
    }

    /// `COLSxROWS`, each from 1 to 1000.
    static func parseSize(_ text: String) throws -> (Int, Int) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else {
            throw CLIFailure("--size: expected COLSxROWS like 120x40 (each 1 to 1000), found '\(text)'")
        }
        return (w, h)
    }
}
