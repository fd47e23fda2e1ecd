import StripeCore

/// The files the debugger opens (`o`) and saves (`:w`), handed in by the program so
/// the model stays free of I/O, as `ScenarioLoader` takes its `readFile`. Tests hand in
/// a dictionary.
public struct ScenarioFiles: Sendable {
    /// The bundled scenarios, in lesson order: `o` lists and completes them.
    public var bundled: [(name: String, text: String)]
    /// A file's bytes, nil when there is none; throws when it cannot be read.
    public var read: @Sendable (String) throws -> [UInt8]?
    /// Writes `text` to the file at the path; throws with a message that says why not.
    public var write: @Sendable (_ path: String, _ text: String) throws -> Void

    public init(bundled: [(name: String, text: String)], read: @escaping @Sendable (String) throws -> [UInt8]?,
                write: @escaping @Sendable (_ path: String, _ text: String) throws -> Void) {
        self.bundled = bundled
        self.read = read
        self.write = write
    }

    /// No files and no bundled scenarios: what a model starts with.
    public static let none = ScenarioFiles(bundled: [], read: { _ in nil }, write: { _, _ in
        throw ScenarioLoadError(description: "this program cannot write files")
    })
}
