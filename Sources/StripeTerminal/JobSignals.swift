import Glibc

/// The signals that change the terminal under the program — SIGTSTP (stop), SIGCONT
/// (continued, by `fg` or any `kill -CONT`) and SIGWINCH (resized) — posted as bytes on
/// a pipe the input wait also watches, so the loop handles them between keys, where it
/// is safe to touch ncurses, and none is lost while the loop is busy.
enum JobSignals {
    static let caught: [Int32] = [SIGTSTP, SIGCONT, SIGWINCH]

    /// The pipe's read end, to poll; -1 before `install`.
    nonisolated(unsafe) private(set) static var readEnd: Int32 = -1
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// Installs the handlers; call before `newterm`, so ncurses leaves these signals alone.
    static func install() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (readEnd, writeEnd) = (ends[0], ends[1])
        Signals.unblock(caught)
        for sig in caught { catchSignal(sig) }
    }

    /// Puts the default actions back and closes the pipe.
    static func uninstall() {
        for sig in caught { signal(sig, SIG_DFL) }
        close(readEnd)
        close(writeEnd)
        (readEnd, writeEnd) = (-1, -1)
    }

    private static func catchSignal(_ sig: Int32) {
        signal(sig) { sig in
            // Only `write`, which is async-signal-safe; a full pipe already holds a
            // byte that wakes the loop.
            let saved = errno
            var byte = UInt8(sig)
            _ = write(JobSignals.writeEnd, &byte, 1)
            errno = saved
        }
    }

    /// The signals posted since the last call.
    static func take() -> Set<Int32> {
        var posted = Set<Int32>()
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readEnd, &buffer, buffer.count)
            guard n > 0 else { return posted }
            posted.formUnion(buffer[0..<n].map(Int32.init))
        }
    }

    /// Stops the process as SIGTSTP's default action does, then catches SIGTSTP again.
    static func stopProcess() {
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        catchSignal(SIGTSTP)
    }
}
