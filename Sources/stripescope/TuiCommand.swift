import ArgumentParser
import Foundation
import StripeAssets
import StripeCore
import StripeTerminal
import StripeUI

/// `stripescope tui [SCENARIO]`: the debugger.
struct TuiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Step through a scenario's write path like a debugger (the default command).",
        discussion: """
            Press ? inside for the keys of the mode in force (the key bar names it); \
            'stripescope keys' lists them all, and ~/.config/stripescope/config.toml rebinds them.

            Mouse: click a page or a unit to open that page, an event row to go there; the wheel \
            scrolls the focused panel; Shift-drag selects text. --no-mouse leaves the mouse to \
            the terminal.

            With --compare 'COMMANDS' or --compare-with FILE, two worlds side by side (stacked \
            below 160 columns): Tab switches the focused world, the stepping keys move it, \
            } and { move both to the next / previous scenario command, ] and [ to the next / \
            previous note, d and D jump to the next / previous divergence and say what differs.
            """)

    @Argument(help: "A scenario file, or the name of a bundled scenario.", completion: .custom(ScenarioInput.completions))
    var scenario: String = BundledScenarios.defaultName

    @Flag(help: "Draw with ASCII only (automatic in a non-UTF-8 locale).")
    var ascii = false

    @Flag(help: "Presentation mode, for a projector: the whole note and the legend always on screen.")
    var present = false

    @Option(help: "Start at this event number.")
    var at: Int = 0

    @OptionGroup var compare: CompareOptions

    @OptionGroup var memory: MemoryOption

    @OptionGroup var appearance: AppearanceOptions

    func run() throws {
        // Parsed as far as the first frame needs; the rest as the build reaches it.
        var scenario = try ScenarioInput.stream(self.scenario)
        let budget = try memory.budget()
        let settings = try appearance.settings()
        // Warnings as `load` prints them, only for a scenario with no bad line: now for one
        // read whole (compare needs all of it), after the screen for one still read as a
        // stream (`debug`).
        if compare.isRequested || scenario.isWhole { scenario = try ScenarioInput.finish(scenario) }
        if let pair = try compare.pair(with: scenario) {
            // The budget before the terminal, as the single debugger checks it: each world's
            // estimate against its half.
            do {
                for world in [pair.a, pair.b] { try Comparison.worldBudget(budget)?.checkEstimate(of: world) }
            } catch {
                throw MemoryOption.compareFailure(error)
            }
            let ascii = try Self.terminalASCII(asked: ascii)
            // World A's first events now; the rest of A and all of B behind the first frame.
            var model: CompareModel
            do {
                model = try CompareModel(opening: pair, budget: budget, width: 80, height: 24, ascii: ascii, at: at)
            } catch {
                throw MemoryOption.compareFailure(error)
            }
            model.keys = settings.keys
            model.message = settings.configError.map { .init(text: $0, isError: true) }
            Terminal.run(&model, mouse: settings.mouse) { model, width, height, colour in
                model.width = width
                model.height = height
                model.theme = Theme(ascii: ascii, monochrome: !colour, palette: settings.palette)
            }
            if let failure = model.buildFailure { throw MemoryOption.compareFailure(failure) }
            return
        }
        try Self.debug(scenario, budget: budget, ascii: ascii, at: at, present: present, settings: settings)
    }

    /// Runs the debugger on `scenario` until the user quits (also `quiz`'s TUI).
    static func debug(_ scenario: Scenario, budget: MemoryBudget, ascii asked: Bool, at: Int, present: Bool = false,
                      settings: AppearanceOptions.Settings) throws {
        let run: EngineRun
        do {
            run = try EngineRun(scenario, budget: budget)
        } catch {
            throw CLIFailure(error.description)
        }
        let ascii: Bool
        do {
            ascii = try terminalASCII(asked: asked)
        } catch {
            // Without a terminal, what is wrong with all of the scenario is said first, as
            // before it was read as a stream: a bad line, then the budget's estimate.
            let whole = scenario.isWhole ? scenario : try ScenarioInput.finish(scenario)
            do { try budget.checkEstimate(of: whole) } catch { throw CLIFailure(error.description) }
            throw error
        }
        // The first events now, the rest while the screen is up.
        run.build(upTo: DebuggerModel.firstFrameEvents(at: at))
        if let failure = run.failure { throw CLIFailure(failure.description) }
        if let error = run.parseError { throw CLIFailure(error.description) }
        var model = DebuggerModel(timeline: run.timeline, width: 80, height: 24, ascii: ascii, at: at)
        model.building = run.isFinished ? nil : run
        model.budget = budget
        model.keys = settings.keys
        model.mouse = settings.mouse
        model.message = settings.configError.map { .init(text: $0, isError: true) }
        model.present = present
        // `:w` writes in place, like `-o` (OutputSink.openInPlace).
        model.files = ScenarioFiles(bundled: BundledScenarios.all, read: ScenarioInput.readRegularFile) { path, text in
            do {
                let handle = try OutputSink.openInPlace(path)
                try handle.write(contentsOf: Data(text.utf8))
            } catch let failure as CLIFailure {
                throw ScenarioLoadError(description: failure.message)
            } catch {
                throw ScenarioLoadError(description: "\(path.shownName): cannot be written: \(error.localizedDescription)")
            }
        }
        Terminal.run(&model, mouse: settings.mouse) { model, width, height, colour in
            model.width = width
            model.height = height
            model.theme = Theme(ascii: ascii, monochrome: !colour, palette: settings.palette)
        }
        // The build shown stopped at the budget (the first one, or an edit's that took over).
        if let failure = (model.building ?? run).failure { throw CLIFailure(failure.description) }
        // A bad line the build reached after the screen was up (`Scenario+Stream`): the
        // terminal is restored, and the line is the one `check` prints for the file.
        if let error = (model.building ?? run).parseError { throw CLIFailure(error.description) }
        guard !scenario.isWhole else { return }
        // Quit before the build reached the file's end: the rest is parsed now, the
        // screen already gone, so a bad line there is still said as `check` says it.
        _ = try ScenarioInput.finish(run.timeline.scenario)
    }

    /// Fails when there is no usable terminal; else whether to draw with ASCII only.
    static func terminalASCII(asked: Bool) throws -> Bool {
        if let reason = Terminal.unavailableReason() { throw CLIFailure(reason) }
        return asked || !Terminal.localeIsUTF8()
    }
}
