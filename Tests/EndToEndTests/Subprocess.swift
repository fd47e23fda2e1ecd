import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end with `posix_spawn` and a blocking `waitpid`.
///
/// Not Foundation's `Process`: on Linux its `waitUntilExit` can miss the exit of a child
/// when tests start processes concurrently, and then waits forever (seen with tmux's
/// short-lived client left a zombie). Output goes to files, not pipes, so a child that
/// writes a lot to stderr cannot block on a pipe nobody reads, and a daemon that inherits
/// the descriptors (the tmux server) cannot keep a read from ending.
enum Subprocess {
    struct Result {
        /// The exit status, or 128 + the signal number when a signal ended the child.
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` (a path) with `arguments`, stdin from /dev/null. Without
    /// `capture` the output goes to /dev/null.
    static func run(_ executable: String, _ arguments: [String], capture: Bool = true) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = capture ? scratch.appendingPathComponent("stdout").path : "/dev/null"
        let errPath = capture ? scratch.appendingPathComponent("stderr").path : "/dev/null"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw SpawnError(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        let signal = status & 0x7f
        let read = { (path: String) in
            capture ? String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self) : ""
        }
        return Result(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
                      stdout: read(outPath), stderr: read(errPath))
    }
}
