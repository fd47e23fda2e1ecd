import StripeCore

extension DebuggerModel {
    /// The first `ask` not yet asked after the cursor, up to `target`: stepping forward
    /// stops there. Looks at a bounded number of events, so a long jump stays instant.
    func questionStop(upTo target: Int) -> Int? {
        guard asksQuestions, target > cursor else { return nil }
        let end = min(target, cursor + 200_000, timeline.count - 1)
        guard end > cursor else { return nil }
        for seq in (cursor + 1)...end where timeline.event(seq).kind == .command {
            if !questions.asked.contains(seq), timeline.question(at: seq) != nil { return seq }
        }
        return nil
    }

    /// Stands at the `ask` at `seq` and waits for the answer (public for `bench`, which
    /// times the question window over frames at other events).
    public mutating func startQuestion(at seq: Int) {
        move(to: seq)
        guard let question = timeline.question(at: seq), let actual = timeline.answer(toQuestionAt: seq) else { return }
        var session = QuestionSession(ask: seq, question: question, actual: actual, grid: QuestionGrid(state: state))
        session.pageCursor = state.pcol.pages.first ?? 0
        questions.session = session
        questions.result = nil
        mode = .question
        message = nil
    }

    /// A key while a question waits: marks, typing, submit or skip.
    mutating func questionKey(_ key: Key) -> Bool {
        guard var session = questions.session else {
            mode = .normal
            return true
        }
        guard let action = QuestionKeys.action(for: key, form: session.question.kind.answerForm, keys: keys) else {
            message = Message(text: "not while answering: \(QuestionKeys.bar(session.question.kind.answerForm, keys: keys))", isError: true)
            return true
        }
        message = nil
        switch action {
        case .quit: return false
        case .move(let dx, let dy):
            if session.marksPages {
                let step = dx + dy * session.grid.rowPages
                session.pageCursor = max(0, min(session.grid.filePages - 1, session.pageCursor + step))
            } else {
                session.cursor.dev = max(0, min(session.grid.devices - 1, session.cursor.dev + dx))
                session.cursor.objPage = UInt64(max(0, min(session.grid.objPages - 1, Int(session.cursor.objPage) + dy)))
            }
        case .toggle:
            if session.marksPages {
                if session.markedPages.remove(session.pageCursor) == nil { session.markedPages.insert(session.pageCursor) }
            } else if session.question.kind.answerForm == .devicePage {
                session.marked = [session.cursor]
            } else if session.marked.remove(session.cursor) == nil {
                session.marked.insert(session.cursor)
            }
        case .type(let c):
            if session.typed.count < 12 { session.typed.append(c) }
        case .erase:
            if !session.typed.isEmpty { session.typed.removeLast() }
        case .submit:
            guard let predicted = session.predicted else {
                questions.session = session
                message = Message(text: session.question.kind.answerForm == .choice ? "type rmw, rcw or full first" : "type a number first",
                                  isError: true)
                return true
            }
            answer(session, predicted)
            return true
        case .skip:
            answer(session, nil)
            return true
        case .help:
            message = Message(text: QuestionKeys.help(keys), isError: false)
        }
        questions.session = session
        return true
    }

    /// Records the answer (nil: skipped), runs the timeline to where the answer shows,
    /// and overlays predicted against actual there.
    private mutating func answer(_ session: QuestionSession, _ predicted: Answer?) {
        let result = QuestionResult(session: session, predicted: predicted)
        questions.asked.insert(session.ask)
        if result.isRight { questions.right += 1 }
        questions.session = nil
        mode = .normal
        // Another question about the same command comes first: the run waits for it too.
        if let next = questionStop(upTo: result.shownAt) {
            startQuestion(at: next)
            message = Message(text: result.verdict + "  (\(questions.score!)); next question", isError: !result.isRight)
            return
        }
        move(to: result.shownAt)
        questions.result = result
        message = Message(text: result.verdict + "  (\(questions.score!); P plays on, Esc hides)", isError: !result.isRight)
    }

    /// The result to overlay: the last answer, while the cursor stands where it shows.
    var shownResult: QuestionResult? {
        guard mode == .normal, let result = questions.result, result.shownAt == cursor else { return nil }
        return result
    }
}
