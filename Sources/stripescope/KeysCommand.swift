import ArgumentParser
import StripeConfig
import StripeCore
import StripeUI

/// `stripescope keys`: the key bindings in force (the defaults with the user's config
/// applied), per mode; `--format toml` prints them as a config file to start from.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the key bindings in force, per mode (with --format toml, as a config.toml).",
        discussion: """
            The config file is $XDG_CONFIG_HOME/stripescope/config.toml, else \
            ~/.config/stripescope/config.toml: [keys.MODE] tables of action = ["Right", "l"], \
            theme = "default" | "colorblind" | "mono", mouse = true | false.
            """)

    @Option(help: "text (a table per mode), toml (a config file) or markdown (the README's key section).")
    var format = "text"

    @OptionGroup var appearance: AppearanceOptions

    func run() throws {
        let settings = try appearance.settings()
        let output = try OutputSink(path: nil)
        switch format {
        case "toml":
            output.raw(UserConfig.toml(settings.keys, theme: settings.palette, mouse: settings.mouse))
        case "markdown":
            output.line(settings.keys.markdown)
        case "text":
            for mode in KeyMode.allCases {
                output.line("\(mode.title.lowercased()) mode\(mode.parent.map { " (and \($0.rawValue) mode's keys it does not rebind)" } ?? "")")
                for row in settings.keys.rows(mode) {
                    for action in row.actions {
                        let keys = row.keys.filter { $0.action == action }.map(\.key.configName).joined(separator: " ")
                        output.line("  \(action.rawValue.padded(to: 20)) \(keys.isEmpty ? "(none)" : keys)")
                    }
                }
            }
        default:
            throw CLIFailure("--format: expected text, toml or markdown, found \(format.quotedExcerpt)")
        }
        output.flush()
    }
}

extension String {
    /// Left-aligned in `width` columns.
    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
