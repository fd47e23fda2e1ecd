import Foundation

/// A tmux session running a command in a real terminal, for end-to-end TUI tests.
final class Tmux {
    let name = "stripescope-test-\(UUID().uuidString.prefix(8))"

    static var available: Bool { (try? run(["-V"], capture: false))?.status == 0 }

    /// Starts `command` (a shell command line) in a detached session of `width`×`height`.
    /// Tests start sessions in parallel: when no tmux server runs yet, two clients may race
    /// to start one and a session can be lost with the server that lost; it is started again.
    init(_ command: String, width: Int = 120, height: Int = 40) throws {
        for attempt in 0..<5 {
            let started = try Self.run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, command], capture: false)
            if started.status == 0, (try? Self.run(["has-session", "-t", name], capture: false))?.status == 0 { return }
            Thread.sleep(forTimeInterval: 0.1 * Double(attempt + 1))
        }
    }

    deinit { _ = try? Self.run(["kill-session", "-t", name], capture: false) }

    /// The screen as text (with `history`, the scrollback too).
    func capture(history: Bool = false) -> String {
        (try? Self.run(["capture-pane", "-p", "-t", name] + (history ? ["-S", "-200"] : [])))?.stdout ?? ""
    }

    func send(_ keys: String...) throws {
        _ = try Self.run(["send-keys", "-t", name] + keys, capture: false)
    }

    func resize(width: Int, height: Int) throws {
        _ = try Self.run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"], capture: false)
    }

    /// The pid of the program the pane's shell started.
    func childPid() throws -> Int32? {
        let shell = try Self.run(["display-message", "-p", "-t", name, "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // On a loaded machine the shell may not have forked its child yet: look again for
        // a few seconds before saying there is none.
        let deadline = Date().addingTimeInterval(5)
        repeat {
            if let pid = Int32(try Subprocess.run("/usr/bin/pgrep", ["-P", shell]).stdout.split(separator: "\n").first ?? "") { return pid }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return nil
    }

    /// Polls the screen until `predicate` holds on a settled screen (two captures 50 ms
    /// apart agree, so a frame caught half drawn is not taken) or `seconds` pass; returns
    /// the last capture.
    @discardableResult
    func wait(seconds: Double = 15, history: Bool = false, until predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture(history: history)
        while Date() < deadline {
            let holds = predicate(screen)
            Thread.sleep(forTimeInterval: 0.05)
            let next = capture(history: history)
            if holds && next == screen { return screen }
            screen = next
        }
        return screen
    }

    /// Runs a tmux client. `capture: false` for commands that may start the server, which
    /// keeps the descriptors it inherits.
    @discardableResult
    static func run(_ arguments: [String], capture: Bool = true) throws -> Subprocess.Result {
        try Subprocess.run("/usr/bin/env", ["tmux"] + arguments, capture: capture)
    }
}
