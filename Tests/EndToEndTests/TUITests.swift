import Foundation
import Testing

/// The real binary in a real terminal (tmux 120×40).
@Suite(.enabled(if: Tmux.available, "tmux is not installed"))
struct TUITests {
    /// A shell line that runs the binary, then reports its exit status and the tty modes.
    static func shell(_ arguments: String) -> String {
        "sh -c '\(Binary.path) \(arguments); echo EXIT=$?; stty -a; sleep 120'"
    }

    /// After the program ended: its exit line and whether the terminal is canonical again.
    static func exitReport(_ tmux: Tmux) -> (exit: String?, canonical: Bool) {
        let screen = tmux.wait(history: true) { $0.contains("EXIT=") && $0.contains("icanon") }
        let exit = screen.split(separator: "\n").first { $0.hasPrefix("EXIT=") }.map(String.init)
        let canonical = screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains("icanon")
        return (exit, canonical)
    }

    @Test func firstScreenStepsAndEnd() throws {
        let tmux = try Tmux(Self.shell("partial-stripe"))
        let first = tmux.wait { $0.contains("event 0/97") }
        #expect(first.contains("event 0/97"))
        #expect(first.contains("U uptodate") && first.contains("D dirty") && first.contains("W writeback"))
        try tmux.send("g", "3", "0", "Enter")
        let start = tmux.wait { $0.contains("event 30/97") }
        for _ in 0..<10 { try tmux.send("Right") }
        tmux.wait { $0.contains("event 40/97") }
        for _ in 0..<10 { try tmux.send("Left") }
        let back = tmux.wait { $0.contains("event 30/97") }
        #expect(back == start)
        try tmux.send("End")
        #expect(tmux.wait { $0.contains("event 97/97") }.contains("event 97/97"))
        try tmux.send("q")
        let report = Self.exitReport(tmux)
        #expect(report.exit == "EXIT=0")
        #expect(report.canonical)
    }

    @Test func stepIntoLastStripeAndOut() throws {
        let tmux = try Tmux(Self.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/97") }
        try tmux.send("B", "a")
        for c in "fn _read_4_write_last_stripe" { try tmux.send(c == " " ? "Space" : String(c)) }
        try tmux.send("Enter", "Escape", "c")
        let inside = tmux.wait { $0.contains("› _read_4_write_last_stripe(stripe=0)") }
        #expect(inside.contains("› _read_4_write_last_stripe(stripe=0)"))
        try tmux.send("f")
        let out = tmux.wait { !$0.contains("› _read_4_write_last_stripe(stripe=0)") && $0.contains("› _ore_add_parity_unit(stripe=0)") }
        #expect(!out.contains("› _read_4_write_last_stripe(stripe=0)"))
        #expect(out.contains("← _read_4_write_last_stripe(stripe=0)"))
        try tmux.send("q")
    }

    @Test func resizesSurvive() throws {
        let tmux = try Tmux(Self.shell("gap"))
        tmux.wait { $0.contains("event 0/") }
        try tmux.resize(width: 80, height: 24)
        // Drawn for 80x24: the header on the first row, the key bar on the 24th, no row wider
        // than 80 columns (a frame still laid out for 120x40 has neither there).
        let rows = tmux.wait { $0.contains("event 0/") && $0.contains("q quit") }
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count >= 24 && rows[0].contains("StripeScope") && rows[23].contains("q quit"))
        #expect(rows.allSatisfy { $0.count <= 80 } && rows.contains { $0.contains("page cache") })
        try tmux.resize(width: 40, height: 10)
        #expect(tmux.wait { $0.contains("needs at least") }.contains("needs at least"))
        try tmux.resize(width: 120, height: 40)
        #expect(tmux.wait { $0.contains("stripe map") }.contains("stripe map"))
        try tmux.send("q")
        #expect(Self.exitReport(tmux).exit == "EXIT=0")
    }

    @Test(arguments: ["C-c", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGSEGV", "SIGABRT"])
    func everyExitRestoresTheTerminal(way: String) throws {
        let tmux = try Tmux(Self.shell("cold-cache"))
        tmux.wait { $0.contains("event 0/") }
        let signals = ["SIGTERM": SIGTERM, "SIGHUP": SIGHUP, "SIGQUIT": SIGQUIT, "SIGSEGV": SIGSEGV, "SIGABRT": SIGABRT]
        if let signal = signals[way] {
            let pid = try #require(try tmux.childPid())
            kill(pid, signal)
        } else {
            try tmux.send(way)
        }
        let report = Self.exitReport(tmux)
        #expect(report.exit != nil)
        #expect(report.canonical, "after \(way) the terminal must be back in canonical mode")
    }

    @Test func resizeStormAndTinyTerminal() throws {
        let tmux = try Tmux(Self.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/") }
        for (w, h) in [(100, 30), (20, 5), (81, 25), (79, 23), (200, 60), (20, 5), (120, 40), (90, 28)] {
            try tmux.resize(width: w, height: h)
        }
        try tmux.resize(width: 20, height: 5)
        #expect(tmux.wait { $0.contains("needs") }.contains("needs"))
        try tmux.resize(width: 120, height: 40)
        try tmux.send("End")
        #expect(tmux.wait { $0.contains("event 97/97") }.contains("event 97/97"))
        try tmux.send("q")
        #expect(Self.exitReport(tmux).exit == "EXIT=0")
    }

    /// vt100 has no colours: the screen must still draw, with letters and attributes.
    @Test func monochromeTerminal() throws {
        let tmux = try Tmux("sh -c 'TERM=vt100 \(Binary.path) gap; echo EXIT=$?; sleep 120'")
        let screen = tmux.wait { $0.contains("event 0/") }
        #expect(screen.contains("U uptodate"))
        try tmux.send("End", "q")
        #expect(tmux.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    @Test func dumbTerminalIsRefused() throws {
        let tmux = try Tmux("sh -c 'TERM=dumb \(Binary.path); echo EXIT=$?; sleep 120'")
        let screen = tmux.wait { $0.contains("EXIT=") }
        #expect(screen.contains("TERM is 'dumb'"))
        #expect(screen.contains("EXIT=2"))
    }

    @Test func explorerFollowsTheDeviceCount() throws {
        let tmux = try Tmux(Self.shell("explore"))
        let first = tmux.wait { $0.contains("raid5: 4 devices") }
        #expect(first.contains("dev3") && !first.contains("dev4"))
        try tmux.send("D")
        let more = tmux.wait { $0.contains("raid5: 5 devices") && $0.contains("dev4") }
        #expect(more.contains("dev4"))
        try tmux.send("q")
        let report = Self.exitReport(tmux)
        #expect(report.exit == "EXIT=0")
        #expect(report.canonical)
    }

    /// Bytes that cannot be UTF-8 are dropped; the keys after them still work.
    @Test(arguments: ["80", "CA", "FF"])
    func invalidByteThenQuit(byte: String) throws {
        let tmux = try Tmux(Self.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/97") }
        try tmux.send("-H", byte)
        try tmux.send("l")
        #expect(tmux.wait { $0.contains("event 1/97") }.contains("event 1/97"), "l after 0x\(byte) must step")
        try tmux.send("-H", byte)
        try tmux.send("q")
        let report = Self.exitReport(tmux)
        #expect(report.exit == "EXIT=0", "q after 0x\(byte) must quit")
        #expect(report.canonical)
    }

    /// SIGTSTP and SIGCONT from outside: keypad mode comes back, so arrows still step.
    @Test func arrowsSurviveStopAndContinue() throws {
        let tmux = try Tmux(Self.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/97") }
        let pid = try #require(try tmux.childPid())
        kill(pid, SIGTSTP)
        kill(pid, SIGCONT)
        try tmux.send("Right")
        #expect(tmux.wait { $0.contains("event 1/97") }.contains("event 1/97"))
        try tmux.send("Right")
        #expect(tmux.wait { $0.contains("event 2/97") }.contains("event 2/97"))
        try tmux.send("q")
        #expect(Self.exitReport(tmux).exit == "EXIT=0")
    }

    /// Whatever happened to the terminal while the program was stopped (a shell printed
    /// over it, set it back to cooked mode and keypad off), SIGCONT brings back its modes,
    /// its arrows and its screen.
    @Test func continueRestoresWhatAStopLost() throws {
        let tmux = try Tmux(Self.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/97") }
        let pid = try #require(try tmux.childPid())
        kill(pid, SIGSTOP)
        tmux.wait { _ in Self.isStopped(pid) }
        #expect(Self.isStopped(pid))
        let tty = try Tmux.run(["display-message", "-p", "-t", tmux.name, "#{pane_tty}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let shell = "printf '\\033[?1l\\033>\\033[2J\\033[HSTOPPED-SCRIBBLE' > \(tty); stty sane < \(tty)"
        #expect(try Subprocess.run("/bin/sh", ["-c", shell]).status == 0)
        #expect(tmux.wait { $0.contains("STOPPED-SCRIBBLE") }.contains("STOPPED-SCRIBBLE"))
        kill(pid, SIGCONT)
        let repainted = tmux.wait { $0.contains("event 0/97") && !$0.contains("STOPPED-SCRIBBLE") }
        #expect(repainted.contains("event 0/97") && !repainted.contains("STOPPED-SCRIBBLE"))
        try tmux.send("Right")
        #expect(tmux.wait { $0.contains("event 1/97") }.contains("event 1/97"))
        try tmux.send("q")
        let report = Self.exitReport(tmux)
        #expect(report.exit == "EXIT=0", "q quits at once: raw mode is back")
        #expect(report.canonical)
    }

    static func isStopped(_ pid: Int32) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "T"
    }

    /// Ctrl-Z in a job-control shell: the program stops with the terminal restored, and
    /// `fg` brings back its screen and its arrows.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is not installed"))
    func ctrlZSuspendsAndFgResumes() throws {
        let tmux = try Tmux("env HISTFILE= PS1='$ ' /bin/bash --norc --noprofile -i")
        tmux.wait { $0.contains("$") }
        try tmux.send("-l", "\(Binary.path) partial-stripe")
        try tmux.send("Enter")
        tmux.wait { $0.contains("event 0/97") }
        try tmux.send("C-z")
        let stopped = tmux.wait(history: true) { $0.contains("Stopped") }
        #expect(stopped.contains("Stopped"))
        try tmux.send("-l", "stty -a")
        try tmux.send("Enter")
        let modes = tmux.wait(history: true) { $0.contains("icanon") }
        #expect(modes.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains("icanon"), "stopped, the terminal is the shell's again")
        try tmux.send("-l", "fg")
        try tmux.send("Enter")
        #expect(tmux.wait { $0.contains("event 0/97") && !$0.contains("Stopped") }.contains("event 0/97"))
        try tmux.send("Right")
        #expect(tmux.wait { $0.contains("event 1/97") }.contains("event 1/97"))
        // SIGTSTP from outside stops it the same way.
        let pid = try #require(try tmux.childPid())
        kill(pid, SIGTSTP)
        #expect(tmux.wait(history: true) { $0.contains("Stopped") && !$0.contains("event 1/97") }.contains("Stopped"))
        try tmux.send("-l", "fg")
        try tmux.send("Enter")
        #expect(tmux.wait { $0.contains("event 1/97") }.contains("event 1/97"))
        try tmux.send("Right")
        #expect(tmux.wait { $0.contains("event 2/97") }.contains("event 2/97"))
        try tmux.send("q")
        tmux.wait { _ in (try? tmux.childPid()) == nil }
        try tmux.send("-l", "echo EXIT=$?")
        try tmux.send("Enter")
        #expect(tmux.wait(history: true) { $0.contains("EXIT=0") }.contains("EXIT=0"))
    }

    @Test func unknownTerminalTypeExits2WithAHint() throws {
        let tmux = try Tmux("sh -c 'TERM=nosuchterm \(Binary.path) gap; echo EXIT=$?; sleep 120'")
        let screen = tmux.wait { $0.contains("EXIT=") }
        let lines = screen.split(separator: "\n")
        #expect(lines.first == "stripescope: unknown terminal type 'nosuchterm'; try TERM=xterm-256color")
        #expect(lines.dropFirst().first == "EXIT=2")
    }

    /// A 100 K paste into the `:` prompt is taken whole, at once (it used to take minutes).
    @Test func longPasteIntoThePrompt() throws {
        let tmux = try Tmux(Self.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/97") }
        let text = String(repeating: " ", count: 100_000) + "cache 12..15"
        let file = try Binary.scratch(text, name: "paste.txt")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try tmux.send("End", ":")
        try Tmux.run(["load-buffer", "-b", tmux.name, file.path], capture: false)
        try Tmux.run(["paste-buffer", "-d", "-b", tmux.name, "-t", tmux.name], capture: false)
        try tmux.send("Enter")
        let applied = tmux.wait { $0.contains("inserted 'cache 12..15'") }
        #expect(applied.contains("inserted 'cache 12..15'"))
        // The edit was not written: q asks first (SPEC 9.1), y drops it.
        try tmux.send("q")
        tmux.wait { $0.contains("drop the edits not written?") }
        try tmux.send("y")
        #expect(Self.exitReport(tmux).exit == "EXIT=0")
    }
}

/// The split screen of two worlds in a real terminal.
@Suite(.enabled(if: Tmux.available, "tmux is not installed"))
struct CompareTUITests {
    @Test func tabBracesAndDivergenceThenQuitRestoresTheTerminal() throws {
        let tmux = try Tmux(TUITests.shell("partial-stripe --compare \"set r4w=off\""), width: 160, height: 48)
        let first = tmux.wait { $0.contains("A event 0/97 │ B event 0/71") }
        #expect(first.contains("StripeScope compare"))
        #expect(first.contains(" A ▶ event 0/97") && first.contains(" B   event 0/71"))
        try tmux.send("}")
        #expect(tmux.wait { $0.contains("both worlds at line 3") }.contains("A event 1/97 │ B event 1/71"))
        try tmux.send("d")
        let divergence = tmux.wait { $0.contains("divergence 1/") }
        #expect(divergence.contains("A event 52/97 │ B event 53/71"))
        #expect(divergence.contains("line 14: A leaves page 9 present, no flags; B leaves page 5 UE"))
        try tmux.send("Tab", "Right")
        #expect(tmux.wait { $0.contains(" B ▶ event 54/71") }.contains(" A   event 52/97"))
        // Narrower than 160 columns the worlds stack: each title on a line of its own.
        try tmux.resize(width: 100, height: 30)
        let stacked = tmux.wait { screen in screen.split(separator: "\n").contains { $0.hasPrefix(" B ▶ event 54/71") } }
        #expect(stacked.split(separator: "\n").contains { $0.hasPrefix(" A   event 52/97") && !$0.contains(" B ") })
        try tmux.send("q")
        let report = TUITests.exitReport(tmux)
        #expect(report.exit == "EXIT=0")
        #expect(report.canonical)
    }
}

/// `x` in the real TUI: the crash browser opens at the cursor and Esc goes back.
@Suite(.enabled(if: Tmux.available, "tmux is not installed"))
struct CrashBrowserTUITests {
    @Test func xPullsThePlugAndEscGoesBack() throws {
        let tmux = try Tmux(TUITests.shell("write-hole-real"))
        tmux.wait { $0.contains("event 0/") }
        try tmux.send("g", "5", "2", "Enter")
        let before = tmux.wait { $0.contains("event 52/") }
        #expect(before.contains("event 52/"))
        try tmux.send("x")
        let browser = tmux.wait { $0.contains("crash browser") && $0.contains("4 crash states") }
        #expect(browser.contains("power cut after event 52"))
        #expect(browser.contains("▶0: landed none"))
        try tmux.send("j", "1")
        let torn = tmux.wait { $0.contains("▶1: landed 1") && $0.contains("dev 1 failed") }
        #expect(torn.contains("md: 0 -EIO, 1 wrong"))
        #expect(torn.contains("ORE: 1 -EIO, 0 wrong"))
        try tmux.send("Escape")
        let back = tmux.wait { !$0.contains("crash browser") && $0.contains("event 52/") }
        #expect(back.contains("event 52/"))
        try tmux.send("q")
        let report = TUITests.exitReport(tmux)
        #expect(report.exit == "EXIT=0")
        #expect(report.canonical)
    }
}
