import ArgumentParser
import StripeCore
import StripeTerminal
import StripeUI

/// `stripescope explore`: the interactive layout explorer.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore ORE layouts interactively: change RAID level, devices, units, mirrors and groups.")

    @Flag(help: "Draw with ASCII only (automatic in a non-UTF-8 locale).")
    var ascii = false

    @OptionGroup var appearance: AppearanceOptions

    func run() throws {
        if let reason = Terminal.unavailableReason() { throw CLIFailure(reason) }
        let ascii = self.ascii || !Terminal.localeIsUTF8()
        let settings = try appearance.settings()
        var model = ExplorerModel(width: 80, height: 24, ascii: ascii)
        model.keys = settings.keys
        model.message = settings.configError
        Terminal.run(&model, mouse: settings.mouse) { model, width, height, colour in
            model.width = width
            model.height = height
            model.theme = Theme(ascii: ascii, monochrome: !colour, palette: settings.palette)
        }
    }
}
