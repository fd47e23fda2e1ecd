import ArgumentParser
import Foundation
import StripeConfig
import StripeCore
import StripeUI

/// `--theme` and `--no-mouse`, with the user's config.toml beneath them: what the TUI's
/// keys, colours and mouse are.
struct AppearanceOptions: ParsableArguments {
    @Option(help: "Colours: default, colorblind (no red/green pair) or mono (none; NO_COLOR too, unless --theme says).")
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (without it, Shift-drag selects text).")
    var noMouse = false

    /// What is in force: the command line over the config file over the defaults.
    struct Settings {
        var keys: KeyMap
        var palette: Theme.Palette
        var mouse: Bool
        /// The config file's error, one line, shown on the status line too.
        var configError: String?
    }

    /// The palette `--theme` names, if given.
    static func palette(_ name: String?) throws -> Theme.Palette? {
        try name.map { name in
            guard let palette = Theme.Palette(rawValue: name) else {
                throw CLIFailure("--theme: expected default, colorblind or mono, found \(name.quotedExcerpt)")
            }
            return palette
        }
    }

    /// https://no-color.org: a non-empty NO_COLOR means no colour, whatever else says.
    static func noColor(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Reads the config file (a bad one: its error line on stderr, and the defaults) and
    /// applies the options; a bad `--theme` is bad input.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        let explicit = try Self.palette(theme)
        let (config, error) = UserConfig.load(path: UserConfig.path(environment: environment)) { path in
            try ScenarioInput.readRegularFile(path).map { String(decoding: $0, as: UTF8.self) }
        }
        if let error { FileHandle.standardError.write(Data("stripescope: config: \(error.terminalSafe)\n".utf8)) }
        // no-color.org: an option given on the command line wins over NO_COLOR.
        return Settings(keys: config.keys, palette: explicit ?? (Self.noColor(environment) ? .mono : config.theme ?? .default),
                        mouse: !noMouse && (config.mouse ?? true), configError: error.map { "config: " + $0 })
    }
}
