import StripeCore

/// `:` inserts a scenario command at the cursor and keeps the rest of the scenario, `u`
/// undoes, `:w FILE` saves, `o` opens another. An edit is made on the scenario's text and
/// parsed again, so what runs is always a scenario `check` would accept.
extension DebuggerModel {
    /// Whether the scenario differs from the one opened (the header says so).
    public var isEdited: Bool { !undoStack.isEmpty }

    /// The scenario as text, one row per line: each command's line where it stands,
    /// blank lines where the file had blank lines or comments.
    public var scenarioText: String {
        let lines = timeline.scenario.lines
        var rows = [String](repeating: "", count: lines.last?.line ?? 0)
        for line in lines { rows[line.line - 1] = line.text }
        return rows.map { $0 + "\n" }.joined()
    }

    /// The scenario line the cursor's command came from (0 before the first command).
    private var currentLine: Int {
        guard let seq = state.currentCommand, case .command(let line, _, _) = timeline.payload(of: seq) else { return 0 }
        return line
    }

    /// `:TEXT`: `w FILE` saves; anything else is a scenario command inserted after the
    /// command the cursor is in. The timeline is recomputed from the start and the cursor
    /// stands on the new command. On an error the prompt stays open with the text.
    mutating func submitCommand(_ text: String) {
        guard !text.isEmpty else { return }
        if text == "w" || text.hasPrefix("w ") {
            writeScenario(to: String(text.dropFirst()).trimmingSpaces, prompt: text)
            return
        }
        let line = currentLine
        var rows = scenarioText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        rows.removeLast()  // after the last newline
        rows.insert(text, at: line)
        let parsed: Scenario
        do {
            parsed = try ScenarioParser.parse(rows.joined(separator: "\n"), name: timeline.scenario.name)
        } catch {
            mode = .prompt(.command, text)
            // An error in a later line (a second layout) is named by that line's place.
            let place = error.line == line + 1 ? "column \(error.column)" : "then line \(error.line) fails"
            message = Message(text: ":\(text): \(place): \(error.message)", isError: true)
            return
        }
        let newTimeline = Engine.run(parsed)
        let number = parsed.lines.firstIndex { $0.line == line + 1 }!
        let start = (0..<newTimeline.count).first { seq in
            if case .command(_, _, let n) = newTimeline.payload(of: seq) { return n == number }
            return false
        } ?? newTimeline.count - 1
        undoStack.append((timeline, cursor))
        replace(newTimeline, at: start)
        message = Message(text: "inserted '\(text)' as line \(line + 1); the rest of the scenario follows it (\(newTimeline.count) events; u undoes)", isError: false)
    }

    /// `u`: back to the scenario before the last edit, at the event the cursor was on.
    mutating func undo() {
        guard let previous = undoStack.popLast() else {
            message = Message(text: "nothing to undo: the scenario is as it was opened", isError: false)
            return
        }
        replace(previous.timeline, at: previous.cursor)
        message = Message(text: "undone: \(timeline.count) events\(undoStack.isEmpty ? ", the scenario as opened" : "")", isError: false)
    }

    private mutating func writeScenario(to path: String, prompt: String) {
        guard !path.isEmpty else {
            mode = .prompt(.command, prompt)
            message = Message(text: ":w: which file? (:w FILE)", isError: true)
            return
        }
        do {
            try files.write(path, scenarioText)
            message = Message(text: "wrote \(path): \(timeline.scenario.lines.count) commands", isError: false)
        } catch {
            mode = .prompt(.command, prompt)
            message = Message(text: ":w \(path): \(error)", isError: true)
        }
    }

    /// `o NAME`: a bundled scenario by name or a file, replacing this one (edits and their
    /// undo go with it; breakpoints stay).
    mutating func open(_ argument: String) {
        guard !argument.isEmpty else { return }
        do {
            let scenario = try ScenarioLoader.load(argument, bundled: Dictionary(uniqueKeysWithValues: files.bundled.map { ($0.name, $0.text) }),
                                                   readFile: files.read)
            undoStack = []
            replace(Engine.run(scenario), at: 0)
            message = Message(text: "opened \(argument): \(timeline.count) events", isError: false)
        } catch {
            mode = .prompt(.open, argument)
            message = Message(text: "\(error)", isError: true)
        }
    }

    /// Tab in the `o` prompt: completes a bundled scenario's name.
    func completeOpen(_ text: String) -> (text: String, candidates: [String]) {
        Completion.complete(text, from: files.bundled.map(\.name), prefix: "")
    }
}
