import Foundation

/// A tmux session running a command in a real terminal, for end-to-end TUI tests.
final class Tmux {
    let name = "stripescope-test-\(UUID().uuidString.prefix(8))"

    static var available: Bool { (try? run(["-V"], capture: false))?.status == 0 }

    /// Starts `command` (a shell command line) in a detached session of `width`×`height`.
    init(_ command: String, width: Int = 120, height: Int = 40) throws {
        _ = try Self.run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, command], capture: false)
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        process.arguments = ["-P", shell]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        return Int32(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").first ?? "")
    }

    /// Polls the screen until `predicate` holds or `seconds` pass; returns the last capture.
    @discardableResult
    func wait(seconds: Double = 15, history: Bool = false, until predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture(history: history)
        while !predicate(screen), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture(history: history)
        }
        return screen
    }

    /// Runs a tmux client. `capture: false` for commands that may start the server: it
    /// would inherit a pipe and keep it open, so reading to its end would never return.
    @discardableResult
    static func run(_ arguments: [String], capture: Bool = true) throws -> Binary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = capture ? out : FileHandle.nullDevice
        try process.run()
        let stdout = capture ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return Binary.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: "")
    }
}
