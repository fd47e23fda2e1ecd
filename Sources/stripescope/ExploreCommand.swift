import ArgumentParser
import StripeTerminal
import StripeUI

/// `stripescope explore`: the interactive layout explorer.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore ORE layouts interactively: change RAID level, devices, units, mirrors and groups.")

    @Flag(help: "Draw with ASCII only (automatic in a non-UTF-8 locale).")
    var ascii = false

    func run() throws {
        if let reason = Terminal.unavailableReason() { throw CLIFailure(reason) }
        let ascii = self.ascii || !Terminal.localeIsUTF8()
        var model = ExplorerModel(width: 80, height: 24, ascii: ascii)
        Terminal.run(&model) { model, width, height, colour in
            model.width = width
            model.height = height
            model.theme = Theme(ascii: ascii, monochrome: !colour)
        }
    }
}
