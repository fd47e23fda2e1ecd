#if canImport(Glibc)
import Glibc
#endif

/// The memory a timeline build may take, so a scenario too large for this machine ends
/// with one line and exit 2 instead of being killed by the system (or aborting).
///
/// By default it is three quarters of the room left under the tightest of: the memory
/// the machine has available, the cgroup's `memory.max`, and `ulimit -v`
/// (`RLIMIT_AS`). The build checks it up front against an estimate of the scenario's
/// events, and again at every keyframe against what the process really grew by.
public struct MemoryBudget: Sendable {
    /// Bytes the build may add to the process.
    public var bytes: UInt64
    /// Where the figure comes from, for the message.
    public var source: String
    /// Whether the limit counts address space (`ulimit -v`) rather than resident memory.
    var countsAddressSpace = false
    /// The process's size when the build started.
    private var baseline: (resident: UInt64, virtual: UInt64) = (0, 0)

    /// Bytes an event costs, side tables and keyframes included (BENCHMARKS.md: 46–55
    /// for every workload), rounded up: what the up-front estimate multiplies by.
    static let bytesPerEvent: UInt64 = 64

    public init(bytes: UInt64, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// The default budget on this machine now.
    public static func automatic() -> MemoryBudget {
        let size = ProcessSize.current()
        var rooms: [(bytes: UInt64, source: String, addressSpace: Bool)] = []
        if let available = ProcessSize.meminfo("MemAvailable") { rooms.append((available, "the memory available", false)) }
        // cgroup v2, else v1 (whose "no limit" is a huge number, which never wins).
        if let max = ProcessSize.firstNumber(in: "/sys/fs/cgroup/memory.max")
            ?? ProcessSize.firstNumber(in: "/sys/fs/cgroup/memory/memory.limit_in_bytes") {
            let used = ProcessSize.firstNumber(in: "/sys/fs/cgroup/memory.current")
                ?? ProcessSize.firstNumber(in: "/sys/fs/cgroup/memory/memory.usage_in_bytes") ?? size.resident
            rooms.append((max > used ? max - used : 0, "the cgroup's memory.max", false))
        }
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            let max = UInt64(limit.rlim_cur)
            rooms.append((max > size.virtual ? max - size.virtual : 0, "ulimit -v", true))
        }
        guard let tightest = rooms.min(by: { $0.bytes < $1.bytes }) else {
            return MemoryBudget(bytes: .max, source: "no limit found")
        }
        var budget = MemoryBudget(bytes: tightest.bytes / 4 * 3, source: "3/4 of the room left under \(tightest.source)")
        budget.countsAddressSpace = tightest.addressSpace
        return budget
    }

    /// The build is too large for the budget: what it would need, and how to allow it.
    public struct Exceeded: Error, Sendable, CustomStringConvertible {
        public let scenario: String
        public let needed: UInt64
        public let events: Int
        public let budget: MemoryBudget

        public var description: String {
            "\(scenario): its timeline would need about \(Self.size(needed)) of memory (about \(Self.count(events)) events), over the budget of \(Self.size(budget.bytes, roundingUp: false)) (\(budget.source)); raise it with --max-memory SIZE, e.g. --max-memory \(Self.option(needed + needed / 4))"
        }

        /// A size to read: 1.3G, 512M; a need rounded up, a budget down.
        static func size(_ bytes: UInt64, roundingUp: Bool = true) -> String {
            let bytes = min(bytes, 1 << 60)
            if bytes >= 1 << 30 {
                let tenths = (bytes * 10 + (roundingUp ? (1 << 30) - 1 : 0)) >> 30
                return tenths % 10 == 0 ? "\(tenths / 10)G" : "\(tenths / 10).\(tenths % 10)G"
            }
            if bytes < 1 << 20 {
                // Below a megabyte (a tiny --max-memory), kilobytes: never "0M".
                return "\((bytes + (roundingUp ? (1 << 10) - 1 : 0)) >> 10)K"
            }
            return "\((bytes + (roundingUp ? (1 << 20) - 1 : 0)) >> 20)M"
        }

        /// A size `--max-memory` accepts, rounded up: 520M, 9G.
        static func option(_ bytes: UInt64) -> String {
            let bytes = min(bytes, 1 << 60)
            return bytes >= 4 << 30 ? "\((bytes + (1 << 30) - 1) >> 30)G" : "\((bytes + (1 << 20) - 1) >> 20)M"
        }

        static func count(_ events: Int) -> String {
            guard events >= 1_000_000 else { return "\(events)" }
            let tenths = events / 100_000
            return tenths % 10 == 0 ? "\(tenths / 10) million" : "\(tenths / 10).\(tenths % 10) million"
        }
    }

    /// Remembers the process's size before the build.
    mutating func start() {
        baseline = ProcessSize.current()
    }

    /// Fails when the scenario's estimated events (up to `limit`) would not fit at all.
    public func checkEstimate(of scenario: Scenario, upTo limit: Int = .max) throws(Exceeded) {
        let events = min(limit, Engine.estimatedEvents(of: scenario))
        let needed = UInt64(events).multipliedReportingOverflow(by: Self.bytesPerEvent)
        if needed.overflow || needed.partialValue > bytes {
            throw Exceeded(scenario: scenario.name, needed: needed.overflow ? .max : needed.partialValue, events: events, budget: self)
        }
    }

    /// What the build has grown by after `built` events, against the budget: nil while
    /// it fits; else what the whole run would need, at the bytes an event so far, for
    /// its projected events.
    func check(scenario: Scenario, built: Int, projectedEvents: () -> Int) -> Exceeded? {
        let now = ProcessSize.current()
        let grown = countsAddressSpace
            ? now.virtual.subtractingReportingOverflow(baseline.virtual)
            : now.resident.subtractingReportingOverflow(baseline.resident)
        guard !grown.overflow, grown.partialValue > bytes else { return nil }
        let events = max(built, projectedEvents())
        let needed = Double(grown.partialValue) / Double(max(1, built)) * Double(events)
        return Exceeded(scenario: scenario.name, needed: max(grown.partialValue, UInt64(needed)), events: events, budget: self)
    }
}

/// The process's memory as the kernel counts it.
enum ProcessSize {
    /// Resident and virtual size, from /proc/self/statm.
    static func current() -> (resident: UInt64, virtual: UInt64) {
        let fields = read("/proc/self/statm").split(separator: " ")
        let page = UInt64(sysconf(Int32(_SC_PAGESIZE)))
        guard fields.count > 1, let virtual = UInt64(fields[0]), let resident = UInt64(fields[1]) else { return (0, 0) }
        return (resident * page, virtual * page)
    }

    /// A /proc/meminfo field, in bytes.
    static func meminfo(_ field: String) -> UInt64? {
        for line in read("/proc/meminfo").split(separator: "\n") where line.hasPrefix(field + ":") {
            let words = line.split(separator: " ")
            if words.count >= 2, let kib = UInt64(words[1]) { return kib * 1024 }
        }
        return nil
    }

    /// The number a file starts with; nil for "max", a missing file or anything else.
    static func firstNumber(in path: String) -> UInt64? {
        UInt64(read(path).split(whereSeparator: { $0 == " " || $0 == "\n" }).first ?? "")
    }

    /// A small file's text; empty when it cannot be read.
    static func read(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
