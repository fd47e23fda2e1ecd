/// Why a scenario could not be loaded, as one line that says what to fix.
public struct ScenarioLoadError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(description: String) { self.description = description }
}

/// Turns a command-line SCENARIO argument (a path, or a bundled scenario's name) into
/// a parsed scenario. File reading is handed in, so the engine stays free of I/O.
public enum ScenarioLoader {
    /// - Parameters:
    ///   - argument: a file path, or the name of a bundled scenario (with or without `.scn`).
    ///   - bundled: the bundled scenarios by name.
    ///   - readFile: returns a file's bytes, nil when it does not exist; throws when unreadable
    ///     or not a regular file (it should call `checkSize` before reading).
    ///   - shownAs: how messages name the file (escaped; the CLI passes a name that is not
    ///     UTF-8 escaped byte by byte), the argument escaped when nil.
    public static func load(_ argument: String, bundled: [String: String], shownAs: String? = nil,
                            readFile: (String) throws -> [UInt8]?) throws -> Scenario {
        var scenario = try open(argument, bundled: bundled, shownAs: shownAs, readFile: readFile)
        do {
            try scenario.parseRest()
        } catch {
            throw ScenarioLoadError(description: error.description)
        }
        return scenario
    }

    /// `load` as a stream (`Scenario+Stream`): parsed through its `layout` line, which is
    /// as far as the checks of a whole scenario need to look (a text without one is parsed
    /// to its end and fails as `load` fails), and its first `openingBytes`; the rest is
    /// parsed as it is run.
    public static func open(_ argument: String, bundled: [String: String], shownAs: String? = nil,
                            readFile: (String) throws -> [UInt8]?) throws -> Scenario {
        let shown = shownAs ?? argument.shownName
        let name = argument.hasSuffix(".scn") ? String(argument.dropLast(4)) : argument
        var scenario: Scenario
        let label: String
        if let bytes = try readFile(argument) {
            try checkSize(UInt64(bytes.count), of: shown)
            // Decoded a line at a time as it is parsed, with the errors of decoding it whole.
            scenario = Scenario(streaming: bytes, name: shown)
            label = shown
        } else if !argument.contains("/"), let bundledText = bundled[name] {
            label = "\(name).scn"
            scenario = Scenario(streaming: bundledText, name: label)
        } else {
            let known = bundled.keys.sorted().joined(separator: ", ")
            throw ScenarioLoadError(description: "\(shown): no such file, and no bundled scenario of that name (bundled: \(known))")
        }
        do {
            try scenario.parseOpening(bytes: openingBytes)
        } catch {
            throw ScenarioLoadError(description: error.description)
        }
        guard let first = scenario.lines.first else {
            throw ScenarioLoadError(description: "\(label): is empty; a scenario needs at least a 'layout' line")
        }
        // Title, notes and checks alone would pass `check` with nothing run.
        guard scenario.lines.contains(where: \.isLayout) else {
            throw ScenarioLoadError(description: "\(label):\(first.line):1: no 'layout' line; a scenario needs one before its commands, like 'layout raid5 devices=4 stripe-unit=16K'")
        }
        return scenario
    }

    /// Bytes of a scenario parsed before it is run (`open`): every hand-written scenario
    /// (the bundled ones are under 2 KiB) whole, so its errors and its memory estimate
    /// come before the TUI's screen as they always did; of a generated one with a line a
    /// page, a few hundred lines, a fraction of a millisecond.
    public static let openingBytes = 4096

    /// Fails for a scenario file larger than `Limits.maxScenarioBytes`.
    public static func checkSize(_ size: UInt64, of path: String) throws(ScenarioLoadError) {
        guard size <= Limits.maxScenarioBytes else {
            throw ScenarioLoadError(description: "\(path.shownName): is \(size) bytes; a scenario may be at most \(SizeFormat.string(Limits.maxScenarioBytes)) (a page range like 'write 0..1023' does in one line what a line per page does)")
        }
    }
}
