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

    /// Whether a stop would stop: the kernel discards SIGTSTP's stop in an orphaned
    /// process group (POSIX: no member has a parent in another group of the same
    /// session), as after `setsid` or under a wrapper without job control. Then nobody
    /// could `fg` the process, and giving the terminal back (`endwin`) would leave it
    /// running in cooked mode, where Ctrl-\ kills it. Reads /proc: only on Ctrl-Z.
    static func canStop() -> Bool {
        let group = getpgrp()
        let session = getsid(0)
        guard session >= 0, let dir = opendir("/proc") else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = Int32(name), let member = ids(of: pid), member.group == group,
                  let parent = ids(of: member.parent) else { continue }
            if parent.group != group && parent.session == session { return true }
        }
        return false
    }

    /// A process's parent, group and session from /proc/PID/stat (after the command
    /// name, which may hold spaces and parentheses).
    private static func ids(of pid: Int32) -> (parent: Int32, group: Int32, session: Int32)? {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 1024)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        guard fields.count > 3, let parent = Int32(fields[1]), let group = Int32(fields[2]), let session = Int32(fields[3]) else { return nil }
        return (parent, group, session)
    }

    /// Stops the process as SIGTSTP's default action does, then catches SIGTSTP again.
    static func stopProcess() {
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        catchSignal(SIGTSTP)
    }
}
