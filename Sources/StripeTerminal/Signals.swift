import CNCursesW
import Glibc

/// Restores the terminal on every way out: quitting signals and crash signals alike
/// call `endwin`, then die by the same signal with its default action.
enum Signals {
    static let restoring: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers; call before `newterm`.
    static func install() {
        unblock(restoring)
        for sig in restoring {
            signal(sig) { sig in
                endwin()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Lets `signals` through: a process can start with them blocked (it inherits the
    /// mask of whatever started it), and a blocked SIGTSTP would never stop it.
    static func unblock(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in signals { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Puts the default actions back once the terminal is restored.
    static func uninstall() {
        for sig in restoring { signal(sig, SIG_DFL) }
    }
}
