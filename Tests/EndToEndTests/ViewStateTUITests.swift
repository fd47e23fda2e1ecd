import Foundation
import Testing

/// SPEC 9.1 in a real terminal: one note in effect, a question before edits are lost,
/// and the split screen's two worlds built within the memory budget.
@Suite(.enabled(if: Tmux.available, "tmux is not installed"))
struct ViewStateTUITests {
    /// At an event inside a note's command (the header shows the note), Enter names the
    /// same note whole.
    @Test func theNoteInEffectIsTheSameInHeaderAndEnter() throws {
        let tmux = try Tmux(TUITests.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/97") }
        try tmux.send("]", "Right")
        let header = tmux.wait { $0.contains("event ") && !$0.contains("event 0/97") }
        let lines = header.split(separator: "\n", omittingEmptySubsequences: false)
        let noteLine = try #require(lines.dropFirst(2).first, "\(header)").trimmingCharacters(in: .whitespaces)
        #expect(!noteLine.isEmpty)
        try tmux.send("Enter")
        let detail = tmux.wait { $0.contains("note (event ") }
        let flat = detail.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }.joined(separator: " ")
        #expect(flat.contains(String(noteLine.prefix(30))), "\(detail)")
        try tmux.send("Escape", "q")
        #expect(TUITests.exitReport(tmux).exit == "EXIT=0")
    }

    /// After a `:` edit, `q` asks; any other key keeps the session, `y` quits.
    @Test func quitAsksBeforeDroppingEdits() throws {
        let tmux = try Tmux(TUITests.shell("partial-stripe"))
        tmux.wait { $0.contains("event 0/97") }
        try tmux.send("End", ":")
        for c in "write 0" { try tmux.send(c == " " ? "Space" : String(c)) }
        try tmux.send("Enter")
        tmux.wait { $0.contains("[edited]") }
        try tmux.send("q")
        #expect(tmux.wait { $0.contains("drop the edits not written?") }.contains("Quit and drop the edits not written?"))
        try tmux.send("n")
        #expect(tmux.wait { $0.contains("kept the edits") }.contains("[edited]"))
        try tmux.send("q")
        tmux.wait { $0.contains("drop the edits not written?") }
        try tmux.send("y")
        #expect(TUITests.exitReport(tmux).exit == "EXIT=0")
    }

    /// Both worlds must fit the budget together: too small a one ends with one line, exit
    /// 2, in a terminal (tmux) and for every command that builds the two worlds.
    @Test func compareOverTheBudgetExitsWithOneLine() throws {
        let tmux = try Tmux(TUITests.shell("partial-stripe --compare \"set r4w=off\" --max-memory 4K"), width: 300)
        let report = TUITests.exitReport(tmux)
        #expect(report.exit == "EXIT=2")
        let screen = tmux.capture(history: true)
        let before = screen.split(separator: "\n").prefix { !$0.hasPrefix("EXIT=") }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(before.count == 1 && before[0].contains("over the budget") && before[0].contains("--max-memory"), "\(screen)")
        for command in [["tui"], ["trace", "--format", "summary"], ["render", "--at", "end"]] {
            let r = try Binary.run([command[0], "partial-stripe", "--compare", "set r4w=off", "--max-memory", "4K"] + command.dropFirst())
            #expect(r.status == 2 && r.stdout.isEmpty)
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("half of --max-memory, for each world"), "\(r.stderr)")
        }
    }
}
