/// An inclusive range of page indices (`N` or `A..B`).
public typealias PageRange = ClosedRange<Int>

/// A `set KEY=VALUE` option.
public enum SetOption: Sendable, Equatable {
    case writepage(Bool)
    case lockedPage(Bool)
    case r4w(Bool)
    case dirtyUptodate(Bool)
    case maxIOPages(Int)
    case pump(PumpMode)
    case placement(Profile)
}

/// One scenario command (SPEC 4).
public enum Command: Sendable, Equatable {
    case title(String)
    case note(String)
    case profile(Profile)
    case layout(OreLayout)
    /// The file's object id is 0x10000 + `ino` (exofs's `EXOFS_OBJ_OFF`).
    case file(size: UInt64, ino: UInt64)
    case cache(PageRange, dirty: Bool)
    case write(PageRange)
    case writeBytes(offset: UInt64, length: UInt64)
    case read(PageRange)
    case writepages(sync: Bool, range: PageRange?, nrToWrite: Int?)
    /// `filemap_write_and_wait_range`: sync writeback of the range, then wait for it.
    case fsync(range: PageRange?)
    case evict(PageRange)
    case reclaim(pages: Int)
    case truncate(size: UInt64)
    case completions(manual: Bool)
    /// Deliver this many pending completions; nil delivers all.
    case complete(Int?)
    case fail(dev: Int)
    case repair(dev: Int)
    case set(SetOption)
    case check
}

/// A parsed command with the scenario line it came from.
public struct ScenarioLine: Sendable, Equatable {
    /// 1-based line number.
    public var line: Int
    public var text: String
    public var command: Command
}

/// A parsed scenario: its commands and where they came from.
public struct Scenario: Sendable {
    /// File path or bundled name, used in messages.
    public var name: String
    public var lines: [ScenarioLine]

    public init(name: String, lines: [ScenarioLine]) {
        self.name = name
        self.lines = lines
    }

    /// The scenario's `title`, or its name.
    public var title: String {
        for line in lines { if case .title(let text) = line.command { return text } }
        return name
    }
}

/// A malformed scenario: file, line, column and what was expected.
public struct ScenarioError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
