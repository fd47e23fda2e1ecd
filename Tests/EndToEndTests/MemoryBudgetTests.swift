import Foundation
import Testing

/// A scenario too large for the memory it may take ends with one line and exit 2 before
/// the system has to kill anything; render builds only what its frame shows.
struct MemoryBudgetTests {
    /// 16 GiB written back: about 55 million events, far over 64 MB.
    static let huge = "layout raid5 devices=5 stripe-unit=64K\nwrite 0..4194303\nwritepages sync\n"

    @Test(arguments: ["check", "trace", "render", "dump", "tui"])
    func aScenarioOverTheBudgetEndsWithOneLine(_ command: String) throws {
        let file = try Binary.scratch(Self.huge)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let at = ["render", "dump"].contains(command) ? ["--at", "end"] : []
        let r = try Binary.run([command, file.path, "--max-memory", "64M"] + at)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("would need about") == true && lines.first?.contains("--max-memory") == true, "\(r.stderr)")
    }

    /// The estimate up front fits (a low one on purpose), the build does not: the checks
    /// while building stop it, with the same kind of line.
    @Test func aBuildThatOutgrowsTheBudgetStopsWithOneLine() throws {
        let text = "layout raid5 devices=5 stripe-unit=64K\n" + stride(from: 0, to: 16384, by: 2).map { "write \($0)\n" }.joined() + "writepages sync\n"
        let file = try Binary.scratch(text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try Binary.run(["check", file.path, "--max-memory", "4M"])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("over the budget of 4M (--max-memory)"), "\(r.stderr)")
        #expect(try Binary.run(["check", file.path]).status == 0)
    }

    /// A budget below a megabyte is named in kilobytes, never "0M".
    @Test func aTinyBudgetIsNamedAsGiven() throws {
        let r = try Binary.run(["trace", "partial-stripe", "--max-memory", "1K"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("over the budget of 1K (--max-memory)"), "\(r.stderr)")
    }

    @Test func aBadSizeIsBadInput() throws {
        let r = try Binary.run(["check", "gap", "--max-memory", "lots"])
        #expect(r.status == 2)
        #expect(r.stderr == "stripescope: --max-memory: expected a size like 512M or 8G, found 'lots'\n")
    }

    /// Event 10 of a 16 GiB writeback: only the events the frame shows are built (the
    /// header says how many exist, with + for more to come).
    @Test func renderAtAnEventBuildsOnlyUpToIt() throws {
        let file = try Binary.scratch(Self.huge)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try Binary.run(["render", file.path, "--at", "10", "--max-memory", "64M"])
        #expect(r.status == 0, "\(r.stderr)")
        let header = try #require(r.stdout.split(separator: "\n").first)
        let built = try #require(header.split(separator: "/").last?.split(separator: "+").first.flatMap { Int($0) })
        #expect(built < 10 + 2 + 40 + 4096)
        #expect(header.contains("event 10/"))
    }
}
