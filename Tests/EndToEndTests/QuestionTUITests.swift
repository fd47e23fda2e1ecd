import Foundation
import Testing

/// Answering a lesson's question in the real binary in a real terminal: `rows` asks how
/// many device pages read-4-write reads (the run shows 4).
@Suite(.enabled(if: Tmux.available, "tmux is not installed"))
struct QuestionTUITests {
    /// Steps command by command (`}`) until the question stops the stepping.
    static func atQuestion() throws -> Tmux {
        let tmux = try Tmux(TUITests.shell("rows"))
        tmux.wait { $0.contains("event 0/") }
        for _ in 0..<6 { try tmux.send("}") }
        let asked = tmux.wait { $0.contains("QUESTION:") }
        #expect(asked.contains("How many device pages will read-4-write read for this write?"))
        return tmux
    }

    @Test func aRightAnswerScores() throws {
        let tmux = try Self.atQuestion()
        try tmux.send("4", "Enter")
        let answered = tmux.wait { $0.contains("score 1/1") }
        #expect(answered.contains("score 1/1"))
        #expect(answered.contains("your answer: 4   the run: 4"))
        try tmux.send("q")
        #expect(TUITests.exitReport(tmux).exit == "EXIT=0")
    }

    @Test func aWrongAnswerShowsTheActualValue() throws {
        let tmux = try Self.atQuestion()
        try tmux.send("3", "Enter")
        let answered = tmux.wait { $0.contains("score 0/1") }
        #expect(answered.contains("wrong: you said 3, the run shows 4"))
        #expect(answered.contains("your answer: 3   the run: 4"))
        try tmux.send("q")
        #expect(TUITests.exitReport(tmux).exit == "EXIT=0")
    }
}
