import ArgumentParser
import StripeAssets
import StripeCore

/// `stripescope scenarios`: the bundled scenarios and their titles.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the bundled scenarios with their titles.")

    func run() throws {
        let width = BundledScenarios.all.map(\.name.count).max() ?? 0
        for (name, text) in BundledScenarios.all {
            let title = (try? ScenarioParser.parse(text, name: name).title) ?? name
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + title)
        }
    }
}
