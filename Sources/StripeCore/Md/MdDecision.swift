/// What one `handle_stripe_dirtying` saw and chose (the `md_decision` event): the
/// blocks as it counted them, its `rmw` and `rcw` as raid5.c leaves them, the choice
/// and the blocks it reads.
public struct MdDecision: Sendable, Equatable {
    /// The stripe_head's row: its device page (sector / 8) on every disk.
    public var row: UInt64
    public var disks: [Disk]
    public var rmw: Int
    public var rcw: Int
    public var choice: Choice
    /// Whether this call scheduled the write (`schedule_reconstruction`): a stripe that
    /// reads first is decided again when the reads are back, and only that second
    /// decision writes, so the counters count this one.
    public var scheduled: Bool
    /// Disks read for this decision, ascending.
    public var reads: [Int]

    public struct Disk: Sendable, Equatable {
        public var dev: Int
        public var role: Role
        /// `dirty`: a bio writes it; `want`: read for this decision; `clean`: cached
        /// (UPTODATE); `empty`: none of these.
        public var state: BlockState
        /// The flags as `handle_stripe_dirtying` counted them (before it set any).
        public var overwrite: Bool
        public var uptodate: Bool
        public var locked: Bool
    }

    public enum Role: String, Sendable, CaseIterable { case data, P, Q }
    public enum BlockState: String, Sendable, CaseIterable { case empty, want, dirty, clean }
    public enum Choice: String, Sendable, CaseIterable {
        /// Read-modify-write: prexor of the old data and parity.
        case rmw
        /// Reconstruct-write with some blocks not overwritten.
        case rcw
        /// Reconstruct-write of a stripe whose every data block is overwritten.
        case full
        /// `STRIPE_DELAYED`: reads wanted but the stripe is not preread-active.
        case delayed
    }
}

extension MdDecision {
    /// Packs the decision into argument-table values (the event's `x` points at them).
    var packed: [UInt64] {
        var values: [UInt64] = [row, UInt64(rmw), UInt64(rcw), UInt64(Choice.allCases.firstIndex(of: choice)!) | (scheduled ? 1 << 8 : 0), UInt64(disks.count)]
        for disk in disks {
            let role = UInt64(Role.allCases.firstIndex(of: disk.role)!)
            let state = UInt64(BlockState.allCases.firstIndex(of: disk.state)!)
            let flags = (disk.overwrite ? 1 : 0) | (disk.uptodate ? 2 : 0) | (disk.locked ? 4 : 0)
            values.append(UInt64(disk.dev) | role << 16 | state << 24 | UInt64(flags) << 32)
        }
        values.append(UInt64(reads.count))
        values += reads.map(UInt64.init)
        return values
    }

    /// The choice packed at `at`, and whether that call scheduled the write (what the
    /// counters need, without unpacking the disks).
    static func choice(args: [UInt64], at: Int) -> (Choice, scheduled: Bool) {
        let value = args[at + 3]
        return (Choice.allCases[Int(value & 0xff)], value >> 8 & 1 != 0)
    }

    /// Unpacks what `packed` wrote at `at` in `args`.
    init(args: [UInt64], at: Int) {
        row = args[at]
        rmw = Int(args[at + 1])
        rcw = Int(args[at + 2])
        (choice, scheduled) = Self.choice(args: args, at: at)
        let count = Int(args[at + 4])
        disks = (0..<count).map { n in
            let v = args[at + 5 + n]
            return Disk(dev: Int(v & 0xffff), role: Role.allCases[Int((v >> 16) & 0xff)],
                        state: BlockState.allCases[Int((v >> 24) & 0xff)],
                        overwrite: v >> 32 & 1 != 0, uptodate: v >> 33 & 1 != 0, locked: v >> 34 & 1 != 0)
        }
        let readsAt = at + 5 + count
        reads = (0..<Int(args[readsAt])).map { Int(args[readsAt + 1 + $0]) }
    }
}
