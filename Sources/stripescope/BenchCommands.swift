import Dispatch
import StripeCore

/// What one kind of command costs on a file of the bench's size, with 4× as many: a
/// linear command costs 4× (a quadratic one, such as a truncate that zeroed the array's
/// capacity or an fsync that walked the whole cache, 16×). The file is created with
/// `file size=` (on the devices, not cached), so building it costs next to nothing.
enum BenchCommands {
    /// The commands timed, as the JSON names them, and the scenario lines of the `n`-th
    /// of them on a file of `pages` pages.
    static let kinds: [(name: String, lines: @Sendable (Int, Int) -> String)] = [
        // A page written and fsynced: the wait walks the pages under writeback in the file.
        ("fsync", { n, pages in "write \(n * 7919 % pages)\nfsync\n" }),
        // The last page cut and the size restored: the cut, not the file, is what changes.
        ("truncate", { _, pages in "truncate size=\((pages - 1) * 4)K\ntruncate size=\(pages * 4)K\n" }),
        // Eight pages read into the cache from the devices.
        ("read", { n, pages in "read \(n * 7919 % (pages - 8))..\(n * 7919 % (pages - 8) + 7)\n" }),
    ]

    /// Milliseconds for `count` and 4 × `count` commands of each kind (the file's
    /// creation subtracted), and the ratio of the two.
    static func fields(pages: Int, count: Int) -> [(String, JSONValue)] {
        let header = "layout raid5 devices=5 stripe-unit=64K\nfile size=\(pages * 4)K\n"
        let base = milliseconds(header)
        return kinds.flatMap { kind -> [(String, JSONValue)] in
            let once = max(0.001, milliseconds(header + (0..<count).map { kind.lines($0, pages) }.joined()) - base)
            let four = max(0.001, milliseconds(header + (0..<(4 * count)).map { kind.lines($0, pages) }.joined()) - base)
            return [("\(kind.name)_ms_x1", .decimal(rounded(once))), ("\(kind.name)_ms_x4", .decimal(rounded(four))),
                    ("\(kind.name)_ratio", .decimal(rounded(four / once)))]
        }
    }

    /// Build time of `text`, the best of 3.
    private static func milliseconds(_ text: String) -> Double {
        let scenario = try! ScenarioParser.parse(text, name: "bench")
        return (0..<3).map { _ in
            let start = DispatchTime.now()
            _ = Engine.run(scenario)
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        }.min()!
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
