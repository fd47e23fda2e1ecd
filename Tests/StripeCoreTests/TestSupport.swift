import Foundation
@testable import StripeCore

/// Parses and runs scenario text, failing the test on a parse error.
func run(_ text: String, name: String = "test.scn") throws -> Timeline {
    try Engine.run(ScenarioParser.parse(text, name: name))
}

/// What one `write_exec` did, in the shape of the reference `expected/*.json` files.
struct ExecSummary: Equatable, CustomStringConvertible {
    var pages: [Int] = []
    var getPage: [[Int]] = []  // [index, uptodate 0/1]
    var putPage: [Int] = []
    var devRead: [[Int]] = []
    var devWrite: [[Int]] = []

    var description: String { "pages \(pages) get \(getPage) put \(putPage) read \(devRead) write \(devWrite)" }
}

extension Timeline {
    /// Groups the events of each `write_exec` (call to return) that wrote something.
    func execSummaries() -> [ExecSummary] {
        var result: [ExecSummary] = []
        var current: ExecSummary?
        var depth = 0
        for seq in 0..<count {
            let e = event(seq)
            switch e.kind {
            case .call where e.a == KernelFunction.write_exec.rawValue && current == nil:
                let args = arguments(of: seq)
                current = ExecSummary()
                depth = Int(e.depth)
                _ = args
            case .return where e.a == KernelFunction.write_exec.rawValue && Int(e.depth) == depth && current != nil:
                if !current!.devWrite.isEmpty {
                    current!.devRead.sort { $0.lexicographicallyPrecedes($1) }
                    current!.devWrite.sort { $0.lexicographicallyPrecedes($1) }
                    result.append(current!)
                }
                current = nil
            case .call where e.a == KernelFunction.ore_write.rawValue && current != nil:
                let args = arguments(of: seq)
                let first = Int(args[0].value / pageSize)
                let pages = Int((args[1].value + pageSize - 1) / pageSize)
                current!.pages = [first, first + pages - 1]
            case .r4wGetPage where current != nil:
                current!.getPage.append([Int(e.i), e.a & 0x80 != 0 ? 1 : 0])
            case .r4wPutPage where current != nil:
                current!.putPage.append(Int(e.i))
            case .devRead where current != nil, .devWrite where current != nil:
                let request = request(Int(e.i))
                for extent in extents(of: request) {
                    for page in stride(from: extent.offset, to: extent.offset + extent.length, by: Int(pageSize)) {
                        let entry = [request.dev, Int(page / pageSize)]
                        if e.kind == .devRead { current!.devRead.append(entry) } else { current!.devWrite.append(entry) }
                    }
                }
            default:
                break
            }
        }
        return result
    }
}

/// The folder of the reference scenarios copied from ../shared/scenarios.
let referenceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

/// Scenarios several tests work out by hand.
enum Workload {
    /// Pages 0 and 2 dirty in one stripe of 2-page units, the whole file cached: a
    /// discontinuity, and a get_page of the page write_cache_pages holds.
    static let twoRunsInOneStripe = """
        layout raid5 devices=4 stripe-unit=8K
        file size=48K
        cache 0..11
        write 0
        write 2
        writepages
        check
        """

    /// Six dirty pages, two whole stripes of 3 data pages, under memory pressure.
    static let sixDirtyPagesReclaimed = """
        layout raid5 devices=4 stripe-unit=4K
        file size=48K
        write 0..5
        reclaim pages=1
        writepages
        check
        """
}
