import Foundation
import Testing

/// A long scenario opens before it is parsed whole (issue 19): a bad last line is found
/// by the build after the screen is up, and ends the program as `check` ends.
@Suite(.enabled(if: Tmux.available, "tmux is not installed"))
struct LongScenarioTUITests {
    /// A layout that warns (group-depth without group-width), 40,000 one-page writes, and
    /// a bad last line: the bad line is still the one line the program ends with.
    static let text = "layout raid5 devices=5 stripe-unit=64K group-depth=3\n" + stride(from: 0, to: 80_000, by: 2).map { "write \($0)\n" }.joined()
        + "writepages sync\nwrite 3..1\n"

    @Test func aBadLastLineOpensThenExitsWithItsLine() throws {
        let text = Self.text
        let file = try Binary.scratch(text, name: "long.scn")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let check = try Binary.run(["check", file.path])
        #expect(check.status == 2)
        let line = check.stderr.trimmingCharacters(in: .newlines)
        #expect(line.hasSuffix(":40003:7: page range 3..1 runs backwards; write the lower index first (1..3)"), "\(line)")

        let tmux = try Tmux(TUITests.shell(file.path), width: 200, height: 60)
        // The screen is up while the build is far from the last line (not settled: the
        // progress line moves). Both waited for: a capture can catch the first frame half
        // drawn, its header without its status line yet.
        var opened = ""
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, !(opened.contains("event 0/") && opened.contains("building the timeline")) {
            Thread.sleep(forTimeInterval: 0.02)
            opened = tmux.capture()
        }
        #expect(opened.contains("event 0/") && opened.contains("building the timeline"), "\(opened)")
        Self.expectEnds(tmux, with: line)
    }

    /// `q` before the build reaches the bad line: the screen goes at once, then the rest
    /// is parsed and the program ends as `check` does, exit 2 with the bad line's line.
    @Test func quittingBeforeTheBadLineStillSaysIt() throws {
        let file = try Binary.scratch(Self.text, name: "long.scn")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let line = try Binary.run(["check", file.path]).stderr.trimmingCharacters(in: .newlines)
        let tmux = try Tmux(TUITests.shell(file.path), width: 200, height: 60)
        let opened = tmux.wait { $0.contains("event 0/") && $0.contains("% of the file") }
        #expect(opened.contains("% of the file"), "quit while the file is still being read: \(opened)")
        try tmux.send("q")
        Self.expectEnds(tmux, with: line)
    }

    /// The program ended as `check` does on the file: exit 2, the terminal restored, its
    /// one line (no warning before it).
    static func expectEnds(_ tmux: Tmux, with line: String) {
        let report = TUITests.exitReport(tmux)
        #expect(report.exit == "EXIT=2")
        #expect(report.canonical, "the terminal is restored")
        let screen = tmux.capture(history: true)
        #expect(screen.split(separator: "\n").contains { $0 == line }, "\(screen)")
        #expect(!screen.contains("stripescope: warning"), "\(screen)")
    }
}
