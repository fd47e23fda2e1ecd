import Foundation
import StripeCore
import StripeUI
import TOMLKit

/// The user's `config.toml` (SPEC 9.1): key bindings per mode, the theme and the mouse.
/// Read with TOMLKit; every error is one line with file:line:column.
public struct UserConfig: Sendable {
    public var keys = KeyMap.defaults
    /// nil: not set (the command line or the default decides).
    public var theme: Theme.Palette?
    public var mouse: Bool?

    public init() {}

    /// Where the config file is: `$XDG_CONFIG_HOME/stripescope/config.toml`, else
    /// `~/.config/stripescope/config.toml`; nil without either variable.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/stripescope/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/stripescope/config.toml" }
        return nil
    }

    /// Parses `text`, the file `file`; throws one line that says where and what to fix.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> UserConfig {
        let shownFile = file.shownName
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: shownFile, line: error.source.begin.line, column: error.source.begin.column,
                              message: error.description.terminalSafe)
        } catch {
            throw ConfigError(file: shownFile, line: 1, column: 1, message: "not TOML")
        }
        var config = UserConfig()
        let locate = SourceLocator(text: text)
        let fail = { (path: [String], value: String?, message: String) -> ConfigError in
            let (line, column) = locate.position(of: path, value: value)
            return ConfigError(file: shownFile, line: line, column: column, message: message)
        }
        for key in table.keys {
            let value = table[key]!
            switch key {
            case "theme":
                guard let name = value.string else { throw fail([key], nil, "theme: expected a string, one of \(Self.themeNames)") }
                guard let palette = Theme.Palette(rawValue: name) else {
                    throw fail([key], nil, "theme: unknown theme \(name.quotedExcerpt); expected one of \(Self.themeNames)")
                }
                config.theme = palette
            case "mouse":
                guard let on = value.bool else { throw fail([key], nil, "mouse: expected true or false") }
                config.mouse = on
            case "keys":
                guard let modes = value.table else { throw fail([key], nil, "keys: expected a table per mode, like [keys.normal]") }
                try config.readKeys(modes, fail, locate)
            default:
                throw fail([key], nil, "unknown setting \(key.quotedExcerpt); expected keys, theme or mouse")
            }
        }
        return config
    }

    private static var themeNames: String { Theme.Palette.allCases.map(\.rawValue).joined(separator: ", ") }

    /// `[keys.MODE]` tables: `action = ["Right", "l"]` replaces the action's keys.
    private mutating func readKeys(_ modes: TOMLTable, _ fail: ([String], String?, String) -> ConfigError,
                                   _ locate: SourceLocator) throws(ConfigError) {
        let modeNames = KeyMode.allCases.map(\.rawValue).joined(separator: ", ")
        // In the file's order (TOMLKit's tables are sorted), so an error names the later line.
        let inOrder = { (path: [String], names: [String]) in names.sorted { locate.position(of: path + [$0], value: nil) < locate.position(of: path + [$1], value: nil) } }
        for modeName in inOrder(["keys"], modes.keys) {
            guard let mode = KeyMode(rawValue: modeName) else {
                throw fail(["keys", modeName], nil, "unknown mode \(modeName.quotedExcerpt); expected one of \(modeNames)")
            }
            guard let actions = modes[modeName]!.table else {
                throw fail(["keys", modeName], nil, "keys.\(modeName): expected a table of action = [keys]")
            }
            // Which action of this config took each key, so a key given twice is named.
            var taken: [Key: String] = [:]
            for actionName in inOrder(["keys", modeName], actions.keys) {
                let path = ["keys", modeName, actionName]
                guard let action = KeyAction(rawValue: actionName), keys.actions(in: mode).contains(action) else {
                    let known = keys.actions(in: mode).map(\.rawValue).joined(separator: ", ")
                    throw fail(path, nil, "unknown action \(actionName.quotedExcerpt) in keys.\(modeName); expected one of \(known)")
                }
                let value = actions[actionName]!
                // A list of names, or one name alone.
                let list = value.array.map { Array($0) } ?? [value]
                let names = list.compactMap { $0.string }
                guard names.count == list.count else {
                    throw fail(path, nil, "\(actionName): expected a list of key names, like [\"Right\", \"l\", \"C-n\"]")
                }
                var bound: [Key] = []
                for name in names {
                    guard let key = Key(configName: name) else {
                        throw fail(path, name, "\(actionName): unknown key \(name.quotedExcerpt); expected a character, C-x, F1..F12, or one of Right Left Up Down Home End PageUp PageDown Tab S-Tab Enter Esc Backspace Space")
                    }
                    if let other = taken[key] {
                        throw fail(path, name, "\(key.configName) is bound to both \(other) and \(actionName) in keys.\(modeName)")
                    }
                    if KeyMap.terminalKeys.contains(key) {
                        throw fail(path, name, "\(key.configName) is the terminal's own key (redraw / suspend); choose another")
                    }
                    taken[key] = actionName
                    bound.append(key)
                }
                keys.bind(action, in: mode, to: bound)
            }
        }
    }

    /// Reads the config file at `path` through `read` (nil: no file there). A missing
    /// file is no error; a bad one gives the defaults and its one error line.
    public static func load(path: String?, read: (String) throws -> String?) -> (config: UserConfig, error: String?) {
        guard let path else { return (UserConfig(), nil) }
        do {
            guard let text = try read(path) else { return (UserConfig(), nil) }
            return (try parse(text, file: path), nil)
        } catch let error as ConfigError {
            return (UserConfig(), error.description)
        } catch {
            return (UserConfig(), "\(path.shownName): cannot be read: \(String(describing: error).terminalSafe)")
        }
    }

    /// The bindings in force as a config file (`stripescope keys --format toml`): a table
    /// per mode, every bindable action with its keys; parsing it gives the same keys.
    public static func toml(_ keys: KeyMap, theme: Theme.Palette, mouse: Bool) -> String {
        var lines = ["# StripeScope's key bindings in force: copy to ~/.config/stripescope/config.toml and edit.",
                     "# A binding replaces the action's default keys. Key names: a character, C-x, F1..F12, Right,",
                     "# Left, Up, Down, Home, End, PageUp, PageDown, Tab, S-Tab, Enter, Esc, Backspace, Space.",
                     "theme = \"\(theme.rawValue)\"", "mouse = \(mouse)"]
        for mode in KeyMode.allCases {
            lines += ["", "[keys.\(mode.rawValue)]"]
            for action in keys.actions(in: mode) {
                let names = keys.keys(action, in: mode).map { tomlString($0.configName) }
                lines.append("\(action.rawValue) = [\(names.joined(separator: ", "))]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string.
    private static func tomlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A config file error: one line, `file:line:column: what to fix`.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Finds where a key (and a value in it) stands in the TOML text: TOMLKit's tables carry
/// no positions, so errors found after parsing look the line up in the text.
struct SourceLocator {
    let lines: [Substring]

    init(text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// Line and column (1-based) of the last name of `path` under its table header, and of
    /// `value` on that line when given; the first line that names it otherwise.
    func position(of path: [String], value: String?) -> (line: Int, column: Int) {
        let table = path.dropLast().joined(separator: ".")
        var current = ""
        var fallback: (Int, Int)?
        for (n, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let column = line.count - trimmed.count + 1
            if trimmed.hasPrefix("[") {
                current = String(trimmed.dropFirst().prefix { $0 != "]" }).filter { $0 != " " && $0 != "\"" }
                if path.count == 2, current == path.joined(separator: ".") { return (n + 1, column) }
                continue
            }
            let key = String(trimmed.prefix { $0 != "=" }).filter { $0 != " " && $0 != "\"" && $0 != "\t" }
            guard key == path.last! || key.hasSuffix("." + path.last!) else { continue }
            var at = column
            if let value, let range = line.range(of: "\"" + value) { at = line.distance(from: line.startIndex, to: range.lowerBound) + 1 }
            if current == table || (table.isEmpty && current.isEmpty) { return (n + 1, at) }
            if fallback == nil { fallback = (n + 1, at) }
        }
        return fallback ?? (1, 1)
    }
}
