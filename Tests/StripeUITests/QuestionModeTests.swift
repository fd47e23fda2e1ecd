import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// Answering an `ask` in the TUI through the terminal protocol: right, wrong, not at
/// all, by marking device pages; and the lesson flow (`o`, `>`).
struct QuestionModeTests {
    /// RAID5, 4 devices, one-page units, a cold 6-page file: writing page 1 writes page 1
    /// and its parity (2 device pages). Stripe 1 is pages 3, 4, 5 on devs 3, 0, 1 at object
    /// page 1: writing page 4 reads dev 3 and dev 1 there for r4w.
    static let text = """
        title Two questions
        layout raid5 devices=4 stripe-unit=4K
        file size=24K
        write 1
        ask count dev-pages-written How many device pages will this writepages write?
        writepages
        write 4
        ask r4w-reads Which device pages will read-4-write read?
        writepages
        check
        """

    static func model() throws -> DebuggerModel {
        var m = DebuggerModel(timeline: Engine.run(try ScenarioParser.parse(text, name: "q.scn")), width: 120, height: 40)
        m.files = ScenarioFiles(bundled: BundledScenarios.all, read: { _ in nil }, write: { _, _ in })
        return m
    }

    /// Steps with `s` until the first question stops the stepping.
    static func atFirstQuestion() throws -> DebuggerModel {
        var m = try model()
        var backend = ScriptedBackend([.typed(String(repeating: "s", count: 40))])
        TerminalLoop.run(&m, on: &backend)
        return m
    }

    static func press(_ m: inout DebuggerModel, _ batches: [[TerminalInput]]) -> ScriptedBackend {
        var backend = ScriptedBackend(batches)
        TerminalLoop.run(&m, on: &backend)
        return backend
    }

    @Test func steppingStopsAtTheQuestion() throws {
        let m = try Self.atFirstQuestion()
        #expect(m.mode == .question)
        #expect(m.timeline.question(at: m.cursor)?.kind == .count(.devPagesWritten))
        let screen = m.view().lines.joined(separator: "\n")
        #expect(screen.contains("How many device pages will this writepages write?"))
        // The steps typed after it do nothing while answering, and say so.
        #expect(m.view().lines.last! == "QUESTION: not while answering: type a number  Enter submits  Esc skips")
    }

    @Test func aRightAnswerScoresAndRunsToWhereItShows() throws {
        var m = try Self.atFirstQuestion()
        let ask = m.cursor
        let shown = try #require(m.timeline.answer(toQuestionAt: ask))
        _ = Self.press(&m, [.typed("2"), [.byte(13)]])
        #expect(m.mode == .normal && m.cursor == shown.shownAt && m.cursor > ask)
        #expect(m.questions.right == 1 && m.questions.asked == [ask])
        #expect(m.view().lines[0].contains("score 1/1"))
        let screen = m.view().lines.joined(separator: "\n")
        #expect(screen.contains("your answer: 2   the run: 2"))
        #expect(m.message?.text.hasPrefix("right: 2") == true)
    }

    @Test func aWrongAnswerShowsTheActualValue() throws {
        var m = try Self.atFirstQuestion()
        _ = Self.press(&m, [.typed("37"), [.byte(127)], [.byte(13)]])
        #expect(m.questions.right == 0 && m.questions.asked.count == 1)
        #expect(m.message?.text.hasPrefix("wrong: you said 3, the run shows 2") == true)
        #expect(m.view().lines[0].contains("score 0/1"))
        #expect(m.view().lines.joined(separator: "\n").contains("your answer: 3   the run: 2"))
    }

    @Test func skippingCountsAsAskedAndShowsTheAnswer() throws {
        var m = try Self.atFirstQuestion()
        _ = Self.press(&m, [[.byte(27)]])
        #expect(m.mode == .normal && m.questions.right == 0 && m.questions.asked.count == 1)
        #expect(m.message?.text.hasPrefix("skipped; the run shows 2") == true)
    }

    @Test func questionMarkListsTheQuestionKeys() throws {
        var m = try Self.atFirstQuestion()
        _ = Self.press(&m, [.typed("?")])
        #expect(m.mode == .question)
        #expect(m.message?.text.hasPrefix("← h → l ↑ k ↓ j move the cursor · Space mark / unmark") == true, "\(m.message?.text ?? "")")
    }

    @Test func enterWithNothingTypedAsksForANumber() throws {
        var m = try Self.atFirstQuestion()
        _ = Self.press(&m, [[.byte(13)]])
        #expect(m.mode == .question && m.questions.asked.isEmpty)
        #expect(m.message == .init(text: "type a number first", isError: true))
    }

    /// The second question: mark dev 1 and dev 3 at object page 1 on the map.
    static func atSecondQuestion() throws -> DebuggerModel {
        var m = try atFirstQuestion()
        _ = press(&m, [[.byte(27)], .typed(String(repeating: "s", count: 60))])
        return m
    }

    @Test func markingDevicePagesRightAndPartly() throws {
        var right = try Self.atSecondQuestion()
        #expect(right.mode == .question && right.questions.session?.question.kind == .r4wReads)
        _ = Self.press(&right, [.typed("jl ll "), [.byte(13)]])
        #expect(right.questions.right == 1 && right.questions.asked.count == 2)
        #expect(right.view().lines.joined(separator: "\n").contains("right: dev 1 page 1, dev 3 page 1"))
        #expect(right.view().lines[0].contains("score 1/2"))

        var partly = try Self.atSecondQuestion()
        _ = Self.press(&partly, [.typed("jl h "), [.byte(13)]])
        let result = try #require(partly.questions.result)
        #expect(result.hits == [DevicePage(dev: 1, objPage: 1)])
        #expect(result.wrong == [DevicePage(dev: 0, objPage: 1)])
        #expect(result.missed == [DevicePage(dev: 3, objPage: 1)])
        #expect(partly.message?.text.hasPrefix("not quite: 1 hit, 1 wrong, 1 missed") == true)
        let overlay = partly.view().lines.joined(separator: "\n")
        #expect(overlay.contains("✓") && overlay.contains("✗") && overlay.contains("○"))
    }

    /// group-split asks which pages its writepages strands (8 and 9): two pages a row.
    @Test func markingPagesOnTheGrid() throws {
        var m = DebuggerModel(timeline: Engine.run(try ScenarioParser.parse(try #require(BundledScenarios.text(named: "group-split")),
                                                                             name: "group-split.scn")), width: 120, height: 40)
        _ = Self.press(&m, [.typed(String(repeating: "}", count: 8))])
        #expect(m.mode == .question && m.questions.session?.question.kind == .stranded)
        var partly = m
        _ = Self.press(&m, [.typed("jjjj l "), [.byte(13)]])
        #expect(m.questions.result?.hitPages == [8, 9] && m.questions.right == 1)
        #expect(m.message?.text.hasPrefix("right: pages 8..9") == true)
        _ = Self.press(&partly, [.typed("jjjl j "), [.byte(13)]])  // marks 7 and 9
        #expect(partly.questions.result?.wrongPages == [7] && partly.questions.result?.hitPages == [9])
        #expect(partly.questions.result?.missedPages == [8] && partly.questions.right == 0)
    }

    /// dev-of: the cell under the cursor is the answer.
    @Test func theCursorCellAnswersWhereAPageLives() throws {
        let text = "layout raid5 devices=4 stripe-unit=4K\nfile size=24K\nask dev-of page=4 Where is page 4?\nwrite 4\nwritepages"
        var m = DebuggerModel(timeline: Engine.run(try ScenarioParser.parse(text, name: "d.scn")), width: 120, height: 40)
        _ = Self.press(&m, [.typed("}}}")])
        #expect(m.mode == .question)
        // Stripe 1 holds pages 3, 4, 5 on devs 3, 0, 1 at object page 1.
        _ = Self.press(&m, [.typed("j"), [.byte(13)]])
        #expect(m.questions.right == 1 && m.message?.text.hasPrefix("right: dev 0 object page 1") == true)
    }

    @Test func playStopsAtAQuestion() throws {
        var m = try Self.model()
        _ = m.update(.key(.character("P")))
        for _ in 0..<200 { _ = m.update(.tick) }
        #expect(m.mode == .question && !m.playing)
    }

    @Test func nextLessonOpensTheLessonsInOrder() throws {
        var m = try Self.model()
        _ = Self.press(&m, [.typed(">")])
        #expect(m.timeline.scenario.name == "\(BundledScenarios.all[0].name).scn")
        _ = Self.press(&m, [.typed(">")])
        #expect(m.timeline.scenario.name == "\(BundledScenarios.all[1].name).scn")
        #expect(m.message?.text.hasPrefix("lesson 2 of \(BundledScenarios.all.count)") == true)
    }

    @Test func theLessonListShowsMarksAndOpensTheChosenOne() throws {
        var m = try Self.model()
        _ = Self.press(&m, [.typed(">"), .typed("o")])
        let list = m.view().lines.joined(separator: "\n")
        #expect(list.contains("✓ full-stripe"))
        #expect(list.contains("✗ r4w-off"))
        _ = Self.press(&m, [[.key(.down)], [.key(.down)], [.byte(13)]])
        #expect(m.timeline.scenario.name == "\(BundledScenarios.all[2].name).scn")
    }
}

/// `record --narrate` waits at a question and at the frame where its answer shows, and
/// `render` shows the question, then the answer.
struct QuestionRecordingTests {
    @Test func aNarratedRecordingWaitsAtTheQuestionAndItsAnswer() throws {
        let t = Engine.run(try ScenarioParser.parse(QuestionModeTests.text, name: "q.scn"))
        var frames: [(time: Double, text: String)] = []
        Asciicast(timeline: t, width: 120, height: 40, secondsPerFrame: 0.5, secondsAtNote: 6).write { line in
            if line.contains("\"o\""), let time = Double(line.dropFirst().prefix { $0 != "," }) { frames.append((time, line)) }
        }
        let asks = (0..<t.count).filter { t.question(at: $0) != nil }
        let shown = asks.compactMap { t.answer(toQuestionAt: $0)?.shownAt }
        #expect(asks.count == 2 && shown.count == 2)
        for seq in 1..<t.count {
            let gap = frames[seq].time - frames[seq - 1].time
            #expect(gap == (asks.contains(seq - 1) || shown.contains(seq - 1) ? 6.5 : 0.5), "after event \(seq - 1)")
        }
        #expect(frames[asks[0]].text.contains("? Question (line 5): How many device pages will this writepages write?"))
        #expect(frames[shown[0]].text.contains("Answer (line 5): How many device pages will this writepages write? → 2"))
    }
}
