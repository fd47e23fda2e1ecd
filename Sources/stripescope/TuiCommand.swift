import ArgumentParser
import StripeAssets
import StripeCore
import StripeTerminal
import StripeUI

/// `stripescope tui [SCENARIO]`: the debugger.
struct TuiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Step through a scenario's write path like a debugger (the default command).",
        discussion: "Press ? inside for every key.")

    @Argument(help: "A scenario file, or the name of a bundled scenario.", completion: .custom(ScenarioInput.completions))
    var scenario: String = BundledScenarios.defaultName

    @Flag(help: "Draw with ASCII only (automatic in a non-UTF-8 locale).")
    var ascii = false

    @Option(help: "Start at this event number.")
    var at: Int = 0

    @OptionGroup var memory: MemoryOption

    func run() throws {
        let scenario = try ScenarioInput.load(self.scenario)
        let budget = try memory.budget()
        let run: EngineRun
        do {
            run = try EngineRun(scenario, budget: budget)
        } catch {
            throw CLIFailure(error.description)
        }
        if let reason = Terminal.unavailableReason() { throw CLIFailure(reason) }
        // The first events now, the rest while the screen is up.
        run.build(upTo: max(DebuggerModel.firstFrameEvents, at.addingReportingOverflow(2).partialValue))
        if let failure = run.failure { throw CLIFailure(failure.description) }
        let ascii = self.ascii || !Terminal.localeIsUTF8()
        var model = DebuggerModel(timeline: run.timeline, width: 80, height: 24, ascii: ascii, at: at)
        model.building = run.isFinished ? nil : run
        model.budget = budget
        Terminal.run(&model) { model, width, height, colour in
            model.width = width
            model.height = height
            model.theme = Theme(ascii: ascii, monochrome: !colour)
        }
        if let failure = run.failure { throw CLIFailure(failure.description) }
    }
}
