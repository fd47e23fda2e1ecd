/// The workloads cost is measured on (`stripescope bench`, the scaling tests): the
/// sequential writeback and the ones that once cost far more per event.
public enum BenchWorkload: String, CaseIterable, Sendable {
    /// Every page written, then written back: full stripes, no reads.
    case sequential
    /// Every other page written, one `write` line each, then written back: every stripe
    /// partial, read-4-write for the other half, one I/O a page.
    case everyOtherPage = "every-other-page"
    /// Small groups (3 devices, depth 2) over 6 devices: the writeback splits into an
    /// I/O every group boundary, hundreds of thousands of them in flight in one call.
    case manyGroupIOs = "many-group-ios"
    /// A file already on the devices, with nothing cached; one page a stripe unit is
    /// written, so r4w reads the rest of every stripe from the devices.
    case coldCache = "cold-cache"
    /// Eight pages written and written back per pair of commands, so the invariants
    /// are checked (and the file quiescent) after every one.
    case smallCommands = "small-commands"
    /// Every page written, then written back one page an I/O (`set max-io-pages=1`):
    /// a data and a parity write a page, all in flight until the command ends (two
    /// million requests at 4 GiB).
    case inFlight = "in-flight"

    /// The scenario for a file of `pages` pages.
    public func scenario(pages: Int) -> String {
        switch self {
        case .sequential:
            "layout raid5 devices=5 stripe-unit=64K\nwrite 0..\(pages - 1)\nwritepages sync\n"
        case .everyOtherPage:
            "layout raid5 devices=5 stripe-unit=64K\n" + stride(from: 0, to: pages, by: 2).map { "write \($0)\n" }.joined() + "writepages sync\n"
        case .manyGroupIOs:
            "layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=2\nset pump=loop\nfile size=48K\nwrite 2..\(pages - 1)\nwritepages sync\n"
        case .coldCache:
            "layout raid5 devices=5 stripe-unit=64K\nfile size=\(pages * 4)K\n" + stride(from: 0, to: pages, by: 16).map { "write \($0)\n" }.joined() + "writepages sync\n"
        case .smallCommands:
            "layout raid5 devices=5 stripe-unit=16K\n" + stride(from: 0, to: pages, by: 8).map { "write \($0)..\($0 + 7)\nwritepages sync\n" }.joined()
        case .inFlight:
            "layout raid5 devices=5 stripe-unit=64K\nset max-io-pages=1\nwrite 0..\(pages - 1)\nwritepages sync\n"
        }
    }
}
