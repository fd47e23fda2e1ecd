/// The comparison lessons: a bundled scenario and the `--compare` commands that make its
/// second world, each teaching why one line of the kernel exists. `stripescope scenarios`
/// lists them with the command line that opens them.
public enum BundledComparisons {
    public struct Lesson: Sendable {
        /// A bundled scenario's name.
        public var scenario: String
        /// The `--compare` commands of world B.
        public var commands: String
        /// What the two worlds show, in one line.
        public var lesson: String

        /// The command line that opens the lesson in the split TUI.
        public var commandLine: String { "stripescope tui \(scenario) --compare '\(commands)'" }
    }

    /// In lesson order.
    public static let all: [Lesson] = [
        Lesson(scenario: "partial-stripe", commands: "set r4w=off",
               lesson: "r4w on vs off: without the r4w ops the ORE refuses the partial stripe and the data is lost"),
        Lesson(scenario: "reclaim-pressure", commands: "set writepage=on",
               lesson: ".writepage vs writepages under reclaim: a page at a time doubles the device writes"),
        Lesson(scenario: "raid0-placement-final", commands: "set placement=seed",
               lesson: "4.18 vs 3.2 placement on a RAID0 write that starts mid-stripe: the final code misplaces a unit"),
        Lesson(scenario: "group-split", commands: "set pump=loop",
               lesson: "pump twice vs until empty: the kernel strands the pcol's last run, the loop writes it"),
        Lesson(scenario: "stripe-cut-seed", commands: "profile final",
               lesson: "3.2 vs 4.18 on a write over several stripes: 3.2 cuts it at the last stripe boundary and strands the cut page"),
        Lesson(scenario: "raid0-groups-seed", commands: "profile final",
               lesson: "3.2 vs 4.18 on RAID0 with three groups: 3.2 puts group 2's units a row off and oopses in group 1, 4.18 misplaces a mid-stripe write in group 0"),
        Lesson(scenario: "md-write-hole-real", commands: "write-path ore",
               lesson: "md vs the ORE on a torn stripe and a dead disk: md rebuilds from the stale parity and returns garbage silently, the ORE fails the read with -EIO"),
    ]
}
