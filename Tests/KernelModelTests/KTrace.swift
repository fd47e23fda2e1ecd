/// What the differential test compares, recorded by the model and read back from the engine's
/// SPEC 7 events alike.
struct KGet: Equatable, CustomStringConvertible {
    let index: Int
    let uptodate: Bool
    let source: String
    var description: String { "get(\(index),\(uptodate ? "U" : "-"),\(source))" }
}

/// A device request: its component and the object byte ranges it moves, adjacent ranges merged.
struct KDevIO: Equatable, CustomStringConvertible {
    let dev: Int
    let extents: [[UInt64]]

    init(dev: Int, extents: [(UInt64, UInt64)]) {
        self.dev = dev
        var merged: [[UInt64]] = []
        for (offset, length) in extents.sorted(by: { $0.0 < $1.0 }) where length > 0 {
            if let last = merged.last, last[0] + last[1] == offset {
                merged[merged.count - 1][1] += length
            } else {
                merged.append([offset, length])
            }
        }
        self.extents = merged
    }
    var description: String { "dev \(dev) \(extents)" }
}

/// One `write_exec` that had pages: the pcol as it was passed in and what the ORE did for it.
struct KWriteExec: Equatable, CustomStringConvertible {
    var pgFirst: Int
    var nrPages: Int
    var gets: [KGet] = []
    var puts: [Int] = []
    var reads: [KDevIO] = []
    var writes: [KDevIO] = []

    var description: String {
        "write_exec(pg_first \(pgFirst), nr_pages \(nrPages)) gets \(gets) puts \(puts) reads \(reads) writes \(writes)"
    }
}

/// A whole run: the write_execs in order, the rules each `check` reported, the page flags at the
/// end, and the function of a `kernel_bug` if the run stopped on one.
struct KTrace {
    var execs: [KWriteExec] = []
    var checks: [[Int]] = []
    var finalFlags: [Int: String] = [:]
    var kernelBug: String?
}
