extension ScenarioParser {
    /// The parser one line at a time: `parse` reads a whole text with it, and the TUI
    /// reads a long scenario's lines only as the engine runs them (`Scenario.parseLine`).
    /// The rules that span lines (`Context`) go with it, so a text gives the same lines and
    /// the same first error whichever way it is read.
    struct Incremental: Sendable {
        let name: String
        private var cursor: ScenarioText.LineCursor
        private var lineNumber = 0
        private var context = Context()
        /// Bytes of the whole text.
        let totalBytes: Int

        init(_ text: String, name: String) {
            self.name = name
            cursor = ScenarioText.LineCursor(Substring(text))
            totalBytes = text.utf8.count
        }

        /// Bytes read so far.
        var bytesRead: Int { cursor.offset }

        /// The next line with a command (blank and comment lines skipped), nil at the end;
        /// `warnings` gets the notices of the lines read.
        mutating func next(warnings: inout [String]) throws(ScenarioError) -> ScenarioLine? {
            while let lineText = cursor.next() {
                lineNumber += 1
                var words = LineLexer(line: lineText, lineNumber: lineNumber, file: name)
                if let (column, character) = ScenarioText.firstControlCharacter(in: lineText) {
                    throw ScenarioError(file: name, line: lineNumber, column: column,
                                        message: controlMessage(character, column: column, &words))
                }
                guard let word = words.next() else { continue }
                let command = try parseCommand(word, &words, warnings: &warnings)
                try context.validate(command, at: word, words)
                return ScenarioLine(line: lineNumber, text: lineText.trimmed, command: command)
            }
            return nil
        }
    }
}
