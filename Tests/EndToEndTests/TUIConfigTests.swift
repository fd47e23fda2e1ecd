import Foundation
import Testing

/// The user's keys, colours and mouse in a real terminal (tmux 120×40).
@Suite(.enabled(if: Tmux.available, "tmux is not installed"))
struct TUIConfigTests {
    /// tmux running the TUI on partial-stripe with `config` as the user's config.toml.
    static func start(_ config: String?, _ arguments: String = "", environment: String = "") throws -> (Tmux, URL) {
        let home = try ConfigCLITests.home(config)
        let tmux = try Tmux("env -u NO_COLOR XDG_CONFIG_HOME='\(home.path)' \(environment) \(Binary.path) partial-stripe \(arguments); sleep 120")
        return (tmux, home)
    }

    /// Step rebound to `x`: `x` steps, `→` does nothing and says so, and the key bar shows `x step`.
    @Test func reboundStepStepsAndTheOldKeyDoesNothing() throws {
        let (tmux, home) = try Self.start("[keys.normal]\nstep = [\"x\"]\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let first = tmux.wait { $0.contains("event 0/97") }
        #expect(first.contains("NORMAL  x step"), "\(first)")
        try tmux.send("Right")
        let refused = tmux.wait { $0.contains("does nothing") }
        #expect(refused.contains("→ does nothing in normal mode"))
        #expect(refused.contains("event 0/97"))
        try tmux.send("x", "x")
        #expect(tmux.wait { $0.contains("event 2/97") }.contains("event 2/97"))
        try tmux.send("q")
    }

    @Test func aBrokenConfigIsOneErrorLineAndTheScreen() throws {
        let (tmux, home) = try Self.start("[keys.normal]\nstep = [\"Right\", \"Hyper\"]\n")
        defer { try? FileManager.default.removeItem(at: home) }
        let screen = tmux.wait { $0.contains("event 0/97") && $0.contains("config:") }
        let errors = screen.split(separator: "\n").filter { $0.contains("config:") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("stripescope/config.toml:2:18: step: unknown key") == true, "\(errors)")
        #expect(screen.contains("page cache"))
        try tmux.send("Right")
        #expect(tmux.wait { $0.contains("event 1/97") }.contains("event 1/97"), "the defaults are in force")
        try tmux.send("q")
    }

    /// tmux's own view of the pane's mouse modes, reporting (1000) and SGR (1006), once
    /// the screen is up and the flags read `expected` (or 15 s passed: the last reading).
    static func mouseFlags(_ tmux: Tmux, expected: String) throws -> String {
        tmux.wait { $0.contains("event 0/97") }
        let deadline = Date().addingTimeInterval(15)
        var flags = ""
        repeat {
            flags = try Tmux.run(["display-message", "-p", "-t", tmux.name, "#{mouse_standard_flag}#{mouse_sgr_flag}"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if flags == expected { break }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return flags
    }

    @Test func mouseIsOnByDefaultAndOffWithNoMouse() throws {
        let (on, home) = try Self.start(nil)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try Self.mouseFlags(on, expected: "11") == "11")
        let (off, offHome) = try Self.start(nil, "--no-mouse")
        defer { try? FileManager.default.removeItem(at: offHome) }
        #expect(try Self.mouseFlags(off, expected: "00") == "00")
        let (config, configHome) = try Self.start("mouse = false\n")
        defer { try? FileManager.default.removeItem(at: configHome) }
        #expect(try Self.mouseFlags(config, expected: "00") == "00")
    }

    /// A left click as an xterm SGR report (1-based column and row, press then release),
    /// typed into the pane as the terminal would send it.
    static func click(_ tmux: Tmux, column: Int, row: Int) throws {
        try tmux.send("-l", "\u{1b}[<0;\(column);\(row)M")
        try tmux.send("-l", "\u{1b}[<0;\(column);\(row)m")
    }

    /// At event 40 the page grid's first row is screen row 7; column 12 is page 1's cell
    /// (after the row's label `s0  0`, page 0's cell is columns 8 to 11).
    @Test func aClickOnAPageOpensItAndNoMouseIgnoresIt() throws {
        let (tmux, home) = try Self.start(nil, "--at 40")
        defer { try? FileManager.default.removeItem(at: home) }
        tmux.wait { $0.contains("event 40/97") }
        try Self.click(tmux, column: 12, row: 7)
        #expect(tmux.wait { $0.contains("page 1 (Esc closes)") }.contains("page 1 (Esc closes)"))
        let (off, offHome) = try Self.start(nil, "--at 40 --no-mouse")
        defer { try? FileManager.default.removeItem(at: offHome) }
        off.wait { $0.contains("event 40/97") }
        try Self.click(off, column: 12, row: 7)
        try off.send("Right")
        let screen = off.wait { $0.contains("event 41/97") }
        #expect(screen.contains("event 41/97"), "the report was read whole, not as keys")
        #expect(!screen.contains("Esc closes") && !screen.contains("does nothing"))
    }

    /// The pane's cells with their SGR codes: a colour code is 30-37 or 40-47 (or 90-107).
    static func colourCodes(_ tmux: Tmux) throws -> Int {
        let cells = try Tmux.run(["capture-pane", "-e", "-p", "-t", tmux.name]).stdout
        let regex = try NSRegularExpression(pattern: "\u{1b}\\[[0-9;]*m")
        return regex.matches(in: cells, range: NSRange(cells.startIndex..., in: cells)).filter { match in
            let codes = (cells as NSString).substring(with: match.range).dropFirst(2).dropLast().split(separator: ";").compactMap { Int($0) }
            return codes.contains { (30...37).contains($0) || (40...47).contains($0) || (90...107).contains($0) }
        }.count
    }

    @Test func noColorMeansNoColourAtAll() throws {
        let (coloured, home) = try Self.start(nil)
        defer { try? FileManager.default.removeItem(at: home) }
        coloured.wait { $0.contains("event 0/97") }
        #expect(try Self.colourCodes(coloured) > 0, "the test can see colours")
        let (plain, plainHome) = try Self.start(nil, environment: "NO_COLOR=1")
        defer { try? FileManager.default.removeItem(at: plainHome) }
        plain.wait { $0.contains("event 0/97") }
        #expect(try Self.colourCodes(plain) == 0)
    }
}
