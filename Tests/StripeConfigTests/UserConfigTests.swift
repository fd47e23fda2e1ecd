import Testing
import StripeConfig
import StripeUI

/// config.toml: what a good file sets, where a bad one is wrong (line and column), and
/// that the bindings printed as TOML read back as the same bindings.
struct UserConfigTests {
    @Test func goodFileSetsKeysPerModeThemeAndMouse() throws {
        let text = """
            # mine
            theme = "colorblind"
            mouse = false

            [keys.normal]
            step = ["PageDown", "x"]
            quit = "Q"

            [keys.split]
            step = ["<C-n>"]
            """
        let config = try UserConfig.parse(text, file: "config.toml")
        #expect(config.theme == .colorblind)
        #expect(config.mouse == false)
        #expect(config.keys.keys(.step, in: .normal) == [.pageDown, .character("x")])
        #expect(config.keys.action(for: .right, in: .normal) == nil, "a binding replaces the defaults")
        #expect(config.keys.keys(.quit, in: .normal) == [.character("Q")])
        #expect(config.keys.keys(.step, in: .split) == [.control("n")], "each mode its own")
        #expect(config.keys.keys(.stepBack, in: .split) == KeyMap.defaults.keys(.stepBack, in: .split))
        #expect(config.keys.keys(.help, in: .explorer) == KeyMap.defaults.keys(.help, in: .explorer))
    }

    @Test func emptyFileIsTheDefaults() throws {
        let config = try UserConfig.parse("", file: "c.toml")
        #expect(config.theme == nil && config.mouse == nil)
        #expect(UserConfig.toml(config.keys, theme: .default, mouse: true) == UserConfig.toml(.defaults, theme: .default, mouse: true))
    }

    /// (text, line, column, words the message must have)
    static let bad: [(String, Int, Int, String)] = [
        ("theme = \"mono\"\n[keys.normal]\nstep = [\"Right\"\n", 3, 17, "parsing array"),
        ("mouse = yes\n", 1, 9, "parsing value"),
        ("[keys.normal]\nstep = [\"l\"]\n\n  bogus = [\"a\"]\n", 4, 3, "unknown action 'bogus' in keys.normal"),
        ("[keys.normal]\nstep = [\"Right\", \"Hyper-x\"]\n", 2, 18, "unknown key 'Hyper-x'"),
        ("[keys.nrmal]\nstep = [\"l\"]\n", 1, 1, "unknown mode 'nrmal'"),
        ("theme = \"rainbow\"\n", 1, 1, "unknown theme 'rainbow'"),
        ("colour = true\n", 1, 1, "unknown setting 'colour'"),
        ("[keys.normal]\nstep = [\"x\"]\nnext = [\"x\"]\n", 3, 9, "x is bound to both step and next"),
        ("[keys.normal]\nhelp = [\"C-l\"]\n", 2, 9, "terminal's own key"),
        ("[keys.page_cursor]\nstep = [\"s\"]\n", 2, 1, "unknown action 'step' in keys.page_cursor"),
        ("[keys.explorer]\nnext_raid = 3\n", 2, 1, "expected a list of key names"),
    ]

    @Test(arguments: bad)
    func badFileSaysWhereAndWhat(text: String, line: Int, column: Int, words: String) {
        do {
            _ = try UserConfig.parse(text, file: "/home/u/.config/stripescope/config.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix("/home/u/.config/stripescope/config.toml:\(line):\(column): "), "\(error)")
            #expect(error.description.contains(words), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aBadFileLoadsAsTheDefaultsWithOneErrorLine() {
        let (config, error) = UserConfig.load(path: "/c.toml") { _ in "[keys.normal]\nstep = 1\n" }
        #expect(config.keys.keys(.step, in: .normal) == KeyMap.defaults.keys(.step, in: .normal))
        #expect(error?.hasPrefix("/c.toml:2:1: step: expected a list") == true, "\(error ?? "")")
        let missing = UserConfig.load(path: "/none.toml") { _ in nil }
        #expect(missing.error == nil)
    }

    @Test func theFileIsWhereXDGSays() {
        #expect(UserConfig.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/stripescope/config.toml")
        #expect(UserConfig.path(environment: ["HOME": "/h"]) == "/h/.config/stripescope/config.toml")
        // The XDG spec ignores a relative XDG_CONFIG_HOME.
        #expect(UserConfig.path(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]) == "/h/.config/stripescope/config.toml")
    }

    /// Every mode and action as printed reads back as the same keys, with the user's
    /// own bindings (quotes and backslashes included) in place.
    @Test func tomlRoundTrips() throws {
        var keys = KeyMap.defaults
        keys.bind(.step, in: .normal, to: [.pageDown, .character("\""), .character("\\")])
        keys.bind(.nextDivergence, in: .split, to: [.function(5)])
        keys.bind(.undo, in: .normal, to: [])
        let text = UserConfig.toml(keys, theme: .mono, mouse: false)
        let back = try UserConfig.parse(text, file: "printed.toml")
        #expect(back.theme == .mono && back.mouse == false)
        for mode in KeyMode.allCases {
            for action in keys.actions(in: mode) {
                #expect(back.keys.keys(action, in: mode) == keys.keys(action, in: mode), "\(mode) \(action)")
            }
        }
        #expect(UserConfig.toml(back.keys, theme: .mono, mouse: false) == text)
    }
}
