import StripeCore

/// What a file read the model asked for is for.
enum PendingRead {
    /// The opened scenario's own text (its comments, for `:` edits).
    case source
    /// `o NAME`: the scenario to open (a bundled one when there is no such file).
    case open(String)
    /// `:w PATH` (not `:w!`): whether the file exists, before it is replaced.
    case save(path: String, prompt: String)
}

/// The model's half of the effects: asking for them, and taking their results back.
extension DebuggerModel {
    /// Asks the loop to read `path`; its result comes back to `fileRead`.
    mutating func read(_ path: String, for purpose: PendingRead) {
        pendingReads.append((path, purpose))
        effects.append(.read(path))
    }

    /// An effect's result; false to quit (the build being shown went over the budget).
    mutating func effectDone(_ result: EffectResult) -> Bool {
        switch result {
        case .read(let path, let bytes, let error):
            guard let n = pendingReads.firstIndex(where: { $0.path == path }) else { return true }
            fileRead(pendingReads.remove(at: n).purpose, path: path, bytes: bytes, error: error)
        case .wrote(let path, let error):
            guard let n = pendingWrites.firstIndex(where: { $0.path == path }) else { return true }
            let write = pendingWrites.remove(at: n)
            if let error {
                mode = .prompt(.command, write.prompt)
                message = Message(text: ":w \(path): \(error)", isError: true)
            } else {
                savedText = write.text
                message = Message(text: "wrote \(path): \(write.commands) commands", isError: false)
            }
        case .built(let id):
            if let pending = pendingBuild, ObjectIdentifier(pending.run) == id {
                pendingBuildStep()
            } else if let run = building, ObjectIdentifier(run) == id {
                return builtStep(run)
            }
        }
        return true
    }

    private mutating func fileRead(_ purpose: PendingRead, path: String, bytes: [UInt8]?, error: String?) {
        switch purpose {
        case .source:
            openedBytes = bytes
        case .open(let argument):
            opened(argument, bytes: bytes, error: error)
        case .save(let path, let prompt):
            // As in vim, a file that exists (other than the one opened) is kept.
            guard bytes == nil, error == nil else {
                mode = .prompt(.command, prompt)
                message = Message(text: ":w \(path): the file exists; :w! \(path) replaces it", isError: true)
                return
            }
            write(to: path, prompt: prompt)
        }
    }

    /// Asks the loop to write the scenario to `path`; `effectDone` hears how it went.
    mutating func write(to path: String, prompt: String) {
        let text = scenarioText
        pendingWrites.append((path, prompt, text, timeline.scenario.lines.count))
        effects.append(.write(path, text: text))
    }
}
