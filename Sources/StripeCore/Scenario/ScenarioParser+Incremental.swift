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
        /// A text already decoded.
        init(_ text: String, name: String) {
            self.name = name
            cursor = ScenarioText.LineCursor(text: text)
        }

        /// A file's bytes, decoded a line at a time as they are parsed; errors are those of
        /// `ScenarioText.decode` then the parser, in that order, as for the decoded text.
        init(bytes: [UInt8], name: String) {
            self.name = name
            cursor = ScenarioText.LineCursor(bytes: bytes, file: name)
        }

        /// Bytes of the whole text, and those read so far.
        var totalBytes: Int { cursor.totalBytes }
        var bytesRead: Int { cursor.offset }

        /// The next line with a command (blank and comment lines skipped), nil at the end;
        /// `warnings` gets the notices of the lines read.
        mutating func next(warnings: inout [String]) throws(ScenarioError) -> ScenarioLine? {
            while let lineText = try cursor.next() {
                lineNumber += 1
                do {
                    if let line = try parse(lineText, warnings: &warnings) { return line }
                } catch {
                    // Bytes past this line that do not decode come first, as in a decoded text.
                    try cursor.checkEncoding()
                    throw error
                }
            }
            return nil
        }

        /// Line `lineNumber`'s command, nil for a blank or comment line.
        private mutating func parse(_ lineText: Substring, warnings: inout [String]) throws(ScenarioError) -> ScenarioLine? {
            var words = LineLexer(line: lineText, lineNumber: lineNumber, file: name)
            if let (column, character) = ScenarioText.firstControlCharacter(in: lineText) {
                throw ScenarioError(file: name, line: lineNumber, column: column,
                                    message: controlMessage(character, column: column, &words))
            }
            guard let word = words.next() else { return nil }
            let command = try parseCommand(word, &words, warnings: &warnings)
            try context.validate(command, at: word, words)
            return ScenarioLine(line: lineNumber, text: lineText.trimmed, command: command)
        }
    }
}
