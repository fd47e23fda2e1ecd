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

    /// The keys `set` knows, in the order messages list them.
    static let keys = ["writepage", "locked-page", "r4w", "dirty-uptodate", "pump", "placement", "max-io-pages"]
}

/// How exofs names a file's objects: object id = `EXOFS_OBJ_OFF` + inode number.
public enum ExofsObject {
    /// `EXOFS_OBJ_OFF`.
    public static let objOff: UInt64 = 0x10000
    /// The inode of a scenario's file without `ino=`: the first after the root directory (ino 2).
    public static let defaultIno: UInt64 = 3

    /// The object id of inode `ino` (`exofs_oi_objno`).
    public static func id(ino: UInt64) -> UInt64 { objOff + ino }
}

/// One scenario command (SPEC 4).
public enum Command: Sendable, Equatable {
    case title(String)
    case note(String)
    case profile(Profile)
    case layout(OreLayout)
    /// `file size=SIZE [ino=N]`; the object id is `ExofsObject.id(ino:)`.
    case file(size: UInt64, ino: UInt64)
    case cache(PageRange, dirty: Bool)
    case write(PageRange)
    case writeBytes(offset: UInt64, length: UInt64)
    case read(PageRange)
    case writepages(sync: Bool, range: PageRange?, nrToWrite: Int?)
    /// `fsync [range=RANGE]`: `filemap_write_and_wait_range`; nil is the whole file.
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
    /// `write-path ore|md [rmw=] [stripe-cache=] [log=]`.
    case writePath(WritePathChoice)
    /// `resync`: md recomputes every parity row from its data.
    case resync
    /// `expect CLAIM, ...`: what the preceding note says, checked here (SPEC 12).
    case expect([Claim])
    /// `ask KIND [ARGS] TEXT`: a question for the student (SPEC 12).
    case ask(Question)
    /// `powercut [landed=...] [granularity=request|page]` (SPEC 11).
    case powercut(Powercut)
}

/// What a `powercut` lets land of the device writes in flight.
public struct Powercut: Sendable, Equatable {
    public enum Landed: Sendable, Equatable {
        case all, none
        /// These requests (ids as `dump` lists them): whole, or their first `pages` pages.
        case some([(request: Int, pages: Int?)])

        public static func == (a: Landed, b: Landed) -> Bool {
            switch (a, b) {
            case (.all, .all), (.none, .none): true
            case (.some(let x), .some(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.request == $1.request && $0.pages == $1.pages }
            default: false
            }
        }
    }

    public var landed: Landed
    public var granularity: CrashGranularity

    public init(landed: Landed = .none, granularity: CrashGranularity = .request) {
        self.landed = landed
        self.granularity = granularity
    }
}

/// A parsed command with the scenario line it came from.
public struct ScenarioLine: Sendable, Equatable {
    /// 1-based line number.
    public var line: Int
    public var text: String
    public var command: Command

    /// The text of a `title` line.
    public var titleText: String? { if case .title(let text) = command { text } else { nil } }
}

/// A parsed scenario: its commands and where they came from.
public struct Scenario: Sendable {
    /// File path or bundled name, used in messages.
    public var name: String
    /// Its commands, parsed so far (`Scenario+Stream`); appended only by the parser, which
    /// keeps `title` with them.
    public internal(set) var lines: [ScenarioLine]
    /// Notices that do not stop the scenario, one line each with file:line:col (like the
    /// kernel's "group_depth ignored").
    public var warnings: [String]
    /// The text not parsed yet of a scenario read as a stream (`Scenario+Stream`); nil
    /// once `lines` are all of it.
    var unparsed: ScenarioParser.Incremental?
    /// The first bad line of a stream, found after the lines before it were parsed.
    public internal(set) var parseError: ScenarioError?
    /// The file's bytes, for a scenario read from them as a stream: what `:` edits keep
    /// the comments of, without reading the file again.
    public internal(set) var source: [UInt8]?

    public init(name: String, lines: [ScenarioLine], warnings: [String] = []) {
        self.name = name
        self.lines = lines
        titleText = lines.lazy.compactMap(\.titleText).first
        self.warnings = warnings
    }

    /// The object id of the scenario's file as the engine sets it: from the last `file`
    /// line's `ino=` (default ino 3). `_ore_read_mirror` picks a mirror copy by it.
    public var objectID: UInt64 {
        let ino = lines.reversed().lazy.compactMap { if case .file(_, let ino) = $0.command { ino } else { nil } }.first
        return ExofsObject.id(ino: ino ?? ExofsObject.defaultIno)
    }

    /// The scenario's `title`, or its name. Every frame's header shows it, so it is kept
    /// as lines are parsed rather than looked for among them (half a million `write`
    /// lines at 4 GiB), and a stream's late title line counts once it is parsed.
    public var title: String { titleText ?? name }
    /// The first `title` line's text among `lines`.
    var titleText: String?
}

/// A malformed scenario: file, line, column and what was expected.
public struct ScenarioError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
