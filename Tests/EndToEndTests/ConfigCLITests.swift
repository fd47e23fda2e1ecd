import Foundation
import Testing

/// `stripescope keys` and the config file under XDG_CONFIG_HOME, as a user sets them up.
struct ConfigCLITests {
    /// A config home with `config` as its stripescope/config.toml (none when nil).
    static func home(_ config: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stripescope-xdg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("stripescope"), withIntermediateDirectories: true)
        try config?.write(to: dir.appendingPathComponent("stripescope/config.toml"), atomically: true, encoding: .utf8)
        return dir
    }

    static func keys(_ home: URL, _ extra: [String] = [], environment: [String] = []) throws -> Subprocess.Result {
        try Subprocess.run("/usr/bin/env", ["-u", "NO_COLOR", "XDG_CONFIG_HOME=\(home.path)"] + environment + [Binary.path, "keys"] + extra)
    }

    /// The TOML printed, used as the config file, prints itself again; a rebinding
    /// shows in both formats.
    @Test func keysTomlRoundTrips() throws {
        let empty = try Self.home(nil)
        defer { try? FileManager.default.removeItem(at: empty) }
        let printed = try Self.keys(empty, ["--format", "toml"])
        #expect(printed.status == 0 && printed.stderr.isEmpty)
        #expect(printed.stdout.contains("[keys.normal]\nstep = [\"Right\", \"l\", \"s\"]\n"))
        for mode in ["normal", "page_cursor", "prompt", "breakpoint_list", "note_pause", "split", "explorer"] {
            #expect(printed.stdout.contains("[keys.\(mode)]\n"), "\(mode)")
        }
        let edited = printed.stdout.replacingOccurrences(of: "step = [\"Right\", \"l\", \"s\"]", with: "step = [\"F5\", \"X\"]")
        let home = try Self.home(edited)
        defer { try? FileManager.default.removeItem(at: home) }
        let again = try Self.keys(home, ["--format", "toml"])
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        #expect(again.stdout == edited)
        let text = try Self.keys(home)
        #expect(text.stdout.contains("  step                 F5 X\n"))
    }

    @Test func noColorMeansTheMonoTheme() throws {
        let home = try Self.home("theme = \"colorblind\"\n")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try Self.keys(home, ["--format", "toml"]).stdout.contains("theme = \"colorblind\""))
        #expect(try Self.keys(home, ["--format", "toml"], environment: ["NO_COLOR=1"]).stdout.contains("theme = \"mono\""))
        let ansi = try Subprocess.run("/usr/bin/env", ["NO_COLOR=1", Binary.path, "render", "partial-stripe", "--format", "ansi", "--at", "90"])
        #expect(ansi.status == 0)
        #expect(ansi.stdout.range(of: "\u{1b}\\[[0-9;]*;(3|4)[0-7]m", options: .regularExpression) == nil, "no colour code")
        #expect(ansi.stdout.contains("\u{1b}[0;1m"), "attributes still")
    }

    @Test func aBrokenConfigIsOneLineAndTheDefaults() throws {
        let home = try Self.home("[keys.normal]\nstep = [\"Right\"\nmouse = true\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try Self.keys(home, ["--format", "toml"])
        #expect(r.status == 0)
        let file = home.appendingPathComponent("stripescope/config.toml").path
        #expect(r.stderr.hasPrefix("stripescope: config: \(file):3:1: "), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stdout.contains("step = [\"Right\", \"l\", \"s\"]"))
    }

    @Test func anUnknownActionIsNamed() throws {
        let home = try Self.home("[keys.normal]\nstep = [\"l\"]\njump = [\"j\"]\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let r = try Self.keys(home)
        #expect(r.stderr.contains("config.toml:3:1: unknown action 'jump' in keys.normal"), "\(r.stderr)")
    }
}
