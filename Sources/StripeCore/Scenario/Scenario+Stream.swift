/// A scenario read as a stream: `lines` is the prefix parsed so far, the rest is parsed
/// a line at a time as the engine reaches it (`Timeline.scenarioLine`), so the TUI opens
/// a 400,000-line scenario after parsing its first lines. `ScenarioParser.parse` is the
/// same stream read to its end.
extension Scenario {
    /// `text` with nothing parsed yet; `name` is the file name used in errors.
    public init(streaming text: String, name: String) {
        self.init(name: name, lines: [])
        unparsed = ScenarioParser.Incremental(text, name: name)
    }

    /// A file's `bytes` with nothing parsed or decoded yet: each line is decoded as it is
    /// parsed, so opening a long file costs what its first lines do; `name` is the file
    /// name used in errors.
    public init(streaming bytes: [UInt8], name: String) {
        self.init(name: name, lines: [])
        unparsed = ScenarioParser.Incremental(bytes: bytes, name: name)
        source = bytes
    }

    /// Whether `lines` are all of the scenario (parsed to its end without an error).
    public var isWhole: Bool { unparsed == nil && parseError == nil }

    /// Parses the next command line into `lines`; false at the end, or at a bad line
    /// (then `parseError` says what is wrong with it).
    @discardableResult
    public mutating func parseLine() -> Bool {
        guard var parser = unparsed else { return false }
        unparsed = nil
        do {
            guard let line = try parser.next(warnings: &warnings) else { return false }
            lines.append(line)
            if titleText == nil { titleText = line.titleText }
            unparsed = parser
            return true
        } catch {
            parseError = error
            return false
        }
    }

    /// Parses through the `layout` line, then on until `bytes` of the text are read (or
    /// to the end): what the up-front checks (`ScenarioLoader`) and the first frame need.
    /// A text without a layout line is read to its end.
    public mutating func parseOpening(bytes: Int) throws(ScenarioError) {
        if !lines.contains(where: \.isLayout) {
            while parseLine(), !lines[lines.count - 1].isLayout {}
        }
        while let unparsed, unparsed.bytesRead < bytes, parseLine() {}
        if let parseError { throw parseError }
    }

    /// Parses the rest; throws the first bad line's error.
    public mutating func parseRest() throws(ScenarioError) {
        while parseLine() {}
        if let parseError { throw parseError }
    }

    /// How much of the text is parsed, in percent (100 once whole).
    public var percentParsed: Int {
        guard let unparsed, unparsed.totalBytes > 0 else { return 100 }
        return unparsed.bytesRead * 100 / unparsed.totalBytes
    }
}

extension ScenarioLine {
    var isLayout: Bool { if case .layout = command { true } else { false } }
}
