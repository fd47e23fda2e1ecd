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
    public static func load(_ argument: String, bundled: [String: String],
                            readFile: (String) throws -> [UInt8]?) throws -> Scenario {
        let name = argument.hasSuffix(".scn") ? String(argument.dropLast(4)) : argument
        let text: String
        let label: String
        if let bytes = try readFile(argument) {
            try checkSize(UInt64(bytes.count), of: argument)
            do {
                text = try ScenarioText.decode(bytes, name: argument)
            } catch {
                throw ScenarioLoadError(description: error.description)
            }
            label = argument
        } else if !argument.contains("/"), let bundledText = bundled[name] {
            text = bundledText
            label = "\(name).scn"
        } else {
            let known = bundled.keys.sorted().joined(separator: ", ")
            throw ScenarioLoadError(description: "\(argument): no such file, and no bundled scenario of that name (bundled: \(known))")
        }
        let scenario: Scenario
        do {
            scenario = try ScenarioParser.parse(text, name: label)
        } catch {
            throw ScenarioLoadError(description: error.description)
        }
        guard !scenario.lines.isEmpty else {
            throw ScenarioLoadError(description: "\(label): is empty; a scenario needs at least a 'layout' line")
        }
        return scenario
    }

    /// Fails for a scenario file larger than `Limits.maxScenarioBytes`.
    public static func checkSize(_ size: UInt64, of path: String) throws(ScenarioLoadError) {
        guard size <= Limits.maxScenarioBytes else {
            throw ScenarioLoadError(description: "\(path): is \(size) bytes; a scenario may be at most \(SizeFormat.string(Limits.maxScenarioBytes)) (a page range like 'write 0..1023' does in one line what a line per page does)")
        }
    }
}
