import Foundation

/// Runs the built `stripescope` binary.
enum Binary {
    /// The binary: $STRIPESCOPE_BIN (set by `make test`), else the one built next to this
    /// test runner, so `--scratch-path` and `-c release` test their own build.
    static let path: String = {
        if let env = ProcessInfo.processInfo.environment["STRIPESCOPE_BIN"], !env.isEmpty { return env }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("stripescope").path
    }()

    /// Runs the binary with `arguments`, stdin from /dev/null, without the NO_COLOR that
    /// `swift test` sets for its own output (a test that wants it says so).
    static func run(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run("/usr/bin/env", ["-u", "NO_COLOR", path] + arguments)
    }

    /// A scratch file with `text`, removed by the caller's `defer`.
    static func scratch(_ text: String, name: String = "scenario.scn") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stripescope-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
