import CNCursesW
import Glibc

/// Restores the terminal on every way out: quitting signals and crash signals alike
/// call `endwin`, then die by the same signal with its default action.
enum Signals {
    static let restoring: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers; call before `initscr`.
    static func install() {
        for sig in restoring {
            signal(sig) { sig in
                endwin()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Puts the default actions back once the terminal is restored.
    static func uninstall() {
        for sig in restoring { signal(sig, SIG_DFL) }
    }
}
