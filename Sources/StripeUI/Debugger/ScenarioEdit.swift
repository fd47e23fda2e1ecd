import StripeCore

/// `:` inserts a scenario command at the cursor and keeps the rest of the scenario, `u`
/// undoes, `:w FILE` saves, `o` opens another. An edit is made on the scenario's text
/// (its comments kept) and parsed again, so what runs is always a scenario `check`
/// would accept.
extension DebuggerModel {
    /// Whether the scenario differs from the one opened (the header says so).
    public var isEdited: Bool { !undoStack.isEmpty }

    /// Edits `q` and `o` would drop: made, and not written since by `:w`.
    public var hasUnsavedEdits: Bool { isEdited && savedText != scenarioText }

    /// The scenario as text: what `:w` writes.
    public var scenarioText: String { sourceRows.map { $0 + "\n" }.joined() }

    /// The scenario's lines: as edited, else as its file (or the bundled scenario) has
    /// them, comments and all, when that text still parses to the commands being run;
    /// else rebuilt from the commands, with blank lines where comments were. The file's
    /// text was read when it was opened (an effect): nothing is read here.
    var sourceRows: [String] {
        if let editedRows { return editedRows }
        let scenario = timeline.scenario
        let bundledName = scenario.name.hasSuffix(".scn") ? String(scenario.name.dropLast(4)) : scenario.name
        if let text = openedBytes.map({ String(decoding: $0, as: UTF8.self) }) ?? files.bundled.first(where: { $0.name == bundledName })?.text,
           (try? ScenarioParser.parse(text, name: scenario.name))?.lines == scenario.lines {
            var rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            if rows.last == "" { rows.removeLast() }
            return rows
        }
        var rows = [String](repeating: "", count: scenario.lines.last?.line ?? 0)
        for line in scenario.lines { rows[line.line - 1] = line.text }
        return rows
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
        // Edits and `:w` need all of a scenario still read as a stream (`Scenario+Stream`).
        do {
            try timeline.parseWholeScenario()
        } catch {
            mode = .prompt(.command, text)
            message = Message(text: ":\(text): the scenario has a bad line: \(error)", isError: true)
            return
        }
        if text == "w" || text.hasPrefix("w ") || text.hasPrefix("w!") {
            let force = text.hasPrefix("w!")
            writeScenario(to: String(text.dropFirst(force ? 2 : 1)).trimmingSpaces, prompt: text, force: force)
            return
        }
        guard let first = text.first(where: { !$0.isWhitespace }), first != "#" else {
            mode = .prompt(.command, text)
            message = Message(text: ":\(text): expected a scenario command (a comment or blank line changes nothing)", isError: true)
            return
        }
        let line = currentLine
        var rows = sourceRows
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
        guard let number = parsed.lines.firstIndex(where: { $0.line == line + 1 }) else {
            mode = .prompt(.command, text)
            message = Message(text: ":\(text): expected a scenario command", isError: true)
            return
        }
        guard startBuild(parsed, .edit(text: text, line: line, number: number, rows: rows)) else { mode = .prompt(.command, text); return }
    }

    /// Asks the loop to build `scenario` for `goal` between keys (the `.build` effect), in
    /// place of any such build under way; false (with the reason in the status line)
    /// when its estimate alone is over the memory budget. The run is only made here: the
    /// loop starts it.
    mutating func startBuild(_ scenario: Scenario, _ goal: PendingBuild.Goal) -> Bool {
        cancelPendingBuild()
        do {
            pendingBuild = PendingBuild(run: try EngineRun(scenario, budget: budget), goal: goal)
        } catch {
            message = Message(text: "\(error)", isError: true)
            return false
        }
        effects.append(.build(pendingBuild!.run))
        message = nil
        return true
    }

    /// Esc (or a newer `:`, `u`, `o`): the loop stops the build and its engine thread ends.
    mutating func cancelPendingBuild() {
        if let run = pendingBuild?.run { effects.append(.cancelBuild(run)) }
        pendingBuild = nil
    }

    /// The loop built another chunk of the pending build; once it reaches its goal the new
    /// timeline takes over (the build goes on as `building`). Over the budget, it is dropped.
    mutating func pendingBuildStep() {
        guard var pending = pendingBuild else { return }
        if let failure = pending.run.failure {
            pendingBuild = nil
            message = Message(text: "not applied: \(failure)", isError: true)
            return
        }
        guard let start = pending.target() else {
            pendingBuild = pending
            return
        }
        pendingBuild = nil
        if let shown = building { effects.append(.cancelBuild(shown)) }
        building = pending.run.isFinished ? nil : pending.run
        endPending = false
        let new = pending.run.timeline
        switch pending.goal {
        case .edit(let text, let line, _, let rows):
            undoStack.append((timeline.scenario, cursor, editedRows))
            editedRows = rows
            replace(new, at: start)
            message = Message(text: "inserted '\(text)' as line \(line + 1); the rest of the scenario follows it (u undoes)", isError: false)
        case .undo(_, let rows):
            editedRows = rows
            replace(new, at: start)
            message = Message(text: "undone\(undoStack.isEmpty ? ": the scenario as opened" : "")", isError: false)
        case .open(let name, let bytes):
            undoStack = []
            editedRows = nil
            savedText = nil
            openedBytes = bytes
            // A new scenario starts unfocused: the page cursor of the last one means nothing here.
            focus = .log
            selectedPage = nil
            pageCursor = 0
            replace(new, at: start)
            message = Message(text: openedMessage(name), isError: false)
        }
    }

    /// `u`: back to the scenario before the last edit, at the event the cursor was on.
    mutating func undo() {
        guard let previous = undoStack.popLast() else {
            message = Message(text: "nothing to undo: the scenario is as it was opened", isError: false)
            return
        }
        if !startBuild(previous.scenario, .undo(cursor: previous.cursor, rows: previous.rows)) { undoStack.append(previous) }
    }

    /// `:w FILE` writes the scenario; as in vim, a file that exists (other than the one
    /// opened) is kept unless `:w! FILE` says to replace it: the loop reads it first.
    private mutating func writeScenario(to path: String, prompt: String, force: Bool) {
        guard !path.isEmpty else {
            mode = .prompt(.command, prompt)
            message = Message(text: ":w: which file? (:w FILE)", isError: true)
            return
        }
        if !force, path != timeline.scenario.name {
            read(path, for: .save(path: path, prompt: prompt))
        } else {
            write(to: path, prompt: prompt)
        }
    }

    /// `o NAME`: a bundled scenario by name or a file, replacing this one (edits and their
    /// undo go with it; breakpoints stay). The loop reads the file first (`opened`).
    mutating func open(_ argument: String, confirmed: Bool = false) {
        guard !argument.isEmpty else { return }
        guard confirmed || !hasUnsavedEdits else {
            mode = .confirmDiscard(.open(argument))
            return
        }
        read(argument, for: .open(argument))
    }

    /// The file `o` asked for was read (no file: a bundled scenario of that name).
    mutating func opened(_ argument: String, bytes: [UInt8]?, error: String?) {
        do {
            let scenario = try ScenarioLoader.load(argument, bundled: Dictionary(uniqueKeysWithValues: files.bundled.map { ($0.name, $0.text) })) { _ in
                if let error { throw ScenarioLoadError(description: error) }
                return bytes
            }
            if !startBuild(scenario, .open(argument, bytes: bytes)) { mode = .prompt(.open, argument) }
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
