/// What the differential test compares, recorded by the model and read back from the engine's
/// SPEC 7 events alike.
struct KGet: Equatable, CustomStringConvertible {
    let index: Int
    let uptodate: Bool
    let source: String
    var description: String { "get(\(index),\(uptodate ? "U" : "-"),\(source))" }
}

/// A device request: its component, the object byte ranges it moves and the parity part of
/// them, adjacent ranges merged.
struct KDevIO: Equatable, CustomStringConvertible {
    let dev: Int
    let extents: [[UInt64]]
    let parity: [[UInt64]]

    init(dev: Int, extents: [(UInt64, UInt64)], parity: [(UInt64, UInt64)] = []) {
        self.dev = dev
        self.extents = Self.merged(extents)
        self.parity = Self.merged(parity)
    }

    static func merged(_ extents: [(UInt64, UInt64)]) -> [[UInt64]] {
        var merged: [[UInt64]] = []
        for (offset, length) in extents.sorted(by: { $0.0 < $1.0 }) where length > 0 {
            if let last = merged.last, last[0] + last[1] == offset {
                merged[merged.count - 1][1] += length
            } else {
                merged.append([offset, length])
            }
        }
        return merged
    }
    var description: String { "dev \(dev) \(extents)" + (parity.isEmpty ? "" : " parity \(parity)") }
}

/// One `write_exec` that had pages: the pcol as it was passed in and what the ORE did for it.
struct KWriteExec: Equatable, CustomStringConvertible {
    var pgFirst: Int
    var nrPages: Int
    var gets: [KGet] = []
    var puts: [Int] = []
    var reads: [KDevIO] = []
    var writes: [KDevIO] = []
    /// `_gen_xor_unit` calls: the parity device, the rows [min_p, max_p] it recomputed, and
    /// with RAID6 the Q device.
    var xors: [[Int]] = []
    /// Model: what each parity page written is computed from, by device and object byte
    /// offset: the file pages of its row and their coefficients (1 for P, g^column for Q);
    /// rows with a partly written page are left out (the engine keeps one token per page).
    var parityRecipes: [String: [(page: Int, coefficient: UInt8)]] = [:]
    /// Engine: the token each parity page carries, and every page's token as the exec wrote.
    var parityValues: [String: UInt64] = [:]
    var tokenOf: ((Int) -> UInt64)?

    static func at(dev: Int, byte: UInt64) -> String { "dev \(dev) @\(byte)" }

    static func == (a: Self, b: Self) -> Bool {
        (a.pgFirst, a.nrPages) == (b.pgFirst, b.nrPages) && a.gets == b.gets && a.puts == b.puts
            && a.reads == b.reads && a.writes == b.writes && a.xors == b.xors
    }

    var description: String {
        "write_exec(pg_first \(pgFirst), nr_pages \(nrPages)) gets \(gets) puts \(puts) reads \(reads) writes \(writes) xors \(xors)"
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
