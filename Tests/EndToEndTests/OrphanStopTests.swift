import Foundation
import Testing

/// Ctrl-Z where nothing can stop the process (its own session, as `setsid` makes it: an
/// orphaned process group): the terminal stays raw, so a Ctrl-\ typed next is a key, not
/// SIGQUIT.
@Suite(.enabled(if: Tmux.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid"), "tmux or setsid is missing"))
struct OrphanStopTests {
    @Test func ctrlZWithoutJobControlKeepsTheTerminalRaw() throws {
        let tmux = try Tmux("sh -c '/usr/bin/setsid -w \(Binary.path) partial-stripe; echo EXIT=$?; sleep 120'")
        tmux.wait { $0.contains("event 0/97") }
        for step in 1...5 {
            try tmux.send("C-z")
            try tmux.send("C-\\\\")
            try tmux.send("Right")
            let screen = tmux.wait { $0.contains("event \(step)/97") || $0.contains("EXIT=") }
            #expect(screen.contains("event \(step)/97"), "still running and raw after Ctrl-Z \(step)")
            if step == 1 {
                try tmux.send("C-z")
                #expect(tmux.wait { $0.contains("Ctrl-Z: nothing here can stop") }.contains("no job control"))
            }
        }
        try tmux.send("q")
        #expect(tmux.wait(history: true) { $0.contains("EXIT=") }.contains("EXIT=0"))
    }
}
